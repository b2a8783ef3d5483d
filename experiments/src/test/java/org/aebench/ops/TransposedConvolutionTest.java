package org.aebench.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.aebench.ops.LayerGradients.assertClose;
import static org.aebench.ops.LayerGradients.run;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/** The convolution forms compute the same function, and the same gradients, as libnd4j's deconv2d. */
class TransposedConvolutionTest {

    private static final int CIN = 3, COUT = 2, BATCH = 4;

    /** Every transposed convolution the matrix uses: stride, kernel, padding, "same" mode, input size. */
    @ParameterizedTest
    @CsvSource({"2,3,0,true,7", "2,3,0,true,14", "2,3,0,false,3", "2,4,1,false,7", "2,4,1,false,14", "2,4,1,false,2",
                "2,3,1,false,4", "2,5,2,false,5", "1,3,1,false,7", "1,3,0,false,5"})
    void matchesDeconv2dForwardAndBackward(int stride, int k, int pad, boolean same, int h) {
        Case c = new Case(stride, k, pad, same, h, CIN, COUT);
        LayerGradients.Result ours = run(c.x, c.w, c.b, (sd, in, ww, bb) -> stride == 1
                ? TransposedConvolution.stride1(sd, in, ww, bb, pad)
                : TransposedConvolution.stride2(sd, in, ww, bb, pad, same, h, false));
        assertArrayEquals(c.reference.out().shape(), ours.out().shape(), "output shape");
        c.assertSame(ours.out(), ours.gradX(), ours);
    }

    /**
     * The channels-last forms are the same function on [n, h, w, c] arrays: the tap product (up to
     * {@link TransposedConvolution#TAP_PRODUCT_MAX_CHANNELS} output channels), the row phases, and
     * (from {@link TransposedConvolution#SPLIT_MIN_CHANNEL_PRODUCT} channel pairs, even kernels) one
     * convolution per row and column parity.
     */
    @ParameterizedTest
    @CsvSource({"3,0,true,7,3,1", "3,0,true,14,3,2", "3,0,false,3,3,2", "4,1,false,7,3,3", "4,1,false,14,3,1", "4,1,false,2,3,2",
                "3,1,false,4,3,3", "5,2,false,5,3,2", "3,0,true,7,3,4", "3,0,false,3,3,8", "4,1,false,7,3,4", "4,1,false,2,3,8",
                "5,2,false,5,3,4", "4,1,false,7,64,64", "4,1,false,2,32,128", "3,1,false,4,64,64", "3,0,true,7,64,64"})
    void channelsLastMatchesDeconv2d(int k, int pad, boolean same, int h, int cin, int cout) {
        Case c = new Case(2, k, pad, same, h, cin, cout);
        // output permuted back to NCHW inside the graph, so the loss weights line up with the reference's
        LayerGradients.Result ours = run(c.x.permute(0, 2, 3, 1).dup(), c.w, c.b, (sd, in, ww, bb) ->
                sd.permute(TransposedConvolution.stride2(sd, in, ww, bb, pad, same, h, true), 0, 3, 1, 2));
        c.assertSame(ours.out(), ours.gradX().permute(0, 3, 1, 2), ours);
    }

    /** Random input, kernel and bias, and libnd4j's deconv2d of them. */
    private static final class Case {
        final INDArray x, w, b;
        final LayerGradients.Result reference;

        Case(int stride, int k, int pad, boolean same, int h, int cin, int cout) {
            Nd4j.getRandom().setSeed(7);
            x = Nd4j.rand(DataType.FLOAT, BATCH, cin, h, h).subi(0.5);
            w = Nd4j.rand(DataType.FLOAT, k, k, cout, cin).subi(0.5);
            b = Nd4j.rand(DataType.FLOAT, cout);
            reference = run(x, w, b, (sd, in, ww, bb) -> sd.cnn().deconv2d(in, ww, bb, DeConv2DConfig.builder()
                    .kH(k).kW(k).sH(stride).sW(stride).pH(pad).pW(pad).isSameMode(same).dataFormat("NCHW").build()));
        }

        void assertSame(INDArray out, INDArray gradX, LayerGradients.Result ours) {
            assertClose(reference.out(), out, "output");
            assertClose(reference.gradX(), gradX, "input gradient");
            assertClose(reference.gradW(), ours.gradW(), "kernel gradient");
            assertClose(reference.gradB(), ours.gradB(), "bias gradient");
        }
    }
}
