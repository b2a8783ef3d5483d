package org.aebench.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** What a dense autoencoder can show besides its output: hidden activations, code noise, contraction. */
public interface DenseProbes {
    /** Activations of the model's measured hidden layer for a batch. */
    INDArray hidden(INDArray batch);

    /** Units of that layer. */
    int hiddenUnits();

    /** The output with {@code noise} added to the hidden layer's activations. */
    INDArray reconstructWithHiddenNoise(INDArray batch, INDArray noise);

    /** Mean over the batch of the squared Frobenius norm of the encoder's Jacobian (sigmoid first layer). */
    double contractivePenalty(INDArray batch);

    /** Whether the model trains with that penalty (its value is then worth reporting). */
    boolean contractive();
}
