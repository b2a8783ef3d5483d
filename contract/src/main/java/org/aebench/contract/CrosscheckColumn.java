package org.aebench.contract;

import static org.aebench.contract.ColumnType.BOOLEAN;
import static org.aebench.contract.ColumnType.INTEGER;
import static org.aebench.contract.ColumnType.NUMBER;
import static org.aebench.contract.ColumnType.TEXT;
import static org.aebench.contract.ColumnType.TIMESTAMP;

/**
 * The columns of {@code crosscheck.csv}: the same cell trained to completion by an independent
 * implementation (PyTorch), so that a collapse or a number of ours can be told apart from a
 * property of the architecture. One row per cell and framework.
 */
public enum CrosscheckColumn implements Column {
    CELL_ID("cell_id", TEXT, "the aebench cell whose settings, data and seed number were used"),
    EXPERIMENT_ID("experiment_id", TEXT, "the cell's experiment"),
    SEED("seed", INTEGER, "the cell's seed; the framework seeds its own generators with it, so its initial weights differ from ours"),
    PROFILE("profile", TEXT, "profile of the cell (epochs and image counts)"),
    FRAMEWORK("framework", TEXT, "the implementation and its version, e.g. torch 1.13.0"),
    EPOCHS("epochs", INTEGER, "epochs trained"),
    TRAIN_SAMPLES("train_samples", INTEGER, "training images"),
    TEST_MSE("test_mse", NUMBER, "MSE per pixel of the clean test images' reconstructions; compare with results.csv's noise_free_test_mse"),
    TEST_MAE("test_mae", NUMBER, "MAE per pixel of the same"),
    NOISY_TEST_MSE("noisy_test_mse", NUMBER, "cells scored on noisy input: MSE per pixel against the clean images of the reconstructions of noisy test images (compare with test_mse); empty otherwise"),
    DEAD_AT_INIT("dead_at_init", BOOLEAN, "the untrained network's output is exactly zero on 1,000 test images (no gradient can pass a final ReLU)"),
    STATUS("status", TEXT, "ok or collapsed, by the rule results.csv uses"),
    TRAIN_SECONDS("train_seconds", NUMBER, "wall time of the training"),
    THREADS("threads", INTEGER, "intra-op threads the framework used"),
    GIT_COMMIT("git_commit", TEXT, "aebench commit that ran the cross-check"),
    FINISHED_AT("finished_at", TIMESTAMP, "UTC time the training finished");

    private final String header;
    private final ColumnType type;
    private final String description;

    CrosscheckColumn(String header, ColumnType type, String description) {
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
