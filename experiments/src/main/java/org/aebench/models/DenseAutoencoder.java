package org.aebench.models;

import java.util.stream.Collectors;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.matrix.LayerSpec;
import org.aebench.matrix.Optimizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * A fully connected autoencoder: 784 inputs, then the matrix's layers in order, the last one being
 * the 784-pixel output; float32, trained by {@link DenseNetwork}.
 */
public final class DenseAutoencoder implements TrainableModel {
    private final DenseNetwork net;
    private final String description;

    public DenseAutoencoder(ExperimentSpec spec, int inputs, long seed) {
        this.net = new DenseNetwork(inputs, spec.layerSpecs(), spec.loss(), updater(spec), spec.init(), seed, DataType.FLOAT);
        this.description = inputs + "-" + spec.layerSpecs().stream().map(LayerSpec::toString).collect(Collectors.joining("-"))
                + "; " + spec.loss() + "; " + spec.optimizer()
                + (spec.optimizer() == Optimizer.ADAM ? " lr=" + spec.learningRate() : "")
                + "; batch " + spec.batchSize() + "; init " + spec.init();
    }

    static IUpdater updater(ExperimentSpec spec) {
        return switch (spec.optimizer()) {
            case ADAM -> new Adam(spec.learningRate());            // beta 0.9 / 0.999, eps 1e-8 (PyTorch's)
            case ADADELTA -> new AdaDelta();                        // rho 0.95, eps 1e-6, no learning rate
        };
    }

    @Override
    public double fitBatch(INDArray input, INDArray target) {
        return net.fit(input, target);
    }

    @Override
    public INDArray reconstruct(INDArray batch) {
        return net.output(batch);
    }

    public INDArray parameters() { return net.parameters(); }

    @Override
    public String describe() { return description; }
}
