package org.aebench.contract;

/**
 * The columns of {@code <profile>/runs.csv}: one row per {@code aebench run} that trained
 * something, with the wall time the estimator predicted for exactly those cells beside the one
 * measured, so the estimator is checked against every real run (and every shard of a merged one).
 */
public enum RunColumn implements Column {
    PROFILE("profile", "profile run"),
    SHARD("shard", "i/n when the run was one shard, empty for a whole profile"),
    WORKERS("workers", "cells trained at once in the process", ColumnType.INTEGER),
    TRAININGS("trainings", "trainings run (cells that share a network train it once)", ColumnType.INTEGER),
    CELLS("cells", "cells run (not counting those already in the results file)", ColumnType.INTEGER),
    OK("ok", "cells that finished ok", ColumnType.INTEGER),
    COLLAPSED("collapsed", "cells that finished collapsed", ColumnType.INTEGER),
    FAILED("failed", "cells that failed", ColumnType.INTEGER),
    PREDICTED_SECONDS("predicted_seconds", "the estimator's wall time for these cells, from the shipped rate table, before the run", ColumnType.NUMBER),
    MEASURED_SECONDS("measured_seconds", "wall time of the run, from its first training to its last row", ColumnType.NUMBER),
    STARTED_AT("started_at", "UTC start", ColumnType.TIMESTAMP),
    FINISHED_AT("finished_at", "UTC end", ColumnType.TIMESTAMP),
    GIT_COMMIT("git_commit", "commit of the code run"),
    HOST("host", "machine name");

    private final String header;
    private final String description;
    private final ColumnType type;

    RunColumn(String header, String description) {
        this(header, description, ColumnType.TEXT);
    }

    RunColumn(String header, String description, ColumnType type) {
        this.header = header;
        this.description = description;
        this.type = type;
    }

    @Override
    public String header() { return header; }

    @Override
    public String description() { return description; }

    @Override
    public ColumnType type() { return type; }
}
