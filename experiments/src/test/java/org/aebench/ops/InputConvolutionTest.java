package org.aebench.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.aebench.ops.LayerGradients.assertClose;
import static org.aebench.ops.LayerGradients.run;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
        LayerGradients.Result reference = run(x, w, b, (sd, in, ww, bb) -> sd.cnn().conv2d(in, ww, bb, Conv2DConfig.builder()
                .kH(k).kW(k).sH(stride).sW(stride).pH(p).pW(p).dataFormat("NHWC").build()));
        LayerGradients.Result ours = run(x, w, b, (sd, in, ww, bb) -> InputConvolution.of(sd, in, ww, bb, side, stride));
        assertArrayEquals(reference.out().shape(), ours.out().shape(), "output shape");
        assertClose(reference.out(), ours.out(), "output");
        assertClose(reference.gradW(), ours.gradW(), "kernel gradient");
        assertClose(reference.gradB(), ours.gradB(), "bias gradient");
    }
}
