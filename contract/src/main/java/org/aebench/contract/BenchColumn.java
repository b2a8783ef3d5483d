package org.aebench.contract;

/** The columns of {@code results/bench/summary.csv}: one row per benchmark x model x phase. */
public enum BenchColumn implements Column {
    BENCHMARK("benchmark", "JMH benchmark method"),
    MODEL("model", "experiment id of the model measured (its settings come from the matrix)"),
    PHASE("phase", "train (one optimiser step per batch) or infer (reconstruction of a 1,000-image batch)"),
    THREADS("threads", "native threads (OMP_NUM_THREADS)"),
    NATIVE_BUILD("native_build", "libnd4j build (Maven classifier)"),
    SAMPLES_PER_SECOND("samples_per_second", "images per second: JMH's mean ops/s times the batch size"),
    ERROR("error", "JMH's 99.9% confidence half-width, in samples/s"),
    BATCH_SIZE("batch_size", "images per operation"),
    FORKS("forks", "JVM forks measured"),
    ITERATIONS("iterations", "measurement iterations per fork"),
    GIT_COMMIT("git_commit", "commit of the code measured"),
    MEASURED_AT("measured_at", "UTC time of the run");

    private final String header;
    private final String description;

    BenchColumn(String header, String description) {
        this.header = header;
        this.description = description;
    }

    @Override
    public String header() { return header; }

    @Override
    public String description() { return description; }
}
