package org.aebench.models;

import org.aebench.model.ClosedFormModel;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Outputs the mean training image whatever the input: the best constant predictor under MSE. */
public final class MeanImageBaseline implements ClosedFormModel {
    private INDArray mean;

    @Override
    public void fit(INDArray trainX) {
        mean = trainX.mean(0).reshape(1, trainX.columns());
    }

    @Override
    public INDArray reconstruct(INDArray batch) {
        return mean.repeat(0, batch.rows());
    }

    @Override
    public String describe() { return "output = mean training image"; }
}
