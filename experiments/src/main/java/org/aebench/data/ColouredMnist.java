package org.aebench.data;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Report 002's coloured MNIST, built the same way on every machine. The report: "the color is
 * assigned randomly based on the classes of the digit". So each class gets one colour, drawn once
 * from {@code java.util.Random(}{@value #PALETTE_SEED}{@code )} with each of R, G, B uniform in
 * [0, 1), as {@code np.random.rand(10, 3)} draws it; an image is its grayscale digit times its
 * class's colour, so the background stays 0 and intensities keep their shape. The report's own
 * MSE/SNR pairs put the clean signal's power at 0.039-0.043 per pixel, which a [0, 1) palette
 * expects (0.043) and our earlier [0.2, 1] palette did not (0.054): see docs/fidelity.md.
 */
public final class ColouredMnist {
    /** Fixed, not the cell's seed: the data set is part of the experiment, the same for every cell. */
    public static final long PALETTE_SEED = 2002;
    private static final float[][] PALETTE = palette();

    private ColouredMnist() {}

    /** RGB in [0, 1) for each of the ten classes. */
    public static float[][] palette() {
        if (PALETTE != null) return PALETTE.clone();
        Random rnd = new Random(PALETTE_SEED);
        float[][] p = new float[10][3];
        for (int c = 0; c < 10; c++) for (int k = 0; k < 3; k++) p[c][k] = rnd.nextFloat();
        return p;
    }

    static Dataset colour(Dataset gray, DatasetId id) {
        return new Dataset(id, colour(gray.trainX(), gray.trainLabels()), gray.trainLabels(),
                colour(gray.testX(), gray.testLabels()), gray.testLabels(), gray.sha256());
    }

    static INDArray colour(INDArray gray, int[] labels) {
        int n = (int) gray.rows();
        int px = (int) gray.columns();
        float[] src = gray.dup().data().asFloat();
        float[] dst = new float[n * px * 3];
        for (int i = 0; i < n; i++) {
            float[] rgb = PALETTE[labels[i]];
            for (int k = 0; k < 3; k++) {
                int out = (i * 3 + k) * px;
                for (int j = 0; j < px; j++) dst[out + j] = src[i * px + j] * rgb[k];
            }
        }
        return Nd4j.create(dst, new long[] {n, 3L * px}, DataType.FLOAT);
    }
}
