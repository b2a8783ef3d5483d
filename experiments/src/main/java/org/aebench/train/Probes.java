package org.aebench.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.aebench.data.Dataset;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.matrix.Loss;
import org.aebench.models.DenseProbes;
import org.aebench.models.Reconstructor;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Metrics beyond the reconstruction error, keyed by their results.csv column. */
final class Probes {
    private Probes() {}

    static Map<String, Double> measure(Reconstructor model, ExperimentSpec spec, Dataset data, Evaluation scored,
                                       Corruption corruption, Loss loss, ProbeData probes) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (probes.hasNonDigit()) {
            INDArray items = probes.nonDigits(ProbeData.NON_DIGIT_IMAGES);
            out.put("non_digit_mse", Evaluator.evaluate(model, items, items, loss).mse());
        }
        INDArray clean = data.testX();
        out.put("noise_free_test_mse", corruption.noisy(clean)
                ? Evaluator.evaluate(model, clean, clean, loss).mse() : scored.mse());
        if (model instanceof DenseProbes dense) {
            double sum = 0, active = 0, count = 0;
            for (long start = 0; start < clean.rows(); start += Evaluator.BATCH) {
                INDArray h = dense.hidden(Corruption.rows(clean, start, Math.min(clean.rows(), start + Evaluator.BATCH)));
                sum += h.sumNumber().doubleValue();
                active += h.gt(0).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).sumNumber().doubleValue();
                count += h.length();
            }
            out.put("avg_activation", sum / count);
            out.put("active_fraction", active / count);
            if (spec.contractive() != null && spec.contractive() > 0) out.put("contractive_penalty", dense.contractivePenalty(clean));
        }
        return out;
    }
}
