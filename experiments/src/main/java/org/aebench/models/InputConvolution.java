package org.aebench.models;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network's first convolution (one input channel, stride 1, "same" padding) as one matrix
 * product: the image's k x k patches times the kernel.
 *
 * <p>Why: libnd4j's conv2d backprop with a single input channel runs at about 2 GFLOP/s here (r003's
 * 1-to-64 layer at 28x28: 131 ms of a 435 ms step, more than any other op). The input is data, so
 * its patches need no gradient and are built once per step; the weight gradient is then one
 * {@code patches^T x grad} product. Same arithmetic as conv2d in another summation order; the
 * weight keeps conv2d's {@code [k, k, 1, cout]} layout and initialisation.
 */
final class InputConvolution {
    private InputConvolution() {}

    /**
     * @param images [n, side * side] pixel rows
     * @param w      [k, k, 1, cout], k odd
     * @param b      [cout]
     * @return [n, side, side, cout] with {@code channelsLast}, else [n, cout, side, side]
     */
    static SDVariable of(SameDiff sd, SDVariable images, SDVariable w, SDVariable b, int side, boolean channelsLast) {
        long[] shape = w.getShape();
        int k = (int) shape[0], cout = (int) shape[3];
        if (shape[2] != 1 || k % 2 == 0) throw new IllegalArgumentException("needs an odd kernel over one channel, got " + java.util.Arrays.toString(shape));
        int p = (k - 1) / 2;
        SDVariable x = sd.nn().pad(sd.reshape(images, -1, side, side), sd.constant(Nd4j.createFromArray(new int[][] {{0, 0}, {p, p}, {p, p}})), 0.0);
        // Patch element (ky, kx) of output pixel (r, c) is padded pixel (r + ky, c + kx): conv2d's cross-correlation.
        SDVariable[] taps = new SDVariable[k * k + 1];
        for (int ky = 0; ky < k; ky++)
            for (int kx = 0; kx < k; kx++)
                taps[ky * k + kx] = x.get(SDIndex.all(), SDIndex.interval(ky, ky + side), SDIndex.interval(kx, kx + side));
        // A constant 1 after each patch and the bias under the kernel fold the bias into the product:
        // a separate broadcast add's backprop (a column sum over n * side^2 rows) took 38 ms at 64 channels.
        taps[k * k] = sd.onesLike(taps[0]);
        SDVariable patches = sd.reshape(sd.stack(3, taps), -1, k * k + 1);
        SDVariable y = sd.mmul(patches, sd.concat(0, sd.reshape(w, k * k, cout), sd.reshape(b, 1, cout)));
        y = sd.reshape(y, -1, side, side, cout);
        return channelsLast ? y : sd.permute(y, 0, 3, 1, 2);
    }
}
