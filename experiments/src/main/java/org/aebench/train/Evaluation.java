package org.aebench.train;

/**
 * Test-set metrics of one model.
 *
 * @param mse       mean squared error per pixel
 * @param mae       mean absolute error per pixel
 * @param loss      the model's own loss (MSE or mean binary cross-entropy per pixel)
 * @param outputStd largest per-pixel standard deviation of the outputs across images
 * @param seconds   wall time of the reconstructions alone
 * @param snrDb     mean over images of 10 log10(sum of clean pixels squared / sum of (output - clean) squared)
 */
public record Evaluation(double mse, double mae, double loss, double outputStd, boolean finite, int samples, double seconds,
                         double snrDb) {

    /** 10 log10(1 / MSE) for pixels in [0, 1]. */
    public double psnrDb() { return 10 * Math.log10(1 / mse); }
}
