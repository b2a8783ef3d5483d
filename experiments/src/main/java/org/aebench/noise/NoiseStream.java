package org.aebench.noise;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The per-batch random numbers of training (input noise, dropout masks), drawn in Java from one
 * seeded {@link SplittableRandom} and written into float arrays.
 *
 * <p>Why not ND4J's random ops: they were several times slower per batch and a visible share of
 * the denoisers' and dropout models' steps; Java 17's {@code nextGaussian} is a ziggurat, and one
 * {@code nextLong} gives two 32-bit uniforms (figures: docs/performance.md, "Random numbers").
 * The numbers depend only on the seed, so they are the same in every process and on every worker.
 */
public final class NoiseStream {
    private final SplittableRandom random;

    public NoiseStream(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@code x + sigma N(0, 1)}, clipped to [0, 1]: a new float array of {@code x}'s shape. */
    public INDArray corrupt(INDArray x, double sigma) {
        INDArray into = Nd4j.create(DataType.FLOAT, x.shape(), 'c');
        corruptInto(x, sigma, new float[Math.toIntExact(into.length())], into);
        return into;
    }

    /**
     * {@link #corrupt}'s numbers written into {@code into} (a contiguous float array of its own, of
     * {@code x}'s shape) through {@code scratch}: for every training batch, where a new array per
     * batch was a native allocation the size of the batch, freed only by a collection.
     */
    public void corruptInto(INDArray x, double sigma, float[] scratch, INDArray into) {
        if (x.dataType() != DataType.FLOAT) throw new IllegalArgumentException("expected float images, got " + x.dataType());
        if (scratch.length != into.length() || !into.equalShapes(x)) {
            throw new IllegalArgumentException("scratch of " + scratch.length + " and output " + into.shapeInfoToString() + " for " + x.shapeInfoToString());
        }
        into.assign(x);
        java.nio.FloatBuffer buffer = into.data().asNioFloat();
        buffer.get(0, scratch);
        for (int i = 0; i < scratch.length; i++) {
            float noisy = scratch[i] + (float) (sigma * random.nextGaussian());
            scratch[i] = noisy < 0 ? 0 : noisy > 1 ? 1 : noisy;
        }
        buffer.put(0, scratch);
    }

    /** {@code sigma N(0, 1)} of the given shape. */
    public INDArray gaussian(double sigma, long... shape) {
        float[] v = new float[Math.toIntExact(prod(shape))];
        for (int i = 0; i < v.length; i++) v[i] = (float) (sigma * random.nextGaussian());
        return Nd4j.createFromArray(v).reshape('c', shape);
    }

    /**
     * Inverted dropout: each element {@code 1 / (1 - rate)} with probability {@code 1 - rate}, else 0,
     * written into {@code into} (a contiguous float array of its own, not a view) through
     * {@code scratch}. A uniform 32-bit draw at or above {@code rate 2^32} keeps the element, so the
     * keep probability is {@code 1 - rate} to within 2^-32.
     */
    public void dropoutMask(double rate, float[] scratch, INDArray into) {
        if (scratch.length != into.length()) throw new IllegalArgumentException("scratch of " + scratch.length + " for " + into.length() + " elements");
        long threshold = (long) Math.ceil(rate * 4294967296.0);
        int keep = Float.floatToIntBits((float) (1 / (1 - rate)));
        int n = scratch.length;
        // branch-free (a kept element's bits are keep's, a dropped one's 0): three times faster than with a branch
        for (int i = 0; i < n; i += 2) {
            long bits = random.nextLong();
            scratch[i] = Float.intBitsToFloat(keep & keptBits(bits >>> 32, threshold));
            if (i + 1 < n) scratch[i + 1] = Float.intBitsToFloat(keep & keptBits(bits & 0xFFFFFFFFL, threshold));
        }
        // a bulk copy into the native buffer (DataBuffer.setData writes element by element)
        into.data().asNioFloat().put(scratch);
    }

    /** All ones if the 32-bit uniform {@code u} is at or above {@code threshold}, else 0. */
    private static int keptBits(long u, long threshold) {
        return ~(int) ((u - threshold) >> 63);
    }

    private static long prod(long[] shape) {
        long n = 1;
        for (long s : shape) n *= s;
        return n;
    }
}
