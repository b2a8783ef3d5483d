package org.aebench.families;

import org.aebench.matrix.ExperimentSpec;
import org.aebench.matrix.MatrixException;
import org.aebench.matrix.MatrixLoader;
import org.aebench.model.Reconstructor;
import org.aebench.models.PcaModel;

/** Principal component analysis with {@code components} components, fitted in closed form. */
public final class PcaFamily extends BaseFamily<PcaFamily.Settings> {
    /** @param components principal components kept */
    public record Settings(Integer components) {}

    public PcaFamily() {
        super("pca", "principal component analysis (closed form), reconstruction from the first components", Settings.class, false, false);
    }

    @Override
    public void validate(ExperimentSpec spec, Settings s, String at) {
        MatrixLoader.require(s.components(), "components", at, "a positive number of principal components, e.g. components: 30");
        if (s.components() <= 0 || s.components() > MatrixLoader.IMAGE_FEATURES) {
            throw new MatrixException(at + "key 'components' must be between 1 and " + MatrixLoader.IMAGE_FEATURES + ", found " + s.components());
        }
    }

    @Override
    public Reconstructor build(ExperimentSpec spec, Settings s, int inputs, long weightSeed, long noiseSeed) {
        return new PcaModel(s.components());
    }

    @Override public long multiplyAddsPerImage(Settings s, int inputs) { return 0; }
}
