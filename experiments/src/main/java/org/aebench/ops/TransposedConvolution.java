package org.aebench.ops;

import java.util.List;
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
 * kernel flipped and its channel axes swapped. Stride 2 is a "sub-pixel convolution": every
 * output pixel of a stride-2 transposed convolution belongs to one of four phases (row and column
 * parity), and each phase is an ordinary stride-1 convolution of the input with a subset of the
 * kernel's taps. Channels-first, the four phases are the output channels of one convolution and
 * depth-to-space interleaves them; channels-last, each row parity is its own convolution with
 * the column parities as its output channels, and a stack interleaves the rows. A layer with only
 * an image's few output channels is instead one matrix product and a scatter of its taps.
 *
 * <p>Why: libnd4j's deconv2d runs several times slower than its oneDNN conv2d, and was half of a
 * conv autoencoder's training step (docs/performance.md, "Transposed convolutions"). The
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
        int k = (int) w.getShape()[0];
        // In "same" mode TensorFlow pads the total max(k - 2, 0) with the smaller half first.
        int p = sameMode ? Math.max(k - 2, 0) / 2 : pad;
        int out = sameMode ? 2 * side : 2 * (side - 1) + k - 2 * p;
        if (channelsLast && cout(w) <= TAP_PRODUCT_MAX_CHANNELS) return tapProduct(sd, in, w, b, k, p, side, out);
        Taps taps = new Taps(k, p);
        int rows = (out + 1) / 2;
        SDVariable y = channelsLast ? phasesChannelsLast(sd, in, w, b, taps, side, rows)
                : phasesChannelsFirst(sd, in, w, taps, side, rows);
        if (out != 2 * rows) {
            y = channelsLast ? cropRuns(sd, y, 2 * rows, 2 * rows, cout(w), 0, out, 0, out) : crop(y, 0, out, 0, out);
        }
        if (b == null || channelsLast) return y;
        return y.add(sd.reshape(b, 1, cout(w), 1, 1));
    }

    /**
     * All four phases as one convolution over the input padded for the widest phase, output
     * channels (phase, channel), interleaved by depth-to-space.
     */
    private static SDVariable phasesChannelsFirst(SameDiff sd, SDVariable in, SDVariable w, Taps taps, int side, int rows) {
        int t = taps.size();
        // [t, t, cin, 2, 2, cout] = selection [t*t*4, k*k] x kernel taps [k*k, cout*cin], axes reordered
        SDVariable phase = sd.permute(sd.reshape(taps.select(sd, w, taps.selection()), t, t, 2, 2, cout(w), cin(w)), 0, 1, 5, 2, 3, 4);
        // Output rows 2m + a read input rows m + d, d in [dmin, dmax]: pad so every needed row exists.
        int before = padBefore(taps.dmin), after = padAfter(taps.dmax, rows, side);
        SDVariable x = pad(sd, in, before, after, before, after);
        SDVariable y = sd.cnn().conv2d(x, sd.reshape(phase, t, t, cin(w), 4 * cout(w)), Conv2DConfig.builder().kH(t).kW(t).sH(1).sW(1)
                .pH(0).pW(0).dataFormat("NCHW").build());
        int start = taps.dmin + before;
        if (start != 0 || side + before + after - t + 1 != rows) y = crop(y, start, rows, start, rows);
        return sd.cnn().depthToSpace(y, 2, DataFormat.NCHW);
    }

    /**
     * Channels-last: one convolution per output row parity, with only that parity's kernel rows,
     * whose output channels (column parity, channel) are already the memory order of two adjacent
     * output pixels; a stack then interleaves the rows with contiguous copies. Why: libnd4j's
     * depth_to_space and its backprop were a fifth of r003's step, and r002's 4x4 kernels give
     * each row parity 2 of the 3 rows a single convolution would multiply by. The bias rides in
     * each convolution (a separate broadcast add and its backprop cost more).
     *
     * <p>When both column parities have as many taps, fewer than the columns a row phase spans (even
     * kernels: 2 of 3 for k = 4), each column parity is its own convolution and a stack interleaves
     * the columns too, because a third of the shared kernel's multiplications would be by zero
     * taps. Only for layers with at least {@link #SPLIT_MIN_CHANNEL_PRODUCT} input x output
     * channels: for small ones, and with unequal parities (k = 3), the extra convolutions, stack,
     * pads and gradient sums were measured to cost more than the zero taps (docs/performance.md).
     */
    private static SDVariable phasesChannelsLast(SameDiff sd, SDVariable in, SDVariable w, SDVariable b, Taps taps, int side, int rows) {
        int cout = cout(w);
        int[] c0 = taps.offsets(0), c1 = taps.offsets(1);
        int width = c0[1] - c0[0] + 1;
        boolean splitColumns = width == c1[1] - c1[0] + 1 && width < taps.size() && cout * cin(w) >= SPLIT_MIN_CHANNEL_PRODUCT;
        SDVariable pairBias = b == null || splitColumns ? null : sd.concat(0, b, b);
        SDVariable[] rowPhases = new SDVariable[2];
        for (int a = 0; a < 2; a++) {
            int[] r = taps.offsets(a);
            if (splitColumns) {
                SDVariable[] columnPhases = new SDVariable[2];
                for (int bb = 0; bb < 2; bb++) columnPhases[bb] = phaseConvolution(sd, in, w, b, taps, a, r, taps.offsets(bb), List.of(bb), side, rows);
                rowPhases[a] = sd.reshape(sd.stack(3, columnPhases), -1, rows, 2 * rows, cout);
            } else {
                // every row parity reads columns m + dmin .. m + dmax
                SDVariable y = phaseConvolution(sd, in, w, pairBias, taps, a, r, new int[] {taps.dmin, taps.dmax}, List.of(0, 1), side, rows);
                rowPhases[a] = sd.reshape(y, -1, rows, 2 * rows, cout);
            }
        }
        return sd.reshape(sd.stack(2, rowPhases), -1, 2 * rows, 2 * rows, cout);
    }

    /** See {@link #phasesChannelsLast}: report 002's 64-to-128 layer splits, its 16-to-32 and report 001's 16-to-8 do not. */
    static final int SPLIT_MIN_CHANNEL_PRODUCT = 64 * 64;

    /**
     * Output row parity {@code a} and the column parities {@code columnParities} (channels in that
     * order, then channel) as one stride-1 convolution over input offsets {@code r} (rows) and
     * {@code c} (columns): {@code [n, rows, rows, parities cout]}; {@code bias} is per output channel.
     */
    private static SDVariable phaseConvolution(SameDiff sd, SDVariable in, SDVariable w, SDVariable bias, Taps taps, int a, int[] r, int[] c,
                                               List<Integer> columnParities, int side, int rows) {
        int cout = cout(w), parities = columnParities.size();
        int kh = r[1] - r[0] + 1, kw = c[1] - c[0] + 1;
        // [kh, kw, cin, parities cout] = selection [kh*kw*parities, k*k] x kernel taps [k*k, cout*cin], axes reordered
        SDVariable kernel = sd.permute(sd.reshape(taps.select(sd, w, taps.phaseSelection(a, r, c, columnParities)),
                kh, kw, parities, cout, cin(w)), 0, 1, 4, 2, 3);
        kernel = sd.reshape(kernel, kh, kw, cin(w), parities * cout);
        int top = padBefore(r[0]), bottom = padAfter(r[1], rows, side), left = padBefore(c[0]), right = padAfter(c[1], rows, side);
        Conv2DConfig config = Conv2DConfig.builder().kH(kh).kW(kw).sH(1).sW(1).pH(0).pW(0).dataFormat("NHWC").build();
        SDVariable x = padRuns(sd, in, side, side, cin(w), top, bottom, left, right);
        SDVariable y = bias == null ? sd.cnn().conv2d(x, kernel, config) : sd.cnn().conv2d(x, kernel, bias, config);
        int y0 = r[0] + top, x0 = c[0] + left, height = side + top + bottom - kh + 1, width = side + left + right - kw + 1;
        if (y0 != 0 || x0 != 0 || height != rows || width != rows) y = cropRuns(sd, y, height, width, parities * cout, y0, rows, x0, rows);
        return y;
    }

    /**
     * Channels-last, at most this many output channels: {@link #tapProduct}. Why: oneDNN's conv2d
     * with the 2-6 output channels of an image-producing layer's row phases runs at a fraction of
     * its speed with 64 (docs/performance.md), while the few taps per pixel make the product's output small.
     */
    static final int TAP_PRODUCT_MAX_CHANNELS = 3;

    /**
     * Stride 2 as one matrix product and a scatter: every input pixel's contribution to each of
     * the k x k output pixels it reaches is {@code in[n h w, cin] x kernel[cin, taps cout]}, and
     * tap kk (padded to an even count, kk = 2 qq + r) of input pixel i lands on output pixel
     * 2 (i + qq) + r - p. So the taps with the same (ry, qy, qx) form one [n, side, side, (rx, cout)]
     * array that lands on output rows of parity ry, shifted by (qy, qx) blocks of 2 x 2 pixels:
     * each row parity is the sum of its shifted arrays. Every multiplication is one a transposed
     * convolution does (none of the row phases' zero taps), in one product whose backprop is two
     * more, and the input needs no padding.
     */
    private static SDVariable tapProduct(SameDiff sd, SDVariable in, SDVariable w, SDVariable b, int k, int p, int side, int out) {
        int cout = cout(w), cin = cin(w), q = (k + 1) / 2;
        // [k, k, cout, cin] -> [cin, ky, kx, cout], taps padded to 2q, -> [cin, (ry, qy, qx, rx, cout)]
        SDVariable kernel = sd.permute(w, 3, 0, 1, 2);
        if (k < 2 * q) kernel = sd.nn().pad(kernel, sd.constant(Nd4j.createFromArray(new int[][] {{0, 0}, {0, 1}, {0, 1}, {0, 0}})), 0.0);
        kernel = sd.reshape(sd.permute(sd.reshape(kernel, cin, q, 2, q, 2, cout), 0, 2, 1, 3, 4, 5), cin, 2 * q * q * 2 * cout);
        SDVariable z = sd.reshape(sd.mmul(sd.reshape(in, -1, cin), kernel), -1, side, side, 2 * q * q, 2 * cout);
        // Taps outermost, then an unstack into whole blocks: a permute and an unstack along axis 0 (and in
        // backprop a stack and a permute) copy 3-4x faster than an unstack of runs of (rx, cout) pairs.
        // Unstack, not slices: its backprop is a stack, where a slice's fills a zero array the size of z.
        SDVariable[] taps = sd.unstack(sd.permute(z, 3, 0, 1, 2, 4), 0, 2 * q * q);
        int blocks = side + q - 1, pair = 2 * cout;
        SDVariable[] rowParities = new SDVariable[2];
        for (int ry = 0; ry < 2; ry++) {
            SDVariable sum = null;
            for (int qy = 0; qy < q; qy++) {
                for (int qx = 0; qx < q; qx++) {
                    // [n, row, (column, rx, cout)]: the shift moves whole blocks of (rx, cout) pairs
                    SDVariable tap = sd.reshape(taps[(ry * q + qy) * q + qx], -1, side, side * pair);
                    SDVariable shifted = padRows(sd, tap, pair, qy, q - 1 - qy, qx, q - 1 - qx);
                    sum = sum == null ? shifted : sum.add(shifted);
                }
            }
            // [n, block row, (block column, rx, cout)] is already the memory order of output rows 2 By + ry
            rowParities[ry] = sum;
        }
        // A stack interleaves the two row parities (runs of a whole block row). Why not one sum and a permute
        // of [n, By, Bx, ry, rx, c] instead: that 6-d permute took three times as long as the stack and its unstack.
        SDVariable y = sd.reshape(sd.stack(2, rowParities), -1, 2 * blocks, 2 * blocks * cout);
        if (p != 0 || 2 * blocks != out) y = cropRows(y, cout, p, out, p, out);
        y = sd.reshape(y, -1, out, out, cout);
        return b == null ? y : y.add(b);
    }

    /** Zero rows needed before the input when output row m reads input row m + {@code firstOffset}. */
    private static int padBefore(int firstOffset) { return Math.max(0, -firstOffset); }

    /** Zero rows needed after a {@code side}-row input when output rows 0 .. rows-1 read up to row m + {@code lastOffset}. */
    private static int padAfter(int lastOffset, int rows, int side) { return Math.max(0, rows - 1 + lastOffset - (side - 1)); }

    private static int cout(SDVariable w) { return (int) w.getShape()[2]; }

    private static int cin(SDVariable w) { return (int) w.getShape()[3]; }

    /** Rows {@code [top, top + height)} and columns {@code [left, left + width)} of an NCHW tensor. */
    private static SDVariable crop(SDVariable y, int top, int height, int left, int width) {
        return y.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(top, top + height), SDIndex.interval(left, left + width));
    }

    /** Zero rows above and below, zero columns left and right of an NCHW tensor; none is no op. */
    private static SDVariable pad(SameDiff sd, SDVariable in, int top, int bottom, int left, int right) {
        if (top + bottom + left + right == 0) return in;
        return sd.nn().pad(in, sd.constant(Nd4j.createFromArray(new int[][] {{0, 0}, {0, 0}, {top, bottom}, {left, right}})), 0.0);
    }

    /*
     * Channels-last pads and crops go through [n, row, (column, channel)]. Why: libnd4j's pad, slice
     * and their backprops copy along the last axis, so on [n, row, column, channel] they copy one
     * short run of channels at a time and on the 3-d view whole rows (docs/performance.md, "Copies
     * in whole runs"). The reshapes are views of contiguous arrays; the values are the same.
     */

    /** {@link #padRows} of an NHWC tensor of {@code height x width x channels}, as [n, row, (column, channel)] and back. */
    private static SDVariable padRuns(SameDiff sd, SDVariable in, int height, int width, int channels, int top, int bottom, int left, int right) {
        if (top + bottom + left + right == 0) return in;
        SDVariable padded = padRows(sd, sd.reshape(in, -1, height, width * channels), channels, top, bottom, left, right);
        return sd.reshape(padded, -1, height + top + bottom, width + left + right, channels);
    }

    /** {@link #cropRows} of an NHWC tensor of {@code height x width x channels}, as [n, row, (column, channel)] and back. */
    private static SDVariable cropRuns(SameDiff sd, SDVariable y, int height, int width, int channels, int top, int rows, int left, int cols) {
        SDVariable cropped = cropRows(sd.reshape(y, -1, height, width * channels), channels, top, rows, left, cols);
        return sd.reshape(cropped, -1, rows, cols, channels);
    }

    /** Zero rows above and below, zero columns (of {@code channels} floats each) left and right of [n, row, (column, channel)]. */
    private static SDVariable padRows(SameDiff sd, SDVariable in, int channels, int top, int bottom, int left, int right) {
        return sd.nn().pad(in, sd.constant(Nd4j.createFromArray(
                new int[][] {{0, 0}, {top, bottom}, {left * channels, right * channels}})), 0.0);
    }

    /** Rows {@code [top, top + rows)} and columns {@code [left, left + cols)} (of {@code channels} floats each) of [n, row, (column, channel)]. */
    private static SDVariable cropRows(SDVariable y, int channels, int top, int rows, int left, int cols) {
        return y.get(SDIndex.all(), SDIndex.interval(top, top + rows), SDIndex.interval(left * channels, (left + cols) * channels));
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

        /** The first and last input offset d that phase {@code a} reads (taps kk = a + p - 2d inside the kernel). */
        int[] offsets(int a) {
            int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
            for (int d = dmin; d <= dmax; d++) {
                int kk = a + p - 2 * d;
                if (kk >= 0 && kk < k) {
                    lo = Math.min(lo, d);
                    hi = Math.max(hi, d);
                }
            }
            if (lo > hi) throw new IllegalArgumentException("kernel " + k + " gives phase " + a + " no taps");
            return new int[] {lo, hi};
        }

        /** Output o = 2i + kk - p: phase a at offset d uses tap kk = a + p - 2d, if it exists. */
        int tap(int a, int r) {
            int kk = a + p - 2 * (r + dmin);
            return kk >= 0 && kk < k ? kk : -1;
        }

        /** {@code selection} x the kernel {@code w}'s taps: rows as the selection's, columns (cout, cin). */
        SDVariable select(SameDiff sd, SDVariable w, INDArray selection) {
            return sd.mmul(sd.constant(selection), sd.reshape(w, k * k, cout(w) * cin(w)));
        }

        /**
         * Rows (i, j, b) of the kernel of output row parity a and the column parities b in
         * {@code columnParities}, over input row offsets {@code r} and column offsets {@code c},
         * column parity innermost; columns (kh, kw) of the transposed-convolution kernel.
         */
        INDArray phaseSelection(int a, int[] r, int[] c, List<Integer> columnParities) {
            int rows = r[1] - r[0] + 1, cols = c[1] - c[0] + 1, parities = columnParities.size();
            INDArray s = Nd4j.zeros(DataType.FLOAT, rows * cols * parities, k * k);
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++)
                    for (int q = 0; q < parities; q++) {
                        int kh = tap(a, r[0] + i - dmin), kw = tap(columnParities.get(q), c[0] + j - dmin);
                        if (kh >= 0 && kw >= 0) s.putScalar(new long[] {(i * cols + j) * parities + q, kh * k + kw}, 1f);
                    }
            return s;
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
