package org.aebench.harness;

import java.util.List;
import java.util.Map;
import org.aebench.matrix.Cell;
import org.aebench.train.CellOutcome;
import org.aebench.train.TrainingListener;

/**
 * Runs cells that share one training ({@link Cell#trainingKey}). The real one trains once and
 * scores the model for each ({@link TrainingExecutor}); tests substitute their own.
 */
public interface CellExecutor {
    /** Checks everything the cells need (data files, checksums) before the first one runs. */
    void prepare(List<Cell> cells);

    /** @return one result per cell, in order */
    List<Executed> execute(List<Cell> cells, TrainingListener listener);

    /** @param sha256 checksums of the data files the cell used (provenance) */
    record Executed(CellOutcome outcome, Map<String, String> sha256) {}
}
