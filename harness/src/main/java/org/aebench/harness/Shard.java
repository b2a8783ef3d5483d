package org.aebench.harness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aebench.matrix.Cell;
import org.aebench.matrix.MatrixException;

/**
 * Shard {@code index} of {@code count}, numbered from 1 ({@code --shard 2/3} is the second of
 * three): a deterministic share of a profile's trainings, the same on every machine for the same
 * cells and count, so that the workers of a Slurm array, a GitHub Actions matrix or a Kubernetes
 * Indexed Job each run their own cells and a merge joins them.
 *
 * <p>Trainings, not cells, are dealt: cells that share one training stay together. They are dealt
 * longest first (by the shipped {@link ModelRates}), each to the shard with the least predicted
 * work so far, ties to the lower index, so shard makespans come out close. A cell computes the same
 * numbers in any shard: its seeds come from the cell, and the thread count is fixed.
 */
public record Shard(int index, int count) {
    private static final Pattern FORM = Pattern.compile("(\\d+)/(\\d+)");

    public Shard {
        if (count < 1) throw new MatrixException("--shard " + index + "/" + count + ": the number of shards must be at least 1");
        if (index < 1 || index > count) {
            throw new MatrixException("--shard " + index + "/" + count + ": shards are numbered 1 to " + count
                    + (index == 0 ? " (0-based indexes come from --shard auto)" : ""));
        }
    }

    /** {@code i/n}, or {@code auto}: the index and count the scheduler gives this task ({@link #fromEnvironment}). */
    public static Shard parse(String text, Map<String, String> environment) {
        if ("auto".equals(text)) return fromEnvironment(environment);
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) throw new MatrixException("--shard '" + text + "': expected i/n with 1 <= i <= n (such as 2/3), or auto");
        try {
            return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) {
            throw new MatrixException("--shard '" + text + "': numbers too large");
        }
    }

    /**
     * A Slurm array task (SLURM_ARRAY_TASK_ID less SLURM_ARRAY_TASK_MIN, of SLURM_ARRAY_TASK_COUNT),
     * or a Kubernetes Indexed Job pod (JOB_COMPLETION_INDEX, 0-based, of AEBENCH_SHARD_COUNT, which
     * the manifest sets to the job's completions: Kubernetes does not pass the count).
     */
    public static Shard fromEnvironment(Map<String, String> env) {
        if (env.containsKey("SLURM_ARRAY_TASK_ID")) {
            int id = number(env, "SLURM_ARRAY_TASK_ID"), min = env.containsKey("SLURM_ARRAY_TASK_MIN") ? number(env, "SLURM_ARRAY_TASK_MIN") : 0;
            int count = number(env, "SLURM_ARRAY_TASK_COUNT");
            if (env.containsKey("SLURM_ARRAY_TASK_STEP") && number(env, "SLURM_ARRAY_TASK_STEP") != 1) {
                throw new MatrixException("--shard auto: the Slurm array must be a plain range (--array=0-" + (count - 1) + "), not stepped");
            }
            return new Shard(id - min + 1, count);
        }
        if (env.containsKey("JOB_COMPLETION_INDEX")) {
            if (!env.containsKey("AEBENCH_SHARD_COUNT")) {
                throw new MatrixException("--shard auto: JOB_COMPLETION_INDEX is set but AEBENCH_SHARD_COUNT is not (set it to the job's completions)");
            }
            return new Shard(number(env, "JOB_COMPLETION_INDEX") + 1, number(env, "AEBENCH_SHARD_COUNT"));
        }
        throw new MatrixException("--shard auto: neither SLURM_ARRAY_TASK_ID (a Slurm array) nor JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) is set;"
                + " give --shard i/n");
    }

    private static int number(Map<String, String> env, String name) {
        String v = env.get(name);
        try {
            return Integer.parseInt(v == null ? "" : v.trim());
        } catch (NumberFormatException e) {
            throw new MatrixException("--shard auto: " + name + "='" + v + "' is not a whole number");
        }
    }

    /** This shard's cells, in the order they came. */
    public List<Cell> select(List<Cell> cells, ModelRates rates) {
        List<List<SharedTraining>> shares = deal(cells, rates, count);
        java.util.Set<Cell> mine = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (SharedTraining t : shares.get(index - 1)) mine.addAll(t.cells());
        return cells.stream().filter(mine::contains).toList();
    }

    /** Every shard's trainings: longest first onto the least-loaded shard (ties to the lower index). */
    static List<List<SharedTraining>> deal(List<Cell> cells, ModelRates rates, int count) {
        List<SharedTraining> trainings = new ArrayList<>(SharedTraining.of(cells));
        // ties by the training's smallest cell id, which does not depend on the order the cells came in
        trainings.sort(Comparator.comparingDouble((SharedTraining t) -> -rates.seconds(t))
                .thenComparing(t -> t.cells().stream().map(Cell::id).min(String::compareTo).orElseThrow()));
        List<List<SharedTraining>> shares = new ArrayList<>();
        double[] load = new double[count];
        for (int i = 0; i < count; i++) shares.add(new ArrayList<>());
        for (SharedTraining t : trainings) {
            int least = 0;
            for (int i = 1; i < count; i++) if (load[i] < load[least]) least = i;
            shares.get(least).add(t);
            load[least] += rates.seconds(t);
        }
        return shares;
    }

    @Override
    public String toString() { return index + "/" + count; }
}
