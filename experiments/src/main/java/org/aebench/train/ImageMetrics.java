package org.aebench.train;

import org.aebench.model.FilterImages;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Measures of pictures and codes for claims that were read from pictures: sharpness, clusters of
 * the codes, filters that look like digits. Each is deterministic (no sampling), in double.
 */
final class ImageMetrics {
    /** Images (and codes) these measures read: the first of the test set, as the pictures show them. */
    static final int IMAGES = 1000;
    /** Neighbours of the k-NN accuracy: few enough to follow a cluster's shape, enough not to follow noise. */
    static final int NEIGHBOURS = 5;
    static final int SIDE = 28;

    private ImageMetrics() {}

    /**
     * Gradient energy: the mean squared difference of horizontally and vertically adjacent pixels,
     * over every channel of every image (rows of channels x 28 x 28, channel-major).
     */
    static double gradientEnergy(INDArray images) {
        double[][] x = images.castTo(DataType.DOUBLE).toDoubleMatrix();
        double sum = 0;
        long count = 0;
        for (double[] img : x) {
            int channels = img.length / (SIDE * SIDE);
            for (int c = 0; c < channels; c++) {
                int base = c * SIDE * SIDE;
                for (int r = 0; r < SIDE; r++) {
                    for (int col = 0; col < SIDE; col++) {
                        double v = img[base + r * SIDE + col];
                        if (col + 1 < SIDE) { double d = img[base + r * SIDE + col + 1] - v; sum += d * d; count++; }
                        if (r + 1 < SIDE) { double d = img[base + (r + 1) * SIDE + col] - v; sum += d * d; count++; }
                    }
                }
            }
        }
        return sum / count;
    }

    /** Mean |value| of the codes. */
    static double meanAbs(INDArray codes) {
        return codes.castTo(DataType.DOUBLE).norm1Number().doubleValue() / codes.length();
    }

    private static double[][] distances(double[][] codes) {
        int n = codes.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int k = 0; k < codes[i].length; k++) { double t = codes[i][k] - codes[j][k]; s += t * t; }
                d[i][j] = d[j][i] = Math.sqrt(s);
            }
        }
        return d;
    }

    /** Leave-one-out k-NN accuracy of the labels; ties in the vote go to the nearest neighbour's label. */
    static double knnAccuracy(INDArray codes, int[] labels) {
        double[][] d = distances(codes.castTo(DataType.DOUBLE).toDoubleMatrix());
        int n = d.length, correct = 0;
        for (int i = 0; i < n; i++) {
            final int self = i;
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) order[j] = j;
            java.util.Arrays.sort(order, (a, b) -> a == self ? -1 : b == self ? 1 : Double.compare(d[self][a], d[self][b]));
            int[] votes = new int[10];
            int best = labels[order[1]];
            for (int k = 1; k <= NEIGHBOURS && k < n; k++) votes[labels[order[k]]]++;
            for (int c = 0; c < votes.length; c++) if (votes[c] > votes[best]) best = c;
            if (best == labels[i]) correct++;
        }
        return (double) correct / n;
    }

    /** Mean silhouette of the labels as clusters (Rousseeuw 1987): (b - a) / max(a, b) per point. */
    static double silhouette(INDArray codes, int[] labels) {
        double[][] d = distances(codes.castTo(DataType.DOUBLE).toDoubleMatrix());
        int n = d.length;
        int[] size = new int[10];
        for (int l : labels) size[l]++;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] sum = new double[10];
            for (int j = 0; j < n; j++) if (j != i) sum[labels[j]] += d[i][j];
            int own = labels[i];
            if (size[own] < 2) continue;  // a singleton's silhouette is 0 by convention
            double a = sum[own] / (size[own] - 1), b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < 10; c++) if (c != own && size[c] > 0) b = Math.min(b, sum[c] / size[c]);
            total += (b - a) / Math.max(a, b);
        }
        return total / n;
    }

    /**
     * For each filter tile of a whole image (28 x 28), the largest |Pearson correlation| with the
     * class-mean images, averaged over the filters: how much the filters look like digits.
     */
    static double filterDigitCorrelation(FilterImages.Filters filters, INDArray images, int[] labels) {
        if (filters.side() != SIDE || filters.tiles().columns() != SIDE * SIDE) return Double.NaN;
        double[][] x = images.castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] means = new double[10][SIDE * SIDE];
        int[] count = new int[10];
        for (int i = 0; i < x.length; i++) {
            count[labels[i]]++;
            for (int p = 0; p < x[i].length; p++) means[labels[i]][p] += x[i][p];
        }
        double total = 0;
        double[][] tiles = filters.tiles().castTo(DataType.DOUBLE).toDoubleMatrix();
        for (double[] f : tiles) {
            double best = 0;
            for (int c = 0; c < 10; c++) if (count[c] > 0) best = Math.max(best, Math.abs(pearson(f, means[c])));
            total += best;
        }
        return total / tiles.length;
    }

    static double pearson(double[] a, double[] b) {
        double ma = 0, mb = 0;
        for (int i = 0; i < a.length; i++) { ma += a[i]; mb += b[i]; }
        ma /= a.length;
        mb /= b.length;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            double x = a[i] - ma, y = b[i] - mb;
            sab += x * y;
            saa += x * x;
            sbb += y * y;
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }
}
