package org.aebench.results;

/** The columns of {@code curves.csv}: one row per cell x backend x epoch. */
public enum CurveColumn implements Column {
    CELL_ID("cell_id", "the cell, as in results.csv"),
    BACKEND("backend", "cpu or cuda"),
    EPOCH("epoch", "1-based epoch"),
    TRAIN_LOSS("train_loss", "mean training loss over the epoch's batches"),
    TEST_LOSS("test_loss", "test loss after the epoch"),
    TEST_MSE("test_mse", "test MSE per pixel after the epoch"),
    EPOCH_SECONDS("epoch_seconds", "wall time of the epoch's training steps");

    private final String header;
    private final String description;

    CurveColumn(String header, String description) {
        this.header = header;
        this.description = description;
    }

    @Override
    public String header() { return header; }

    @Override
    public String description() { return description; }
}
