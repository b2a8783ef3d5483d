package org.aebench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aebench.data.Dataset;
import org.aebench.matrix.Loss;
import org.aebench.train.Evaluation;
import org.aebench.train.Evaluator;
import org.aebench.train.Synthetic;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ClosedFormModelsTest {
    private static final Dataset DATA = Synthetic.dataset(400, 100, 7);

    @Test
    void pcaWithAllComponentsReconstructsExactly() {
        PcaModel pca = new PcaModel(784);
        pca.fit(DATA.trainX());
        Evaluation e = Evaluator.evaluate(pca, DATA.testX(), DATA.testX(), Loss.MSE);
        assertTrue(e.mse() < 1e-9, "full basis must reconstruct: " + e.mse());
        INDArray gram = pca.basis().transpose().mmul(pca.basis());
        assertTrue(gram.castTo(DataType.DOUBLE).sub(Nd4j.eye(784).castTo(DataType.DOUBLE)).norm2Number().doubleValue() < 1e-3);
    }

    @Test
    void pcaErrorFallsWithComponentsAndKeepsTheTopDirections() {
        double previous = Double.MAX_VALUE;
        for (int k : new int[] {1, 3, 5, 20}) {
            PcaModel pca = new PcaModel(k);
            pca.fit(DATA.trainX());
            double mse = Evaluator.evaluate(pca, DATA.testX(), DATA.testX(), Loss.MSE).mse();
            assertTrue(mse < previous, "k=" + k + ": " + mse + " >= " + previous);
            previous = mse;
        }
        MeanImageBaseline mean = new MeanImageBaseline();
        mean.fit(DATA.trainX());
        PcaModel five = new PcaModel(5);
        five.fit(DATA.trainX());
        // the data lie near a 5-d subspace (up to clipping): 5 components remove most of the error
        assertTrue(Evaluator.evaluate(five, DATA.testX(), DATA.testX(), Loss.MSE).mse()
                < 0.3 * Evaluator.evaluate(mean, DATA.testX(), DATA.testX(), Loss.MSE).mse());
    }

    @Test
    void evaluatorComputesPerPixelMetrics() {
        INDArray x = Nd4j.create(new float[] {0, 1, 0.5f, 0.5f}, new long[] {2, 2}, 'c');
        ZeroImageBaseline zero = new ZeroImageBaseline();
        Evaluation e = Evaluator.evaluate(zero, x, x, Loss.MSE);
        assertEquals((0 + 1 + 0.25 + 0.25) / 4, e.mse(), 1e-7);
        assertEquals((0 + 1 + 0.5 + 0.5) / 4, e.mae(), 1e-7);
        assertEquals(10 * Math.log10(1 / e.mse()), e.psnrDb(), 1e-9);
        assertEquals(0.0, e.outputStd(), 0.0);
    }
}
