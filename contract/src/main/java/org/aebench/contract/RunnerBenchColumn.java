package org.aebench.contract;

import static org.aebench.contract.ColumnType.INTEGER;
import static org.aebench.contract.ColumnType.NUMBER;
import static org.aebench.contract.ColumnType.TEXT;
import static org.aebench.contract.ColumnType.TIMESTAMP;

/**
 * The columns of {@code results/bench/runner.csv}: each benchmarked model trained in the runner's
 * own step, by one worker alone and by N workers at once (one row per model and worker count), so
 * that the throughput a user waits for sits beside JMH's single-step figure.
 */
public enum RunnerBenchColumn implements Column {
    MODEL("model", TEXT, "experiment id of the model (its settings come from the matrix, full profile, first seed)"),
    WORKERS("workers", INTEGER, "copies of the model training at once, one per worker, as the runner runs cells"),
    WORKER_KIND("worker_kind", TEXT, "threads: the workers are threads of one JVM (aebench run); processes: each has a JVM of its own"
            + " (aebench run --worker-processes); empty in files written before processes were measured, which were threads"),
    SAMPLES_PER_SECOND("samples_per_second", NUMBER, "training images per second of one worker: alone, the median of its alone windows;"
            + " with several, the median over the windows in which all train of the workers' mean"),
    SLOWEST_WORKER("slowest_worker", NUMBER, "the slowest worker's images per second, the median of its windows"),
    EFFICIENCY("efficiency", NUMBER, "throughput of a worker among all over that of a worker alone, from windows of the same JVMs taken in turn"),
    FIRST_STEPS("first_steps", INTEGER, "steps timed from the model's construction for the first-steps overhead"),
    FIRST_STEPS_OVERHEAD_SECONDS("first_steps_overhead_seconds", NUMBER,
            "seconds the construction and first steps took beyond the same steps at the measured speed (JIT, graph recording, memory)"),
    WINDOW_SECONDS("window_seconds", NUMBER, "length of each measurement window, after the warm-up"),
    ROUNDS("rounds", INTEGER, "rounds of windows, each a window with all workers training and one with each worker alone, in turn;"
            + " empty in files written before the windows were interleaved (one window alone, then one together, minutes apart)"),
    BATCH_SIZE("batch_size", INTEGER, "images per step"),
    THREADS("threads", TEXT, "native threads per process (OMP_NUM_THREADS)"),
    NATIVE_BUILD("native_build", TEXT, "libnd4j build (Maven classifier)"),
    GIT_COMMIT("git_commit", TEXT, "commit of the code measured"),
    MEASURED_AT("measured_at", TIMESTAMP, "UTC time of the run");

    private final String header;
    private final ColumnType type;
    private final String description;

    RunnerBenchColumn(String header, ColumnType type, String description) {
        this.header = header;
        this.type = type;
        this.description = description;
    }

    @Override
    public String header() { return header; }

    @Override
    public String description() { return description; }

    @Override
    public ColumnType type() { return type; }
}
