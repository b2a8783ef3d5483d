package org.aebench.train;

/** One epoch of one cell: what curves.csv stores. */
public record EpochRecord(int epoch, double trainLoss, double testLoss, double testMse, double seconds) {}
