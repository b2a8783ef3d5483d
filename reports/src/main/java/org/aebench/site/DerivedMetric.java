package org.aebench.site;

import org.aebench.contract.ResultColumn;
import org.aebench.contract.Row;

/** Metrics the site derives from a result row's columns, for claims no single column carries. */
public enum DerivedMetric {
    /**
     * Final test loss minus final training loss: "generalisation" as the gap between the two.
     * The training loss is the last epoch's mean over its batches with dropout active, as
     * frameworks report it, so a dropout model can show a negative gap.
     */
    GENERALIZATION_GAP("generalization_gap") {
        @Override
        double of(Row<ResultColumn> r) { return r.number(ResultColumn.FINAL_TEST_LOSS) - r.number(ResultColumn.FINAL_TRAIN_LOSS); }
    },
    /**
     * The noisy input's error over the reconstruction's, both against the clean images: above 1
     * the model removed noise, below 1 it added error. Only for cells scored on noisy input.
     */
    DENOISING_GAIN("denoising_gain") {
        @Override
        double of(Row<ResultColumn> r) { return r.number(ResultColumn.NOISY_INPUT_MSE) / r.number(ResultColumn.TEST_MSE); }
    };

    private final String header;

    DerivedMetric(String header) { this.header = header; }

    public String header() { return header; }

    abstract double of(Row<ResultColumn> r);

    /** Whether a claim's metric names a result column or a derived metric the site computes. */
    public static boolean known(String metric) {
        for (DerivedMetric d : values()) if (d.header.equals(metric)) return true;
        if (metric.equals(ExperimentSummary.CURVE_IMPROVEMENT)) return true;
        for (ResultColumn c : ResultColumn.values()) if (c.header().equals(metric)) return true;
        return false;
    }
}
