package org.aebench.families;

import java.util.List;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.matrix.MatrixException;
import org.aebench.model.Reconstructor;
import org.aebench.models.StridedConvAutoencoder;

/** Report 002's stride-2 convolutional denoiser ({@link StridedConvAutoencoder}), optionally with dropout and batch norm. */
public final class StridedConvAeFamily extends BaseFamily<StridedConvAeFamily.Settings> {
    /**
     * @param dropout   rate of dropout after each hidden layer while training (0 or absent: none)
     * @param batchNorm batch-normalise each hidden layer
     */
    public record Settings(Double dropout, Boolean batchNorm) {
        public double dropoutRate() { return dropout == null ? 0 : dropout; }

        public boolean batchNormalised() { return Boolean.TRUE.equals(batchNorm); }
    }

    public StridedConvAeFamily() {
        super("strided-conv-ae", "report 002's stride-2 convolutional codec on coloured MNIST, optionally with dropout and batch norm", Settings.class, true, true);
    }

    @Override
    public void validate(ExperimentSpec spec, Settings s, String at) {
        if (s.dropout() != null && !(s.dropout() >= 0 && s.dropout() < 1)) throw new MatrixException(at + "key 'dropout' must be in [0, 1)");
    }

    @Override
    public Reconstructor build(ExperimentSpec spec, Settings s, int inputs, long weightSeed, long noiseSeed) {
        return new StridedConvAutoencoder(spec, s.dropoutRate(), s.batchNormalised(), weightSeed, noiseSeed);
    }

    /** Layer by layer as built (output pixels x kernel x channels in x out), rounded. */
    @Override public long multiplyAddsPerImage(Settings s, int inputs) { return 12_500_000L; }

    @Override public String speedKey(Settings s) { return s.dropoutRate() + "|" + s.batchNormalised(); }

    @Override
    public List<String> benchmarked() {
        return List.of("r002/conv-ae/colored-mnist", "r002/conv-ae-dropout-bn/colored-mnist");
    }

    @Override
    public List<String> pytorchArguments(Settings s) {
        return s.dropoutRate() > 0 || s.batchNormalised() ? List.of("--regularised") : List.of();
    }
}
