package org.aebench.ops;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Binary cross-entropy as Keras computes it: probabilities clipped to [1e-7, 1 - 1e-7]. */
public final class CrossEntropy {
    static final double EPSILON = 1e-7;

    private CrossEntropy() {}

    /** Sum over all elements of -(y log p + (1 - y) log(1 - p)), in the inputs' data type. */
    public static double sum(INDArray p, INDArray y) {
        INDArray pc = Transforms.max(Transforms.min(p, 1 - EPSILON, true), EPSILON, false);
        INDArray ll = y.mul(Transforms.log(pc, true)).addi(y.rsub(1).muli(Transforms.log(pc.rsubi(1), false)));
        return -ll.sumNumber().doubleValue();
    }
}
