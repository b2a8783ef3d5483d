package org.aebench.train;

import org.aebench.data.Dataset;
import org.aebench.noise.NoiseStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the probes of reports 000/001 section 3 show a trained MNIST AE besides its test set:
 * images unlike any digit (Fashion-MNIST test items: the non-digit probe, no download needed)
 * and digits with strong noise.
 *
 * @param other the non-digit data set (null when the cell has no non-digit probe)
 */
record ProbeData(Dataset data, Dataset other, CellSeeds seeds) {
    /** Non-digit images scored for {@code non_digit_mse}: enough for a stable mean, cheap to reconstruct. */
    static final int NON_DIGIT_IMAGES = 1000;
    /** Noise of the noisy-digit probe: strong enough to see what the AE does with it. */
    static final double NOISY_DIGIT_SIGMA = 0.5;

    boolean hasNonDigit() { return other != null; }

    INDArray nonDigits(int count) {
        return Corruption.rows(other.testX(), 0, Math.min(count, other.testCount()));
    }

    INDArray noisyDigits(int count) {
        return new NoiseStream(seeds.noise("noisy-digit-probe"))
                .corrupt(Corruption.rows(data.testX(), 0, Math.min(count, data.testCount())), NOISY_DIGIT_SIGMA);
    }
}
