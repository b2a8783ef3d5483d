package org.aebench.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** An autoencoder whose code can be read and decoded on its own (code scatter plots, interpolation). */
public interface LatentModel extends Reconstructor {
    /** Codes of a batch of images, one flat row per image (the mean code for a VAE). */
    INDArray encode(INDArray batch);

    /** Images decoded from flat code rows. */
    INDArray decode(INDArray codes);
}
