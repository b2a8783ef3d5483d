package org.aebench.families;

import java.util.List;
import org.aebench.matrix.ConvVariant;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.matrix.MatrixLoader;
import org.aebench.model.Reconstructor;
import org.aebench.models.ConvAutoencoder;

/** The convolutional autoencoders of reports 000 and 001 ({@link ConvAutoencoder}), by their decoder {@code variant}. */
public final class ConvAeFamily extends BaseFamily<ConvAeFamily.Settings> {
    /** @param variant the decoder: unpool, deconv or unpool-deconv (001 sections 7.1-7.3) */
    public record Settings(ConvVariant variant) {}

    public ConvAeFamily() {
        super("conv-ae", "report 001's convolutional autoencoder: a 1-8-16-16 conv and pool encoder and one of its three decoders", Settings.class, true, true);
    }

    @Override
    public void validate(ExperimentSpec spec, Settings s, String at) {
        MatrixLoader.require(s.variant(), "variant", at, "one of " + MatrixLoader.keys(ConvVariant.values()));
    }

    @Override
    public Reconstructor build(ExperimentSpec spec, Settings s, int inputs, long weightSeed, long noiseSeed) {
        return new ConvAutoencoder(spec, s.variant(), weightSeed);
    }

    /** Layer by layer as built (output pixels x kernel x channels in x out), rounded. */
    @Override public long multiplyAddsPerImage(Settings s, int inputs) { return 800_000L; }

    @Override
    public List<String> benchmarked() {
        return List.of("r001/conv-ae/variant=deconv/mnist", "r001/conv-ae/variant=unpool/mnist", "r001/conv-ae/variant=unpool-deconv/mnist");
    }

    @Override public List<String> pytorchArguments(Settings s) { return List.of("--variant", s.variant().key()); }
}
