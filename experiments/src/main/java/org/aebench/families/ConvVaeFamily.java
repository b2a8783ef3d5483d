package org.aebench.families;

import java.util.List;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.model.Reconstructor;
import org.aebench.models.ConvVariationalAutoencoder;

/** Report 002's convolutional variational autoencoder ({@link ConvVariationalAutoencoder}). */
public final class ConvVaeFamily extends BaseFamily<NoSettings> {
    public ConvVaeFamily() {
        super("conv-vae", "report 002's convolutional variational autoencoder (the stride-2 codec with a Gaussian code)", NoSettings.class, true, true);
    }

    @Override public void validate(ExperimentSpec spec, NoSettings s, String at) {}

    @Override
    public Reconstructor build(ExperimentSpec spec, NoSettings s, int inputs, long weightSeed, long noiseSeed) {
        return new ConvVariationalAutoencoder(spec, weightSeed, noiseSeed);
    }

    /** Layer by layer as built (output pixels x kernel x channels in x out), rounded. */
    @Override public long multiplyAddsPerImage(NoSettings s, int inputs) { return 12_500_000L; }

    @Override public List<String> benchmarked() { return List.of("r002/vae/colored-mnist"); }
}
