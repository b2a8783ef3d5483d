package org.aebench.models;

import java.util.List;
import java.util.stream.Collectors;
import org.aebench.matrix.Activation;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.matrix.LayerSpec;
import org.aebench.matrix.Loss;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * A fully connected autoencoder: 784 inputs, then the matrix's layers in order, the last one being
 * the 784-pixel output. Built as a DL4J MultiLayerNetwork in float32.
 */
public final class DenseAutoencoder implements TrainableModel {
    private final MultiLayerNetwork net;
    private final String description;

    public DenseAutoencoder(ExperimentSpec spec, int inputs, long seed) {
        List<LayerSpec> layers = spec.layerSpecs();
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(updater(spec))
                .weightInit(switch (spec.init()) {
                    // U(-1/sqrt(fan_in), 1/sqrt(fan_in)): PyTorch's nn.Linear weights (its biases are random too; ours start at 0).
                    case PYTORCH_UNIFORM -> WeightInit.UNIFORM;
                    case GLOROT_UNIFORM -> WeightInit.XAVIER_UNIFORM;
                })
                .biasInit(0)
                .list();
        int in = inputs;
        for (int i = 0; i < layers.size() - 1; i++) {
            LayerSpec l = layers.get(i);
            list.layer(new DenseLayer.Builder().nIn(in).nOut(l.units()).activation(activation(l.activation())).build());
            in = l.units();
        }
        LayerSpec out = layers.get(layers.size() - 1);
        list.layer(new OutputLayer.Builder(loss(spec.loss(), out.units())).nIn(in).nOut(out.units())
                .activation(activation(out.activation())).build());
        MultiLayerConfiguration conf = list.build();
        this.net = new MultiLayerNetwork(conf);
        net.init();
        this.description = inputs + "-" + layers.stream().map(LayerSpec::toString).collect(Collectors.joining("-"))
                + "; " + spec.loss() + "; " + spec.optimizer()
                + (spec.learningRate() != null && spec.optimizer() == org.aebench.matrix.Optimizer.ADAM ? " lr=" + spec.learningRate() : "")
                + "; batch " + spec.batchSize() + "; init " + spec.init();
    }

    private static IUpdater updater(ExperimentSpec spec) {
        return switch (spec.optimizer()) {
            case ADAM -> new Adam(spec.learningRate());
            case ADADELTA -> new AdaDelta();
        };
    }

    /** Both losses as a mean over pixels, as PyTorch and Keras reduce them (DL4J's XENT sums over pixels). */
    private static ILossFunction loss(Loss loss, int outputs) {
        return switch (loss) {
            case MSE -> new LossMSE();
            case BCE -> new LossBinaryXENT(Nd4j.valueArrayOf(new long[] {1, outputs}, 1.0f / outputs, DataType.FLOAT));
        };
    }

    private static IActivation activation(Activation a) {
        return switch (a) {
            case RELU -> new ActivationReLU();
            case SIGMOID -> new ActivationSigmoid();
            case TANH -> new ActivationTanH();
            case IDENTITY -> new ActivationIdentity();
        };
    }

    @Override
    public double fitBatch(INDArray input, INDArray target) {
        net.fit(input, target);
        return net.score();
    }

    @Override
    public INDArray reconstruct(INDArray batch) {
        return net.output(batch, false);
    }

    public INDArray parameters() { return net.params(); }

    @Override
    public String describe() { return description; }
}
