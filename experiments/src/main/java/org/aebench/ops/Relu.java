package org.aebench.ops;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMax;

/**
 * ReLU for SameDiff graphs, written as {@code max(x, 0)}.
 *
 * <p>Why not {@code sd.nn().relu}: SameDiff differentiates it with libnd4j's
 * {@code thresholdedrelu_bp}, which in 1.0.0-M2.1 is tens of times slower than a same-shape
 * {@code multiply} (docs/performance.md, "ReLU as max(x, 0)").
 * SameDiff differentiates {@code max_scalar} as {@code gradient * (x > 0)}: a comparison, a cast
 * and a multiply, each a plain element-wise op. The forward values are the same; the gradient
 * passes where the input is positive, as {@code thresholdedrelu_bp} with cutoff 0 does.
 *
 * <p>A subclass of SameDiff's ReLU that overrides {@code doDiff} does not work: the graph SameDiff
 * builds for the gradient holds a plain {@code RectifiedLinear} (checked), so its gradient is
 * {@code thresholdedrelu_bp} again.
 */
public final class Relu {
    private Relu() { }

    /** {@code max(x, 0)}. */
    public static SDVariable of(SameDiff sd, SDVariable x) {
        return new ScalarMax(sd, x, 0.0).outputVariable();
    }
}
