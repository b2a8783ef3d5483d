package org.aebench.models;

import org.aebench.model.ClosedFormModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * PCA with k components, fitted on the training images without scaling (the reports found raw
 * [0,1] pixels best): eigenvectors of the covariance matrix, computed in double precision.
 * Reconstruction projects onto the top k and back: x' = mean + (x - mean) V V^T.
 */
public final class PcaModel implements ClosedFormModel {
    private final int components;
    private INDArray mean;
    private INDArray basis;

    public PcaModel(int components) {
        this.components = components;
    }

    @Override
    public void fit(INDArray trainX) {
        INDArray x = trainX.castTo(DataType.DOUBLE);
        INDArray mu = x.mean(0).reshape(1, x.columns());
        INDArray centred = x.subRowVector(mu);
        INDArray cov = centred.transpose().mmul(centred).divi(x.rows() - 1);
        // syev overwrites cov with eigenvectors (as columns) and returns eigenvalues in ascending order.
        INDArray vectors = cov.dup('f');
        Eigen.symmetricGeneralizedEigenvalues(vectors, true);
        long d = vectors.columns();
        INDArray top = vectors.get(NDArrayIndex.all(), NDArrayIndex.interval(d - components, d)).dup('c');
        this.mean = mu.castTo(DataType.FLOAT);
        this.basis = top.castTo(DataType.FLOAT);
    }

    @Override
    public INDArray reconstruct(INDArray batch) {
        INDArray centred = batch.subRowVector(mean);
        return centred.mmul(basis).mmul(basis.transpose()).addiRowVector(mean);
    }

    public INDArray basis() { return basis; }

    @Override
    public String describe() { return "PCA, " + components + " components (covariance eigenvectors)"; }
}
