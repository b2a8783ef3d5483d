package org.aebench.families;

import org.aebench.contract.TrivialBaseline;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.model.Reconstructor;
import org.aebench.models.MeanImageBaseline;

/** Trivial baseline: every output is the mean training image. */
public final class MeanImageFamily extends BaseFamily<NoSettings> {
    public MeanImageFamily() {
        super(TrivialBaseline.MEAN.family(), "trivial baseline: every output is the mean training image", NoSettings.class, false, false);
    }

    @Override public void validate(ExperimentSpec spec, NoSettings s, String at) {}
    @Override public Reconstructor build(ExperimentSpec spec, NoSettings s, int inputs, long weightSeed, long noiseSeed) { return new MeanImageBaseline(); }
    @Override public long multiplyAddsPerImage(NoSettings s, int inputs) { return 0; }
}
