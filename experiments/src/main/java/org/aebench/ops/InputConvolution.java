package org.aebench.ops;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network's first convolution ("same"-style padding (k - 1) / 2, any stride) as one matrix
 * product: the images' k x k patches times the kernel.
 *
 * <p>Why: libnd4j's conv2d backprop also computes the gradient of its input, which for the images
 * nobody needs, and with few input channels runs far below oneDNN's speed: it was the costliest
 * op of r003's step (docs/performance.md). The input is data, so its patches need no gradient; the
 * weight gradient is then one {@code patches^T x grad} product. Same arithmetic as conv2d in
 * another summation order; the weight keeps conv2d's {@code [k, k, cin, cout]} layout and
 * initialisation.
 */
public final class InputConvolution {
    private InputConvolution() {}

    /**
     * @param images [n, side, side, cin]
     * @param w      [k, k, cin, cout], k odd
     * @param b      [cout]
     * @return [n, out, out, cout], out = (side - 1) / stride + 1
     */
    public static SDVariable of(SameDiff sd, SDVariable images, SDVariable w, SDVariable b, int side, int stride) {
        long[] shape = w.getShape();
        int k = (int) shape[0], cin = (int) shape[2], cout = (int) shape[3];
        if (k % 2 == 0) throw new IllegalArgumentException("needs an odd kernel, got " + java.util.Arrays.toString(shape));
        int p = (k - 1) / 2, out = (side - 1) / stride + 1;
        // One channel is sliced as [n, side, side]: libnd4j's strided_slice of [n, 30, 30, 1] is several times slower
        boolean oneChannel = cin == 1;
        SDVariable x = oneChannel ? sd.reshape(images, -1, side, side) : images;
        int[][] padding = oneChannel ? new int[][] {{0, 0}, {p, p}, {p, p}} : new int[][] {{0, 0}, {p, p}, {p, p}, {0, 0}};
        x = sd.nn().pad(x, sd.constant(Nd4j.createFromArray(padding)), 0.0);
        // Patch element (ky, kx) of output pixel (r, c) is padded pixel (stride r + ky, stride c + kx): conv2d's cross-correlation.
        SDVariable[] taps = new SDVariable[k * k + 1];
        long span = (long) stride * (out - 1) + 1;
        for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
                SDIndex rows = SDIndex.interval((long) ky, (long) stride, ky + span), cols = SDIndex.interval((long) kx, (long) stride, kx + span);
                taps[ky * k + kx] = oneChannel ? x.get(SDIndex.all(), rows, cols) : x.get(SDIndex.all(), rows, cols, SDIndex.all());
            }
        }
        // One more tap of ones and the bias under the kernel (zeros under the other channels' ones) fold
        // the bias into the product: a separate broadcast add's backprop is a slow column sum over n * side^2 rows.
        taps[k * k] = sd.onesLike(taps[0]);
        SDVariable biasRows = sd.reshape(b, 1, cout);
        if (cin > 1) biasRows = sd.concat(0, biasRows, sd.constant(Nd4j.zeros(DataType.FLOAT, cin - 1, cout)));
        SDVariable kernel = sd.concat(0, sd.reshape(w, k * k * cin, cout), biasRows);
        // One channel: the patches as [tap, pixel], stacked in whole blocks, and the product reads them transposed;
        // a stack into [pixel, tap] copies one float at a time, 3x slower for the same result.
        SDVariable y = oneChannel ? sd.mmul(sd.reshape(sd.stack(0, taps), k * k + 1, -1), kernel, true, false, false)
                : sd.mmul(sd.reshape(sd.stack(3, taps), -1, (k * k + 1) * cin), kernel);
        return sd.reshape(y, -1, out, out, cout);
    }
}
