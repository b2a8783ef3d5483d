package org.aebench.matrix;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aebench.data.DatasetId;

/**
 * One experiment as written in a matrix file (after the file's {@code defaults} are merged in).
 * {@link MatrixLoader} checks which fields a family requires. Noise is Gaussian with the given
 * standard deviation, added to pixels in [0,1] and clipped back to [0,1].
 */
public record ExperimentSpec(
        String name,
        String section,
        String note,
        Family family,
        DatasetId dataset,
        Integer components,
        List<String> layers,
        ConvVariant variant,
        Loss loss,
        Optimizer optimizer,
        Double learningRate,
        Integer batchSize,
        Integer epochs,
        WeightInit init,
        List<Integer> seeds,
        LinkedHashMap<String, List<Object>> sweep,
        Map<String, ProfileSettings> profiles,
        Double activityL1,
        Integer activityLayer,
        Double contractive,
        Double inputNoise,
        Double testNoise,
        Double codeNoise,
        Integer filters,
        Double weightDecay,
        Double dropout,
        Boolean batchNorm,
        Integer classifierEpochs,
        DatasetId nonDigitProbe) {

    /** Hidden layer whose activations are penalised, measured or made noisy (default: the first). */
    public int hiddenLayer() { return activityLayer == null ? 0 : activityLayer; }

    /** Std of the Gaussian noise added to training inputs (0 = none). */
    public double trainingNoise() { return inputNoise == null ? 0 : inputNoise; }

    /** Std of the Gaussian noise added to test inputs: test_noise, else the training noise. */
    public double evaluationNoise() { return testNoise != null ? testNoise : trainingNoise(); }

    /** Std of the Gaussian noise added to the code at test time (0 = none). */
    public double codeNoiseLevel() { return codeNoise == null ? 0 : codeNoise; }

    /** L2 weight decay added to the gradient (PyTorch Adam's weight_decay), 0 = none. */
    public double weightDecayRate() { return weightDecay == null ? 0 : weightDecay; }

    /** Dropout rate after each hidden layer while training (0 = none). */
    public double dropoutRate() { return dropout == null ? 0 : dropout; }

    /** True when each hidden layer is batch-normalised. */
    public boolean batchNormalised() { return Boolean.TRUE.equals(batchNorm); }

    /**
     * This experiment with what only decides how a trained model is scored cleared: names and
     * notes, the sweep and seed lists, the profiles (a cell carries their effect), test and code
     * noise, probes and the downstream classifier. Two experiments with equal results train the
     * same network with the same arithmetic; every other field, including any added later, counts
     * as training.
     */
    public ExperimentSpec training() {
        return new ExperimentSpec(null, null, null, family, dataset, components, layers, variant, loss, optimizer, learningRate,
                batchSize, epochs, init, null, null, null, activityL1, activityLayer, contractive, inputNoise, null, null, filters,
                weightDecay, dropout, batchNorm, null, null);
    }

    /** What decides training speed (not the data set, seed or sweep name): cells with equal keys train equally fast. */
    public String speedKey() {
        return family + "|" + dataset.channels() + "|" + layers + "|" + variant + "|" + filters + "|" + loss + "|" + optimizer + "|" + batchSize
                + "|" + dropoutRate() + "|" + batchNormalised();
    }

    /** Multiply-adds of one forward pass per image (0 for closed-form families): a cost estimate for scheduling and ETAs. */
    public long multiplyAddsPerImage(int inputs) {
        switch (family) {
            case PCA, BASELINE_ZERO, BASELINE_MEAN -> { return 0; }
            // layer by layer as built in org.aebench.models (output pixels x kernel x channels in x out)
            case STRIDED_CONV_AE, CONV_VAE -> { return 12_500_000L; }
            case CONV_AE -> {
                if (variant == ConvVariant.KERAS_DENOISE) {
                    long f = filters == null ? 32 : filters;
                    return 2 * 784 * 9 * f + 2 * 196 * 9 * f * f;
                }
                return 800_000L;
            }
            default -> { }
        }
        long total = 0;
        int in = inputs;
        for (LayerSpec l : layerSpecs()) {
            total += (long) in * l.units();
            in = l.units();
        }
        return total;
    }

    /** The parsed layers; valid only after {@link MatrixLoader} has checked them. */
    public List<LayerSpec> layerSpecs() {
        return layers == null ? List.of() : layers.stream().map(LayerSpec::parse).toList();
    }
}
