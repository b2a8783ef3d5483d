package org.aebench.families;

import org.aebench.contract.TrivialBaseline;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.model.Reconstructor;
import org.aebench.models.ZeroImageBaseline;

/** Trivial baseline: every output pixel 0. */
public final class ZeroImageFamily extends BaseFamily<NoSettings> {
    public ZeroImageFamily() {
        super(TrivialBaseline.ZERO.family(), "trivial baseline: every output pixel 0", NoSettings.class, false, false);
    }

    @Override public void validate(ExperimentSpec spec, NoSettings s, String at) {}
    @Override public Reconstructor build(ExperimentSpec spec, NoSettings s, int inputs, long weightSeed, long noiseSeed) { return new ZeroImageBaseline(); }
    @Override public long multiplyAddsPerImage(NoSettings s, int inputs) { return 0; }
}
