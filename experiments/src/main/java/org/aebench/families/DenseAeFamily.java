package org.aebench.families;

import java.util.List;
import org.aebench.data.DatasetId;
import org.aebench.matrix.Activation;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.matrix.LayerSpec;
import org.aebench.matrix.Loss;
import org.aebench.matrix.MatrixException;
import org.aebench.matrix.MatrixLoader;
import org.aebench.matrix.Scoring;
import org.aebench.model.Reconstructor;
import org.aebench.models.DenseAutoencoder;
import org.aebench.models.Penalties;

/**
 * Fully connected autoencoders ({@link DenseAutoencoder}): deep, one hidden layer, sparse
 * ({@code activity_l1}), denoising (the shared {@code input_noise}), manifold ({@code code_noise}
 * on {@code activity_layer} at test time), contractive, and the probes any dense cell may carry.
 */
public final class DenseAeFamily extends BaseFamily<DenseAeFamily.Settings> {
    /**
     * @param layers           units:activation per layer after the input, the last being the 784-pixel output
     * @param activityL1       lambda of the L1 penalty on the measured hidden layer's activations (sum over units, mean over images)
     * @param activityLayer    hidden layer that is penalised, measured or made noisy (default 0, the first)
     * @param contractive      lambda of the squared Frobenius norm of the encoder's Jacobian (sigmoid first layer)
     * @param codeNoise        std of the noise added to that layer's activations at test time
     * @param nonDigitProbe    data set whose test images are shown to an MNIST model (the non-digit probe)
     * @param classifierEpochs report 004(b): epochs of the CNN that reads the reconstructions
     */
    public record Settings(List<String> layers, Double activityL1, Integer activityLayer, Double contractive, Double codeNoise,
                           DatasetId nonDigitProbe, Integer classifierEpochs) implements Scoring {
        /** The parsed layers; valid only after validation. */
        public List<LayerSpec> layerSpecs() {
            return layers == null ? List.of() : layers.stream().map(LayerSpec::parse).toList();
        }

        public int hiddenLayer() { return activityLayer == null ? 0 : activityLayer; }

        public double activityL1Weight() { return activityL1 == null ? 0 : activityL1; }

        public double contractiveWeight() { return contractive == null ? 0 : contractive; }

        @Override
        public double codeNoiseLevel() { return codeNoise == null ? 0 : codeNoise; }
    }

    public DenseAeFamily() {
        super("dense-ae", "fully connected autoencoder with the listed layers; optional L1 activity, contractive penalty and probes", Settings.class, true, false);
    }

    @Override
    public void validate(ExperimentSpec spec, Settings s, String at) {
        MatrixLoader.require(s.layers(), "layers", at, "a list of units:activation, e.g. layers: [\"512:relu\", \"784:sigmoid\"]");
        if (s.layers().isEmpty()) throw new MatrixException(at + "key 'layers' must list at least the output layer");
        for (int i = 0; i < s.layers().size(); i++) {
            if (LayerSpec.parse(s.layers().get(i)) == null) {
                throw new MatrixException(at + "layers[" + i + "] '" + s.layers().get(i)
                        + "': expected units:activation with units > 0 and activation one of " + Activation.allowed());
            }
        }
        List<LayerSpec> layers = s.layerSpecs();
        int out = layers.get(layers.size() - 1).units();
        if (out != MatrixLoader.IMAGE_FEATURES) {
            throw new MatrixException(at + "the last layer must have " + MatrixLoader.IMAGE_FEATURES + " units (the image), found " + out);
        }
        for (var e : java.util.Map.of("activity_l1", s.activityL1Weight(), "contractive", s.contractiveWeight(),
                "code_noise", s.codeNoiseLevel()).entrySet()) {
            if (!(e.getValue() >= 0)) throw new MatrixException(at + "key '" + e.getKey() + "' must be 0 or more, found " + e.getValue());
        }
        int hidden = layers.size() - 1;
        if (s.activityLayer() != null && (s.activityLayer() < 0 || s.activityLayer() >= hidden)) {
            throw new MatrixException(at + "key 'activity_layer' must name a hidden layer, 0 to " + (hidden - 1) + ", found " + s.activityLayer());
        }
        if (s.contractiveWeight() > 0 && (s.hiddenLayer() != 0 || layers.get(0).activation() != Activation.SIGMOID)) {
            throw new MatrixException(at + "key 'contractive' needs the first layer to be sigmoid and activity_layer 0");
        }
        if (spec.loss() == Loss.BCE && layers.get(layers.size() - 1).activation() != Activation.SIGMOID) {
            throw new MatrixException(at + "loss bce needs a sigmoid output layer (the last of 'layers')");
        }
        if (s.classifierEpochs() != null && s.classifierEpochs() <= 0) throw new MatrixException(at + "key 'classifier_epochs' must be positive");
        if (s.nonDigitProbe() != null && spec.dataset() != DatasetId.MNIST) {
            throw new MatrixException(at + "key 'non_digit_probe' applies to cells on mnist only");
        }
    }

    @Override
    public Reconstructor build(ExperimentSpec spec, Settings s, int inputs, long weightSeed, long noiseSeed) {
        return new DenseAutoencoder(spec, s.layerSpecs(), new Penalties(s.activityL1Weight(), s.contractiveWeight(), s.hiddenLayer()),
                inputs, weightSeed);
    }

    @Override
    public long multiplyAddsPerImage(Settings s, int inputs) {
        long total = 0;
        int in = inputs;
        for (LayerSpec l : s.layerSpecs()) {
            total += (long) in * l.units();
            in = l.units();
        }
        return total;
    }

    /** Code noise, probes and the classifier only score the trained network. */
    @Override
    public Settings training(Settings s) {
        return new Settings(s.layers(), s.activityL1(), s.activityLayer(), s.contractive(), null, null, null);
    }

    /** Penalties cost little beside the layers' products: one timing serves every cell with these layers. */
    @Override public String speedKey(Settings s) { return String.valueOf(s.layers()); }

    @Override
    public List<String> benchmarked() {
        return List.of("r000/deep-ae/mnist", "r001/hidden-size/h=256/mnist", "r003/dense-1h/h=32/fashion-mnist", "r004/dense-32/mnist",
                "r000/sparse/lambda=0.001/mnist", "r000/denoising/noise=0.5/mnist", "r001/manifold/mnist", "r004/contractive/mnist");
    }

    @Override
    public List<String> pytorchArguments(Settings s) {
        return s.activityL1() != null || s.contractive() != null ? List.of("--layers", String.join(",", s.layers()), "--regularised")
                : List.of("--layers", String.join(",", s.layers()));
    }
}
