package org.aebench.train;

/** Told about progress inside a cell (the harness's progress display listens). */
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() { };

    default void epochFinished(EpochRecord epoch, int epochs) { }

    /** Called every few batches with the fraction of the current epoch done. */
    default void batchProgress(int epoch, double fractionOfEpoch) { }
}
