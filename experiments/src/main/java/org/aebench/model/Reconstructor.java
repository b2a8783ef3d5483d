package org.aebench.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Anything that maps a batch of images (rows of pixels in [0,1]) to reconstructions of the same shape. */
public interface Reconstructor {
    INDArray reconstruct(INDArray batch);

    /** One line for the site: layers, loss, optimizer. */
    String describe();
}
