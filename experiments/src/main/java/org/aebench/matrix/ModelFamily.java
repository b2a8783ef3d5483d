package org.aebench.matrix;

import java.util.List;
import org.aebench.model.Reconstructor;

/**
 * A model family, and the one place that knows it: the matrix keys only it takes (a record whose
 * components are the keys, in snake case), their validation, the model it builds from the cell's
 * seeds, its cost, and which of its experiments the benchmark measures. Implementations are listed
 * in {@code META-INF/services/org.aebench.matrix.ModelFamily}; {@link Families} finds them.
 *
 * @param <S> the family's settings: one record component per key, null when the matrix leaves it out
 */
public interface ModelFamily<S extends Record> {
    /** What {@code family:} says in the matrix and the results' {@code family} column holds. */
    String key();

    /** One sentence for the README and {@code aebench list}. */
    String description();

    Class<S> settingsType();

    /** Trained by gradient descent over epochs (false: fitted in closed form). */
    boolean trained();

    /** Built as a SameDiff graph: scheduled first, warmed up longer by the estimate. */
    boolean graph();

    /** Throws a {@link MatrixException} starting with {@code at} when the settings make no sense. */
    void validate(ExperimentSpec spec, S settings, String at);

    /**
     * @param inputs     pixels per image
     * @param weightSeed the cell's weight seed
     * @param noiseSeed  the seed of the model's own randomness while training (dropout, sampling)
     */
    Reconstructor build(ExperimentSpec spec, S settings, int inputs, long weightSeed, long noiseSeed);

    /** Multiply-adds of one forward pass per image (0 for closed-form families): a cost for scheduling and ETAs. */
    long multiplyAddsPerImage(S settings, int inputs);

    /** The settings with what only decides how a trained model is scored cleared (probes, test-time noise). */
    default S training(S settings) { return settings; }

    /** What of the settings decides training speed; cells with equal keys are timed once by the estimate. */
    default String speedKey(S settings) { return String.valueOf(settings); }

    /** Experiment ids (of the full profile) that {@code aebench bench} measures for this family. */
    default List<String> benchmarked() { return List.of(); }

    /**
     * The PyTorch reference script's arguments for these settings besides the shared ones
     * ({@code pytorch_reference.py} decides from them whether it has a version of the model).
     */
    default List<String> pytorchArguments(S settings) { return List.of(); }

    // The same operations given a spec of this family: callers hold a ModelFamily<?>, and only here
    // is S known, so the settings are cast once, in one place.

    /** This family's settings of {@code spec}. */
    default S settingsOf(ExperimentSpec spec) { return settingsType().cast(spec.settings()); }

    default void validate(ExperimentSpec spec, String at) { validate(spec, settingsOf(spec), at); }

    default Reconstructor build(ExperimentSpec spec, int inputs, long weightSeed, long noiseSeed) {
        return build(spec, settingsOf(spec), inputs, weightSeed, noiseSeed);
    }

    default S training(ExperimentSpec spec) { return training(settingsOf(spec)); }

    default String speedKey(ExperimentSpec spec) { return speedKey(settingsOf(spec)); }

    default long multiplyAddsPerImage(ExperimentSpec spec, int inputs) { return multiplyAddsPerImage(settingsOf(spec), inputs); }

    default List<String> pytorchArguments(ExperimentSpec spec) { return pytorchArguments(settingsOf(spec)); }
}
