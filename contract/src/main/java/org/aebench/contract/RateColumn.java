package org.aebench.contract;

import static org.aebench.contract.ColumnType.INTEGER;
import static org.aebench.contract.ColumnType.NUMBER;
import static org.aebench.contract.ColumnType.TEXT;
import static org.aebench.contract.ColumnType.TIMESTAMP;

/**
 * The columns of {@code model-rates.csv}: each model's training and inference speed as the
 * estimator measured it, per worker with several workers busy. The harness ships one such table,
 * so that every machine deals a profile's cells into the same shards.
 */
public enum RateColumn implements Column {
    SPEED_KEY("speed_key", TEXT, "the model's architecture and settings that decide its speed (ExperimentSpec.speedKey)"),
    EXAMPLE("example", TEXT, "an experiment id with this model, for people reading the table"),
    TRAIN_SAMPLES_PER_SECOND("train_samples_per_second", NUMBER, "training images per second of one worker"),
    INFER_SAMPLES_PER_SECOND("infer_samples_per_second", NUMBER, "test images reconstructed per second of one worker"),
    WORKERS("workers", INTEGER, "workers training at once while measured"),
    MEASURED_AT("measured_at", TIMESTAMP, "UTC time of the measurement"),
    GIT_COMMIT("git_commit", TEXT, "commit of the code measured"),
    NATIVE_CLASSIFIER("native_classifier", TEXT, "native build of libnd4j measured");

    private final String header;
    private final ColumnType type;
    private final String description;

    RateColumn(String header, ColumnType type, String description) {
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
