package org.aebench.families;

import java.util.List;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.matrix.MatrixException;
import org.aebench.matrix.MatrixLoader;
import org.aebench.model.Reconstructor;
import org.aebench.models.DenoisingConvAutoencoder;

/** Report 003's denoising convolutional autoencoder ({@link DenoisingConvAutoencoder}) with {@code filters} channels. */
public final class ConvDenoiserFamily extends BaseFamily<ConvDenoiserFamily.Settings> {
    /** @param filters channels of both convolutions and of the first transposed convolution */
    public record Settings(Integer filters) {}

    public ConvDenoiserFamily() {
        super("conv-denoiser", "report 003's denoiser: two 3x3 conv and pool blocks of `filters` channels, two stride-2 transposed convolutions, sigmoid", Settings.class, true, true);
    }

    @Override
    public void validate(ExperimentSpec spec, Settings s, String at) {
        MatrixLoader.require(s.filters(), "filters", at, "channels of both conv layers, e.g. 32");
        if (s.filters() <= 0) throw new MatrixException(at + "key 'filters' must be positive");
    }

    @Override
    public Reconstructor build(ExperimentSpec spec, Settings s, int inputs, long weightSeed, long noiseSeed) {
        return new DenoisingConvAutoencoder(spec, s.filters(), weightSeed);
    }

    /** Two convolutions at 28x28 and 14x14 and two transposed ones back (output pixels x kernel x channels in x out). */
    @Override
    public long multiplyAddsPerImage(Settings s, int inputs) {
        long f = s.filters();
        return 2 * 784 * 9 * f + 2 * 196 * 9 * f * f;
    }

    @Override
    public List<String> benchmarked() {
        return List.of("r003/denoising-conv/filters=32/sigma=0.1/fashion-mnist", "r003/denoising-conv/filters=64/sigma=0.1/fashion-mnist");
    }

    @Override public List<String> pytorchArguments(Settings s) { return List.of("--filters", String.valueOf(s.filters())); }
}
