package org.aebench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.aebench.model.FilterImages;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ImageMetricsTest {
    /** A vertical bar per class at a class-specific column, 28 x 28. */
    private static double[] digit(int label) {
        double[] img = new double[784];
        for (int r = 4; r < 24; r++) img[r * 28 + 4 + 2 * label] = 1;
        return img;
    }

    private static double[] blurred(double[] img) {
        double[] out = new double[784];
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                double s = 0;
                int k = 0;
                for (int dc = -1; dc <= 1; dc++) if (c + dc >= 0 && c + dc < 28) { s += img[r * 28 + c + dc]; k++; }
                out[r * 28 + c] = s / k;
            }
        }
        return out;
    }

    @Test
    void blurringLowersTheGradientEnergy() {
        double[][] sharp = new double[10][], soft = new double[10][];
        for (int i = 0; i < 10; i++) { sharp[i] = digit(i); soft[i] = blurred(sharp[i]); }
        double ratio = ImageMetrics.gradientEnergy(Nd4j.create(soft)) / ImageMetrics.gradientEnergy(Nd4j.create(sharp));
        assertTrue(ratio < 0.6, "a 3-pixel box blur roughly halves the energy: " + ratio);
        assertEquals(1.0, ImageMetrics.gradientEnergy(Nd4j.create(sharp)) / ImageMetrics.gradientEnergy(Nd4j.create(sharp)), 1e-12);
    }

    private static INDArray clusters(double spread, int[] labels, long seed) {
        Random random = new Random(seed);
        double[][] codes = new double[labels.length][2];
        for (int i = 0; i < labels.length; i++) {
            codes[i][0] = 10 * labels[i] + spread * random.nextGaussian();
            codes[i][1] = spread * random.nextGaussian();
        }
        return Nd4j.create(codes);
    }

    @Test
    void separatedClustersScoreHighAndOverlappingOnesLow() {
        int[] labels = new int[300];
        for (int i = 0; i < labels.length; i++) labels[i] = i % 10;
        INDArray tight = clusters(0.5, labels, 1), loose = clusters(20, labels, 1);
        assertEquals(1.0, ImageMetrics.knnAccuracy(tight, labels), 1e-12);
        assertTrue(ImageMetrics.knnAccuracy(loose, labels) < 0.5, "overlapping clusters: " + ImageMetrics.knnAccuracy(loose, labels));
        double sTight = ImageMetrics.silhouette(tight, labels), sLoose = ImageMetrics.silhouette(loose, labels);
        assertTrue(sTight > 0.8 && sLoose < 0.2 && sTight > sLoose, sTight + " vs " + sLoose);
    }

    @Test
    void filtersThatAreDigitsCorrelateFullyAndNoiseBarely() {
        int[] labels = new int[100];
        double[][] images = new double[100][];
        for (int i = 0; i < 100; i++) { labels[i] = i % 10; images[i] = digit(i % 10); }
        double[][] digitFilters = {digit(3), digit(7)};
        double r = ImageMetrics.filterDigitCorrelation(new FilterImages.Filters(Nd4j.create(digitFilters), 28), Nd4j.create(images), labels);
        assertEquals(1.0, r, 1e-9);
        Random random = new Random(2);
        double[][] noise = new double[8][784];
        for (double[] f : noise) for (int p = 0; p < 784; p++) f[p] = random.nextGaussian();
        double rNoise = ImageMetrics.filterDigitCorrelation(new FilterImages.Filters(Nd4j.create(noise), 28), Nd4j.create(images), labels);
        assertTrue(rNoise < 0.2, "random filters look like no digit: " + rNoise);
    }

    @Test
    void meanAbsIsTheMeanOfAbsoluteValues() {
        assertEquals(1.5, ImageMetrics.meanAbs(Nd4j.create(new double[][] {{-1, 2}, {1, -2}})), 1e-12);
    }
}
