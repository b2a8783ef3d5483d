package org.aebench.models;

import org.aebench.matrix.ExperimentSpec;

/** The one place that maps a family in the matrix to its class. */
public final class ModelFactory {
    private ModelFactory() {}

    /**
     * @param inputs pixels per image
     * @param seed      the weight seed derived from the cell's seed
     * @param noiseSeed the seed of the model's own randomness while training (dropout, sampling), also from the cell's seed
     */
    public static Reconstructor create(ExperimentSpec spec, int inputs, long seed, long noiseSeed) {
        return switch (spec.family()) {
            case PCA -> new PcaModel(spec.components());
            case BASELINE_ZERO -> new ZeroImageBaseline();
            case BASELINE_MEAN -> new MeanImageBaseline();
            case DENSE_AE -> new DenseAutoencoder(spec, inputs, seed);
            case CONV_AE -> new ConvAutoencoder(spec, seed);
            case STRIDED_CONV_AE -> new StridedConvAutoencoder(spec, seed, noiseSeed);
            case CONV_VAE -> new ConvVariationalAutoencoder(spec, seed, noiseSeed);
        };
    }
}
