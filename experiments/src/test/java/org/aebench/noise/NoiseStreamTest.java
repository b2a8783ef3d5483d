package org.aebench.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The Java-drawn noise has the distribution it claims, lands in the native arrays intact, and depends only on the seed. */
class NoiseStreamTest {

    @Test
    void dropoutMaskKeepsOneMinusTheRateAtTheInvertedScaleAndReachesTheNativeArray() {
        INDArray mask = Nd4j.create(DataType.FLOAT, 64, 14, 14, 32);
        float[] scratch = new float[(int) mask.length()];
        new NoiseStream(11).dropoutMask(0.2, scratch, mask);
        float[] back = mask.dup().data().asFloat();
        assertArrayEquals(scratch, back, "what was drawn is what the graph reads");
        long kept = 0;
        for (float v : back) {
            assertTrue(v == 0f || v == 1.25f, "mask values are 0 or 1 / (1 - rate), got " + v);
            if (v != 0f) kept++;
        }
        double fraction = kept / (double) back.length;
        // 401,408 draws: the standard error of the kept fraction is 0.0006
        assertEquals(0.8, fraction, 0.004, "kept fraction");

        INDArray again = Nd4j.create(DataType.FLOAT, 64, 14, 14, 32);
        new NoiseStream(11).dropoutMask(0.2, new float[scratch.length], again);
        assertEquals(mask, again, "same seed, same mask");
        new NoiseStream(12).dropoutMask(0.2, new float[scratch.length], again);
        assertNotEquals(mask, again, "another seed, another mask");
    }

    @Test
    void corruptAddsGaussianNoiseOfTheGivenSigmaClippedToTheUnitRangeAndReadsViews() {
        INDArray grey = Nd4j.valueArrayOf(new long[] {3000, 784}, 0.5f, DataType.FLOAT);
        INDArray rows = grey.get(NDArrayIndex.interval(1000, 2000), NDArrayIndex.all());  // a view, as the training batches are
        INDArray noisy = new NoiseStream(5).corrupt(rows, 0.1);
        assertArrayEquals(new long[] {1000, 784}, noisy.shape());
        INDArray noise = noisy.sub(0.5);
        assertEquals(0.0, noise.meanNumber().doubleValue(), 0.001, "noise mean");
        assertEquals(0.1, noise.stdNumber().doubleValue(), 0.001, "noise standard deviation");
        INDArray wide = new NoiseStream(5).corrupt(rows, 2.0);
        assertEquals(0.0, wide.minNumber().doubleValue(), 0.0, "clipped below at 0");
        assertEquals(1.0, wide.maxNumber().doubleValue(), 0.0, "clipped above at 1");
        assertEquals(noisy, new NoiseStream(5).corrupt(rows, 0.1), "same seed, same noise");
        assertEquals(0.5f, rows.getFloat(0, 0), 0f, "the input is not changed");
    }

    @Test
    void corruptIntoWritesCorruptsNumbersIntoTheGivenArrayBatchAfterBatch() {
        INDArray images = Nd4j.rand(DataType.FLOAT, 300, 784);
        NoiseStream fresh = new NoiseStream(9), reused = new NoiseStream(9);
        INDArray into = Nd4j.create(DataType.FLOAT, 100, 784);
        float[] scratch = new float[100 * 784];
        for (int start = 0; start < 300; start += 100) {
            INDArray batch = images.get(NDArrayIndex.interval(start, start + 100), NDArrayIndex.all());
            reused.corruptInto(batch, 0.3, scratch, into);
            assertArrayEquals(fresh.corrupt(batch, 0.3).data().asFloat(), into.data().asFloat(), "batch at " + start);
        }
        assertThrows(IllegalArgumentException.class, () -> reused.corruptInto(images, 0.3, scratch, into));
    }

    @Test
    void gaussianHasTheShapeAndSpreadAsked() {
        INDArray g = new NoiseStream(3).gaussian(0.3, 500, 200);
        assertArrayEquals(new long[] {500, 200}, g.shape());
        assertEquals(0.3, g.stdNumber().doubleValue(), 0.003, "standard deviation");
    }
}
