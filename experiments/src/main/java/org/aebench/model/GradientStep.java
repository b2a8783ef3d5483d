package org.aebench.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Anything the one training loop can train: one optimiser step on a batch of inputs and targets. */
public interface GradientStep {
    /** One optimiser step; returns the batch's training loss (the model's own loss). */
    double fitBatch(INDArray input, INDArray target);
}
