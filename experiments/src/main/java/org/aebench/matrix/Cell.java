package org.aebench.matrix;

import java.util.Map;
import java.util.stream.Collectors;

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

    public String sweepText() {
        return sweep.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }
}
