package org.aebench.models;

import org.aebench.graph.NativeGarbage;
import org.aebench.model.TrainableModel;
import org.aebench.model.DenseProbes;
import org.aebench.model.FilterImages;
import java.util.stream.Collectors;
import java.util.List;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.optim.Updaters;
import org.aebench.matrix.LayerSpec;
import org.aebench.matrix.Optimizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A fully connected autoencoder: 784 inputs, then the matrix's layers in order, the last one being
 * the 784-pixel output; float32, trained by {@link DenseNetwork}.
 */
public final class DenseAutoencoder implements TrainableModel, DenseProbes, FilterImages {
    /** First-layer units shown as 28x28 filters. */
    static final int FILTERS_SHOWN = 64;
    private final DenseNetwork net;
    private final String description;
    private final int hiddenLayer;
    private final boolean contractive;

    /** @param penalties the activity and contractive penalties, on the hidden layer that is also measured */
    public DenseAutoencoder(ExperimentSpec spec, List<LayerSpec> layers, Penalties penalties, int inputs, long seed) {
        this.hiddenLayer = penalties.layer();
        this.contractive = penalties.contractive() > 0;
        this.net = new DenseNetwork(inputs, layers, spec.loss(), Updaters.of(spec), spec.init(), seed, DataType.FLOAT, penalties);
        this.description = inputs + "-" + layers.stream().map(LayerSpec::toString).collect(Collectors.joining("-"))
                + (penalties.activityL1() > 0 ? "; L1 " + penalties.activityL1() + " on layer " + hiddenLayer + " activations" : "")
                + (penalties.contractive() > 0 ? "; contractive " + penalties.contractive() : "")
                + (spec.trainingNoise() > 0 ? "; input noise sigma " + spec.trainingNoise() : "")
                + "; " + spec.loss() + "; " + spec.optimizer()
                + (spec.optimizer() == Optimizer.ADAM ? " lr=" + spec.learningRate() : "")
                + "; batch " + spec.batchSize() + "; init " + spec.init();
    }


    @Override
    public double fitBatch(INDArray input, INDArray target) {
        double loss = net.fit(input, target);
        NativeGarbage.collectIfGrown();
        return loss;
    }

    @Override
    public INDArray reconstruct(INDArray batch) {
        INDArray out = net.output(batch);
        NativeGarbage.collectIfGrown();
        return out;
    }

    public INDArray parameters() { return net.parameters(); }

    @Override
    public INDArray hidden(INDArray batch) { return net.activations(batch, hiddenLayer); }

    @Override
    public int hiddenUnits() { return net.units(hiddenLayer); }

    @Override
    public INDArray reconstructWithHiddenNoise(INDArray batch, INDArray noise) {
        return net.outputWithNoise(batch, hiddenLayer, noise);
    }

    @Override
    public double contractivePenalty(INDArray batch) { return net.contractivePenalty(batch); }

    @Override
    public boolean contractive() { return contractive; }

    @Override
    public String describe() { return description; }

    /** The first layer's weights of the first units, each as a 28x28 image of what it responds to. */
    @Override
    public java.util.Map<org.aebench.contract.Artifact, Filters> filters() {
        INDArray w = net.weights(0);
        long units = Math.min(FILTERS_SHOWN, w.columns());
        return java.util.Map.of(org.aebench.contract.Artifact.ENCODER_FILTERS, new Filters(w.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, units)).transpose().dup(), 28));
    }
}
