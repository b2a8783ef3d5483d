package org.aebench.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A model fitted in one pass over the training images (PCA, the trivial baselines). */
public interface ClosedFormModel extends Reconstructor {
    void fit(INDArray trainX);
}
