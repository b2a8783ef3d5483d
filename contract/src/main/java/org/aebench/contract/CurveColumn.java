package org.aebench.contract;

/** The columns of {@code curves.csv}: one row per cell x backend x epoch. */
public enum CurveColumn implements Column {
    CELL_ID(ColumnType.TEXT, "cell_id", "the cell, as in results.csv"),
    BACKEND(ColumnType.TEXT, "backend", "cpu or cuda"),
    EPOCH(ColumnType.INTEGER, "epoch", "1-based epoch"),
    TRAIN_LOSS(ColumnType.NUMBER, "train_loss", "mean training loss over the epoch's batches"),
    TEST_LOSS(ColumnType.NUMBER, "test_loss", "test loss after the epoch"),
    TEST_MSE(ColumnType.NUMBER, "test_mse", "test MSE per pixel after the epoch"),
    EPOCH_SECONDS(ColumnType.NUMBER, "epoch_seconds", "wall time of the epoch's training steps");

    private final ColumnType type;
    private final String header;
    private final String description;

    CurveColumn(ColumnType type, String header, String description) {
        this.type = type;
        this.header = header;
        this.description = description;
    }

    @Override
    public ColumnType type() { return type; }

    @Override
    public String header() { return header; }

    @Override
    public String description() { return description; }
}
