package org.aebench.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/** The patches product computes the same output, and the same weight and bias gradients, as libnd4j's conv2d. */
class InputConvolutionTest {

    /** kernel, stride, input channels, output channels, side: r003's and r001's first layers, r002's, and odd sides. */
    @ParameterizedTest
    @CsvSource({"3,1,1,8,28", "3,2,3,16,28", "3,2,3,4,9", "5,1,2,3,7", "3,2,1,5,8"})
    void matchesConv2d(int k, int stride, int cin, int cout, int side) {
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, side, side, cin);
        INDArray w = Nd4j.rand(DataType.FLOAT, k, k, cin, cout).subi(0.5);
        INDArray b = Nd4j.rand(DataType.FLOAT, cout);
        int p = (k - 1) / 2;
        INDArray[] reference = run(x, w, b, (sd, in, ww, bb) -> sd.cnn().conv2d(in, ww, bb, Conv2DConfig.builder()
                .kH(k).kW(k).sH(stride).sW(stride).pH(p).pW(p).dataFormat("NHWC").build()));
        INDArray[] ours = run(x, w, b, (sd, in, ww, bb) -> InputConvolution.of(sd, in, ww, bb, side, stride));
        assertArrayEquals(reference[0].shape(), ours[0].shape(), "output shape");
        String[] what = {"output", "kernel gradient", "bias gradient"};
        for (int i = 0; i < 3; i++) {
            double diff = reference[i].sub(ours[i]).norm1Number().doubleValue() / reference[i].norm1Number().doubleValue();
            assertTrue(diff < 1e-5, what[i] + ": relative L1 difference " + diff);
        }
    }

    private interface Layer { SDVariable apply(SameDiff sd, SDVariable in, SDVariable w, SDVariable b); }

    /** Output, and gradients of sum(output * fixed random weights) with respect to kernel and bias. */
    private static INDArray[] run(INDArray x, INDArray w, INDArray b, Layer layer) {
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("x", DataType.FLOAT, -1, x.size(1), x.size(2), x.size(3));
        SDVariable out = sd.identity("out", layer.apply(sd, in, sd.var("w", w.dup()), sd.var("b", b.dup())));
        INDArray value = sd.outputSingle(Map.of("x", x), "out");
        Nd4j.getRandom().setSeed(11);
        sd.setLossVariables(sd.sum("loss", out.mul(sd.constant(Nd4j.rand(DataType.FLOAT, value.shape())))));
        Map<String, INDArray> g = sd.calculateGradients(Map.of("x", x), List.of("w", "b"));
        return new INDArray[] {value, g.get("w"), g.get("b")};
    }
}
