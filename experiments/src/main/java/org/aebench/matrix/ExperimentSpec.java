package org.aebench.matrix;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aebench.data.DatasetId;
import org.aebench.model.Reconstructor;

/**
 * One experiment as written in a matrix file (after the file's {@code defaults} are merged in):
 * what every family shares, plus the family's own {@code settings} (a record of its
 * {@link ModelFamily#settingsType}). Noise is Gaussian with the given standard deviation, added
 * to pixels in [0,1] and clipped back to [0,1].
 */
public record ExperimentSpec(
        String name,
        String section,
        String note,
        ModelFamily<?> family,
        DatasetId dataset,
        Loss loss,
        Optimizer optimizer,
        Double learningRate,
        Integer batchSize,
        Integer epochs,
        WeightInit init,
        List<Integer> seeds,
        LinkedHashMap<String, List<Object>> sweep,
        Map<String, ProfileSettings> profiles,
        Double inputNoise,
        Double testNoise,
        Double weightDecay,
        Record settings) {

    /** Std of the Gaussian noise added to training inputs (0 = none). */
    public double trainingNoise() { return inputNoise == null ? 0 : inputNoise; }

    /** Std of the Gaussian noise added to test inputs: test_noise, else the training noise. */
    public double evaluationNoise() { return testNoise != null ? testNoise : trainingNoise(); }

    /** L2 weight decay added to the gradient (PyTorch Adam's weight_decay), 0 = none. */
    public double weightDecayRate() { return weightDecay == null ? 0 : weightDecay; }

    /** How the trained model is scored besides the test set, where the family offers it. */
    public Scoring scoring() {
        return settings instanceof Scoring s ? s : Scoring.NONE;
    }

    /** The family's settings as their type; throws when this spec belongs to another family. */
    public <S extends Record> S settings(Class<S> type) {
        return type.cast(settings);
    }

    /** This spec with the family and its settings set (the matrix maps the shared keys first). */
    public ExperimentSpec with(ModelFamily<?> family, Record settings) {
        return new ExperimentSpec(name, section, note, family, dataset, loss, optimizer, learningRate, batchSize, epochs, init, seeds,
                sweep, profiles, inputNoise, testNoise, weightDecay, settings);
    }

    /** The cell's model, built by its family. */
    public Reconstructor build(int inputs, long weightSeed, long noiseSeed) {
        return family.build(this, inputs, weightSeed, noiseSeed);
    }

    void validate(String at) {
        family.validate(this, at);
    }

    /**
     * This experiment with what only decides how a trained model is scored cleared: names and
     * notes, the sweep and seed lists, the profiles (a cell carries their effect), test noise and
     * what the family clears ({@link ModelFamily#training}). Two experiments with equal results
     * train the same network with the same arithmetic; every other field, including any added
     * later, counts as training.
     */
    public ExperimentSpec training() {
        return new ExperimentSpec(null, null, null, family, dataset, loss, optimizer, learningRate, batchSize, epochs, init, null, null,
                null, inputNoise, null, weightDecay, family.training(this));
    }

    /** What decides training speed (not the data set, seed or sweep name): cells with equal keys train equally fast. */
    public String speedKey() {
        return family.key() + "|" + dataset.channels() + "|" + loss + "|" + optimizer + "|" + batchSize + "|" + family.speedKey(this);
    }

    /** Multiply-adds of one forward pass per image (0 for closed-form families): a cost estimate for scheduling and ETAs. */
    public long multiplyAddsPerImage(int inputs) {
        return family.multiplyAddsPerImage(this, inputs);
    }
}
