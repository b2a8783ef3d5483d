package org.aebench.ops;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * True max-unpooling (2x2, stride 2) from standard SameDiff ops, because DL4J has no unpooling
 * layer and maxPoolWithArgmax is broken in 1.0.0-M2.1. The pooling switches are recovered as a
 * mask: 1 where an input value equals the maximum of its window, 0 elsewhere, with gradients
 * stopped. Ties (common: ReLU zeros) would give a window several ones, so a tiny bonus decreasing
 * in reading order (first position largest, as PyTorch's argmax picks) is added before the
 * comparison; exactly one position per window wins. Odd sizes (7 -> 3) leave the last row and
 * column out of every window, as floor-mode pooling does, and they unpool to 0.
 */
public final class Unpooling {
    /** Bonus step between window positions: far below any difference the network's values make. */
    static final double TIE_BREAK = 1e-6;

    private Unpooling() {}

    /**
     * Places each value of {@code pooled} (shape [n, c, h/2, w/2]) at the position in its 2x2 window
     * where {@code beforePool} (shape [n, c, h, w]) had its maximum; zeros elsewhere.
     */
    public static SDVariable unpool(SameDiff sd, SDVariable pooled, SDVariable beforePool, int channels, int h, int w) {
        SDVariable mask = new org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient(sd,
                switches(sd, beforePool, channels, h, w)).outputVariable();
        return fit(sd, upsample(sd, pooled, channels, h / 2, w / 2), h, w).mul(mask);
    }

    /** 1 at each window's (first) maximum of {@code x} ([n, c, h, w]), 0 elsewhere. */
    static SDVariable switches(SameDiff sd, SDVariable x, int channels, int h, int w) {
        SDVariable ramp = sd.constant(tieBreak(h, w));
        SDVariable biased = x.add(ramp);
        SDVariable max = sd.cnn().maxPooling2d(biased, Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).build());
        SDVariable spread = fit(sd, upsample(sd, max, channels, h / 2, w / 2), h, w);
        return sd.eq(biased, spread).castTo(DataType.FLOAT);
    }

    /**
     * Nearest-neighbour 2x upsampling as one matrix product: each input row of {@code w} values
     * times a constant [w, 4w] 0/1 matrix gives the two output rows it becomes, which are
     * adjacent in memory. Why not the alternatives: SameDiff's upsampling2d cannot work out its
     * output shape while the batch size is unknown, and broadcasting against ones (the first
     * form here) spent most of the step in libnd4j's broadcast-multiply backprop; this product's
     * backprop is the transposed product (docs/performance.md).
     */
    static SDVariable upsample(SameDiff sd, SDVariable x, int channels, int h, int w) {
        INDArray spread = Nd4j.zeros(DataType.FLOAT, w, 4 * w);
        for (int j = 0; j < w; j++)
            for (int a = 0; a < 2; a++)
                for (int b = 0; b < 2; b++) spread.putScalar(j, a * 2 * w + 2 * j + b, 1f);
        return sd.reshape(sd.mmul(sd.reshape(x, -1, w), sd.constant(spread)), -1, channels, 2 * h, 2 * w);
    }

    /** Pads an upsampled [n, c, 2(h/2), 2(w/2)] tensor with a zero row/column back to h x w. */
    private static SDVariable fit(SameDiff sd, SDVariable up, int h, int w) {
        if (h % 2 == 0 && w % 2 == 0) return up;
        return sd.nn().pad(up, sd.constant(Nd4j.createFromArray(new int[][] {{0, 0}, {0, 0}, {0, h % 2}, {0, w % 2}})), 0.0);
    }

    private static INDArray tieBreak(int h, int w) {
        float[] ramp = new float[h * w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) ramp[i * w + j] = (float) (TIE_BREAK * (3 - (2 * (i % 2) + (j % 2))));
        }
        return Nd4j.create(ramp, new long[] {1, 1, h, w}, DataType.FLOAT);
    }
}
