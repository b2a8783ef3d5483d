package org.aebench.models;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.DataFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Transposed convolutions computed with ordinary convolutions. Stride 1 is a convolution with the
 * kernel flipped and its channel axes swapped. Stride 2 is one convolution followed by
 * depth-to-space ("sub-pixel convolution"). Every output pixel of a stride-2 transposed convolution
 * belongs to one of four phases (row and column parity), and each phase is an ordinary stride-1
 * convolution of the input with a subset of the kernel's taps. Stacking the four phases as output
 * channels gives one convolution; depth-to-space interleaves them back.
 *
 * <p>Why: libnd4j's deconv2d runs at ~5 GFLOP/s on this machine while its conv2d (oneDNN) runs at
 * ~40, and deconv2d forward and backward were half of a conv autoencoder's training step. The
 * weights stay a {@code [k, k, out, in]} deconv2d kernel (same initialisation, same filters on
 * the site); the phase kernel is assembled from it inside the graph, so gradients reach it.
 * Same arithmetic as deconv2d, other summation order: results agree to float rounding.
 */
public final class TransposedConvolution {
    private TransposedConvolution() {}

    /**
     * Transposed convolution of {@code in} ([n, cin, side, side], or [n, side, side, cin] with
     * {@code channelsLast}) with kernel {@code w} ([k, k, cout, cin]), stride 2, padding {@code pad}
     * on each side (output {@code 2(side-1) + k - 2 pad}); or, with {@code sameMode},
     * Keras/TensorFlow "same" padding (output exactly {@code 2 side}).
     */
    public static SDVariable stride2(SameDiff sd, SDVariable in, SDVariable w, SDVariable b, int pad, boolean sameMode,
                                     int side, boolean channelsLast) {
        long[] shape = w.getShape();
        int k = (int) shape[0], cout = (int) shape[2], cin = (int) shape[3];
        // In "same" mode TensorFlow pads the total max(k - 2, 0) with the smaller half first.
        int p = sameMode ? Math.max(k - 2, 0) / 2 : pad;
        int out = sameMode ? 2 * side : 2 * (side - 1) + k - 2 * p;
        Taps taps = new Taps(k, p);
        int t = taps.size();
        // Output rows 2m + a read input rows m + d, d in [dmin, dmax]: pad so every needed row exists.
        int rows = (out + 1) / 2;
        int before = Math.max(0, -taps.dmin), after = Math.max(0, rows - 1 + taps.dmax - (side - 1));
        SDVariable x = in;
        if (before + after > 0) {
            int[][] padding = channelsLast ? new int[][] {{0, 0}, {before, after}, {before, after}, {0, 0}}
                    : new int[][] {{0, 0}, {0, 0}, {before, after}, {before, after}};
            x = sd.nn().pad(in, sd.constant(Nd4j.createFromArray(padding)), 0.0);
        }
        // Phase kernel [t, t, cin, 4 cout] = selection [t*t*4, k*k] x kernel taps [k*k, cout*cin].
        SDVariable phase = sd.mmul(sd.constant(taps.selection()), sd.reshape(w, k * k, cout * cin));
        phase = sd.permute(sd.reshape(phase, t, t, 2, 2, cout, cin), 0, 1, 5, 2, 3, 4);
        phase = sd.reshape(phase, t, t, cin, 4 * cout);
        SDVariable y = sd.cnn().conv2d(x, phase, Conv2DConfig.builder().kH(t).kW(t).sH(1).sW(1).pH(0).pW(0)
                .dataFormat(channelsLast ? "NHWC" : "NCHW").build());
        int start = taps.dmin + before;
        if (start != 0 || side + before + after - t + 1 != rows) y = crop(y, start, rows, channelsLast);
        y = sd.cnn().depthToSpace(y, 2, channelsLast ? DataFormat.NHWC : DataFormat.NCHW);
        if (out != 2 * rows) y = crop(y, 0, out, channelsLast);
        if (b == null) return y;
        return y.add(channelsLast ? sd.reshape(b, 1, 1, 1, cout) : sd.reshape(b, 1, cout, 1, 1));
    }

    /** Rows and columns {@code [start, start + size)} of an NCHW or NHWC tensor. */
    private static SDVariable crop(SDVariable y, int start, int size, boolean channelsLast) {
        SDIndex span = SDIndex.interval(start, start + size);
        return channelsLast ? y.get(SDIndex.all(), span, span, SDIndex.all()) : y.get(SDIndex.all(), SDIndex.all(), span, span);
    }

    /**
     * Transposed convolution of {@code in} with kernel {@code w} ([k, k, cout, cin]), stride 1,
     * padding {@code pad}: a convolution with the flipped kernel and padding {@code k - 1 - pad}.
     */
    public static SDVariable stride1(SameDiff sd, SDVariable in, SDVariable w, SDVariable b, int pad) {
        int k = (int) w.getShape()[0];
        SDVariable flipped = sd.permute(sd.reverse(w, 0, 1), 0, 1, 3, 2);
        int p = k - 1 - pad;
        return sd.cnn().conv2d(in, flipped, b, Conv2DConfig.builder().kH(k).kW(k).sH(1).sW(1).pH(p).pW(p)
                .dataFormat("NCHW").build());
    }

    /** Which kernel tap feeds which phase from which input offset, along one axis. */
    static final class Taps {
        final int k, p, dmin, dmax;

        Taps(int k, int p) {
            this.k = k;
            this.p = p;
            int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
            for (int a = 0; a < 2; a++) {
                for (int kk = 0; kk < k; kk++) {
                    if (Math.floorMod(a + p - kk, 2) == 0) {
                        int d = (a + p - kk) / 2;
                        lo = Math.min(lo, d);
                        hi = Math.max(hi, d);
                    }
                }
            }
            dmin = lo;
            dmax = hi;
        }

        int size() { return dmax - dmin + 1; }

        /** Output o = 2i + kk - p: phase a at offset d uses tap kk = a + p - 2d, if it exists. */
        int tap(int a, int r) {
            int kk = a + p - 2 * (r + dmin);
            return kk >= 0 && kk < k ? kk : -1;
        }

        /** Rows (r, s, a, b) of the phase kernel, columns (kh, kw) of the transposed-convolution kernel. */
        INDArray selection() {
            int t = size();
            INDArray s = Nd4j.zeros(DataType.FLOAT, t * t * 4, k * k);
            for (int r = 0; r < t; r++)
                for (int c = 0; c < t; c++)
                    for (int a = 0; a < 2; a++)
                        for (int bb = 0; bb < 2; bb++) {
                            int kh = tap(a, r), kw = tap(bb, c);
                            if (kh >= 0 && kw >= 0) s.putScalar(new long[] {((r * t + c) * 2 + a) * 2 + bb, kh * k + kw}, 1f);
                        }
            return s;
        }
    }
}
