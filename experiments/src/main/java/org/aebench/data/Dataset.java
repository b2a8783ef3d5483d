package org.aebench.data;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Images as rows of 784 floats in [0, 1], and their labels.
 *
 * @param sha256 checksums of the files the data came from, file=hash (provenance)
 */
public record Dataset(DatasetId id, INDArray trainX, int[] trainLabels, INDArray testX, int[] testLabels,
                      Map<String, String> sha256) {

    public int features() { return (int) trainX.columns(); }

    public int trainCount() { return (int) trainX.rows(); }

    public int testCount() { return (int) testX.rows(); }
}
