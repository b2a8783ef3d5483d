package org.aebench.train;

import org.aebench.contract.ResultColumn;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aebench.data.Dataset;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.matrix.Loss;
import org.aebench.model.DenseProbes;
import org.aebench.model.FilterImages;
import org.aebench.model.LatentModel;
import org.aebench.model.Reconstructor;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Metrics beyond the reconstruction error, keyed by their results.csv column. */
final class Probes {
    private Probes() {}

    static Map<ResultColumn, Double> measure(Reconstructor model, ExperimentSpec spec, Dataset data, Evaluation scored,
                                       Corruption corruption, Loss loss, ProbeData probes) {
        Map<ResultColumn, Double> out = new LinkedHashMap<>();
        if (probes.hasNonDigit()) {
            INDArray items = probes.nonDigits(ProbeData.NON_DIGIT_IMAGES);
            out.put(ResultColumn.NON_DIGIT_MSE, Evaluator.evaluate(model, items, items, loss).mse());
            // report 000 section 2 also feeds each hidden size a noisy digit: scored against the clean digits
            INDArray noisy = probes.noisyDigits(ProbeData.NON_DIGIT_IMAGES);
            out.put(ResultColumn.NOISY_PROBE_MSE, Evaluator.evaluate(model, noisy, Corruption.rows(data.testX(), 0, noisy.rows()), loss).mse());
        }
        INDArray clean = data.testX();
        out.put(ResultColumn.NOISE_FREE_TEST_MSE, corruption.noisy(clean)
                ? Evaluator.evaluate(model, clean, clean, loss).mse() : scored.mse());
        long n = Math.min(ImageMetrics.IMAGES, clean.rows());
        INDArray first = Corruption.rows(clean, 0, n);
        int[] labels = java.util.Arrays.copyOf(data.testLabels(), (int) n);
        if (corruption.noisyInput(clean)) {
            INDArray diff = corruption.testInputRows(0, clean.rows()).sub(clean).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
            out.put(ResultColumn.NOISY_INPUT_MSE, diff.mul(diff).sumNumber().doubleValue() / clean.length());
        }
        if (scored.finite()) {
            out.put(ResultColumn.SHARPNESS_RATIO, ImageMetrics.gradientEnergy(model.reconstruct(first)) / ImageMetrics.gradientEnergy(first));
        }
        if (model instanceof LatentModel latent && scored.finite()) {
            INDArray codes = latent.encode(first);
            out.put(ResultColumn.CODE_MEAN_ABS, ImageMetrics.meanAbs(codes));
            out.put(ResultColumn.CODE_KNN_ACCURACY, ImageMetrics.knnAccuracy(codes, labels));
            out.put(ResultColumn.CODE_SILHOUETTE, ImageMetrics.silhouette(codes, labels));
        }
        if (model instanceof FilterImages pictured && model instanceof DenseProbes) {
            FilterImages.Filters encoder = pictured.filters().get(org.aebench.contract.Artifact.ENCODER_FILTERS);
            if (encoder != null) {
                double r = ImageMetrics.filterDigitCorrelation(encoder, first, labels);
                if (Double.isFinite(r)) out.put(ResultColumn.FILTER_DIGIT_CORRELATION, r);
            }
        }
        if (model instanceof DenseProbes dense) {
            double sum = 0, active = 0, count = 0;
            for (long start = 0; start < clean.rows(); start += Evaluator.BATCH) {
                // in double, as Evaluator sums: a float sum of a batch's activations loses digits
                INDArray h = dense.hidden(Corruption.rows(clean, start, Math.min(clean.rows(), start + Evaluator.BATCH)))
                        .castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
                sum += h.sumNumber().doubleValue();
                active += h.gt(0).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).sumNumber().doubleValue();
                count += h.length();
            }
            out.put(ResultColumn.AVG_ACTIVATION, sum / count);
            out.put(ResultColumn.ACTIVE_FRACTION, active / count);
            if (dense.contractive()) out.put(ResultColumn.CONTRACTIVE_PENALTY, dense.contractivePenalty(clean));
        }
        return out;
    }
}
