package org.aebench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.aebench.matrix.Loss;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class EvaluatorTest {
    @Test
    void theErrorIsSummedInDoubleSoABatchOfManyPixelsLosesNoDigits() {
        // 2,000 images of 784 pixels, every output 0.1 off: a float accumulator drifts by ~1e-4 over 784,000 terms
        INDArray targets = Nd4j.zeros(DataType.FLOAT, 2000, 784);
        INDArray outputs = Nd4j.valueArrayOf(new long[] {2000, 784}, 0.1f);
        Evaluation e = Evaluator.evaluate((start, end) -> outputs.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(start, end),
                org.nd4j.linalg.indexing.NDArrayIndex.all()), targets, Loss.MSE);
        double exact = (double) 0.1f * (double) 0.1f;
        assertEquals(exact, e.mse(), exact * 1e-9);
        assertEquals(0.1f, e.mae(), 1e-9);
    }
}
