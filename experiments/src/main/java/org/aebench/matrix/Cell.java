package org.aebench.matrix;

import java.util.Map;
import org.aebench.contract.Sweep;

/**
 * One runnable unit of the matrix: an experiment with its sweep values filled in, one seed, under
 * one profile.
 *
 * @param id           stable, readable id: {@code report/experiment/k=v/.../dataset/seed=N}
 * @param experimentId the id without the seed (what reference values are matched on)
 * @param spec         the experiment with sweep values substituted
 * @param epochs       epochs to train after the profile's cap (0 for closed-form families)
 */
public record Cell(
        String id,
        String experimentId,
        String report,
        String matrixFile,
        ExperimentSpec spec,
        Map<String, String> sweep,
        int seed,
        String profile,
        Integer trainLimit,
        Integer testLimit,
        int epochs) {

    /**
     * What decides the trained model: cells with equal keys train identical networks (same
     * experiment settings, data, seed and epochs, so the same numbers on one native build) and
     * differ only in how they are scored, e.g. report 000's standard AE scored on noisy images
     * and its hidden-size cell with h = 256.
     */
    public TrainingKey trainingKey() {
        return new TrainingKey(spec.training(), seed, profile, trainLimit, testLimit, epochs);
    }

    /** See {@link #trainingKey}. */
    public record TrainingKey(ExperimentSpec spec, int seed, String profile, Integer trainLimit, Integer testLimit, int epochs) {}

    public String sweepText() {
        return new Sweep(sweep).text();
    }
}
