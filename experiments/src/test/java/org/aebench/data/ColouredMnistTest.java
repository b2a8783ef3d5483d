package org.aebench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ColouredMnistTest {
    @Test
    void eachImageIsItsDigitTimesItsClasssColourPlaneByPlane() {
        INDArray gray = Nd4j.rand(DataType.FLOAT, 4, 784);
        int[] labels = {3, 7, 3, 0};
        INDArray rgb = ColouredMnist.colour(gray, labels);
        assertArrayEquals(new long[] {4, 3 * 784}, rgb.shape());
        float[][] palette = ColouredMnist.palette();
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 3; k++) {
                for (int j : new int[] {0, 100, 783}) {
                    assertEquals(gray.getFloat(i, j) * palette[labels[i]][k], rgb.getFloat(i, k * 784 + j), 1e-7);
                }
            }
        }
        // same class, same colour; the palette is fixed across runs and every channel is visible
        assertArrayEquals(ColouredMnist.palette()[3], palette[3]);
        for (float[] c : palette) for (float v : c) assertTrue(v >= 0.2f && v <= 1f);
        assertTrue(palette[3][0] != palette[7][0] || palette[3][1] != palette[7][1], "classes get different colours");
    }
}
