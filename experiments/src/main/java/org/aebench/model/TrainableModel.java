package org.aebench.model;

/**
 * A model trained by gradient steps. The one training loop ({@code org.aebench.train.Trainer})
 * owns epochs, shuffling and evaluation; a family only says how to take one step.
 */
public interface TrainableModel extends Reconstructor, GradientStep {
}
