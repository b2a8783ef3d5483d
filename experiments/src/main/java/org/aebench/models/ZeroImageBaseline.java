package org.aebench.models;

import org.aebench.model.ClosedFormModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Outputs an all-black image: the error of a network whose ReLU output died. */
public final class ZeroImageBaseline implements ClosedFormModel {
    @Override
    public void fit(INDArray trainX) { }

    @Override
    public INDArray reconstruct(INDArray batch) {
        return Nd4j.zeros(batch.dataType(), batch.shape());
    }

    @Override
    public String describe() { return "output = 0 for every pixel"; }
}
