package org.aebench.models;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model trained by gradient steps. The one training loop ({@code org.aebench.train.Trainer})
 * owns epochs, shuffling and evaluation; a family only says how to take one step.
 */
public interface TrainableModel extends Reconstructor {
    /** One optimiser step on a batch; returns the batch's training loss (the model's own loss). */
    double fitBatch(INDArray input, INDArray target);
}
