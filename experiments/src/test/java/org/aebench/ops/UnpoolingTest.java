package org.aebench.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

class UnpoolingTest {
    private static INDArray unpoolOfPool(INDArray x, int h, int w) {
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("x", DataType.FLOAT, -1, 1, h, w);
        SDVariable pooled = sd.cnn().maxPooling2d(in, Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).build());
        Unpooling.unpool(sd, pooled, in, 1, h, w).rename("out");
        return sd.outputSingle(Map.of("x", x), "out");
    }

    @Test
    void eachMaximumGoesBackToItsArgmaxAndZeroElsewhere() {
        Nd4j.getRandom().setSeed(4);
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 1, 6, 6);
        INDArray out = unpoolOfPool(x, 6, 6);
        for (int n = 0; n < 3; n++) {
            for (int i = 0; i < 6; i += 2) {
                for (int j = 0; j < 6; j += 2) {
                    int bi = i, bj = j;
                    for (int di = 0; di < 2; di++) for (int dj = 0; dj < 2; dj++) {
                        if (x.getFloat(n, 0, i + di, j + dj) > x.getFloat(n, 0, bi, bj)) { bi = i + di; bj = j + dj; }
                    }
                    for (int di = 0; di < 2; di++) for (int dj = 0; dj < 2; dj++) {
                        float expected = (i + di == bi && j + dj == bj) ? x.getFloat(n, 0, bi, bj) : 0f;
                        assertEquals(expected, out.getFloat(n, 0, i + di, j + dj), 0f, "image " + n + " at " + (i + di) + "," + (j + dj));
                    }
                }
            }
        }
    }

    @Test
    void tiesGoToTheFirstPositionOnlyAndOddEdgesUnpoolToZero() {
        INDArray x = Nd4j.zeros(DataType.FLOAT, 1, 1, 3, 3);   // all ties (ReLU zeros), and an odd size
        x.putScalar(new long[] {0, 0, 1, 1}, 5f);
        x.putScalar(new long[] {0, 0, 2, 2}, 9f);              // outside every window in floor mode
        INDArray out = unpoolOfPool(x, 3, 3);
        assertEquals(5f, out.getFloat(0, 0, 1, 1), 0f);
        assertEquals(5f, out.sumNumber().floatValue(), 0f, "one value per window, none at the edge");
        INDArray zeros = Nd4j.zeros(DataType.FLOAT, 1, 1, 2, 2).addi(0f);
        INDArray tie = unpoolOfPool(zeros.addi(2f), 2, 2);
        assertEquals(2f, tie.getFloat(0, 0, 0, 0), 0f);
        assertEquals(2f, tie.sumNumber().floatValue(), 0f, "a tie puts the value once, at the first position");
    }
}
