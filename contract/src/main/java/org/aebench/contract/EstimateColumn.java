package org.aebench.contract;

/**
 * The columns of {@code estimate.csv}: each wall-time estimate the runner printed before a run
 * (or a dry run), so the site's performance page can show the latest one.
 */
public enum EstimateColumn implements Column {
    PROFILE("profile", "profile estimated"),
    CELLS("cells", "cells still to run when estimated"),
    WORKERS("workers", "concurrent cells"),
    ESTIMATED_SECONDS("estimated_seconds", "predicted wall time of the run, from measured samples/s of each model and the runner's schedule"),
    CELL_SECONDS("cell_seconds", "sum of the predicted times of all cells (one worker's wall time)"),
    ESTIMATED_AT("estimated_at", "UTC time of the estimate"),
    GIT_COMMIT("git_commit", "commit of the code estimated"),
    NATIVE_CLASSIFIER("native_classifier", "native build of libnd4j measured");

    private final String header;
    private final String description;

    EstimateColumn(String header, String description) {
        this.header = header;
        this.description = description;
    }

    @Override
    public String header() { return header; }

    @Override
    public String description() { return description; }
}
