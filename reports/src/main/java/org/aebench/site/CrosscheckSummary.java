package org.aebench.site;

import java.util.List;
import java.util.Locale;
import org.aebench.contract.CrosscheckColumn;
import org.aebench.contract.ResultColumn;
import org.aebench.contract.Row;
import org.aebench.contract.Status;
import org.aebench.results.MetricRules;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * An experiment's cells as PyTorch trained them ({@code crosscheck.csv}) beside ours: test MSE
 * over seeds, collapses and networks dead at initialisation, and whether the two implementations
 * agree. They disagree when the means differ beyond the test-MSE tolerance and, with two or more
 * seeds a side, Welch's t-test says so at p &lt; 0.05; a collapse of ours is the architecture's
 * only when PyTorch's version collapses too.
 */
public record CrosscheckSummary(String framework, Stats testMse, Stats noisyTestMse, int runs, int collapsed, int deadAtInit, Agreement agreement,
                                String detail) {

    /** How our numbers stand against the independent implementation's. */
    public enum Agreement {
        AGREE("agrees with PyTorch"), DISAGREE("disagrees with PyTorch beyond seed noise"), NO_SPREAD("agrees (1 seed a side, no spread)"),
        DISAGREE_NO_SPREAD("differs from PyTorch (1 seed a side, no spread)");

        private final String text;

        Agreement(String text) { this.text = text; }

        public String text() { return text; }

        public String css() { return this == AGREE || this == NO_SPREAD ? "within" : "outside"; }
    }

    /**
     * PyTorch's value of one of our metrics, or null when it has none: our {@code test_mse} is scored
     * on the noisy test images where the cell has them, which PyTorch's {@code noisy_test_mse} is.
     */
    public Stats valueOf(String metric) {
        if (metric.equals(ResultColumn.NOISE_FREE_TEST_MSE.header())) return testMse;
        if (metric.equals(ResultColumn.TEST_MSE.header())) return noisyTestMse != null ? noisyTestMse : testMse;
        return null;
    }

    /** Whether the two implementations disagree (beyond seed noise, or beyond tolerance with one seed a side). */
    public boolean disagrees() { return agreement == Agreement.DISAGREE || agreement == Agreement.DISAGREE_NO_SPREAD; }

    static CrosscheckSummary of(List<Row<CrosscheckColumn>> theirs, ExperimentSummary ours) {
        double[] them = theirs.stream().mapToDouble(r -> r.number(CrosscheckColumn.TEST_MSE)).filter(Double::isFinite).toArray();
        Stats stats = Stats.of(java.util.Arrays.stream(them).boxed().toList());
        Stats noisy = Stats.of(theirs.stream().map(r -> r.get(CrosscheckColumn.NOISY_TEST_MSE)).filter(v -> !v.isEmpty())
                .map(Double::parseDouble).toList());
        int collapsed = (int) theirs.stream().filter(r -> Status.parse(r.get(CrosscheckColumn.STATUS)) == Status.COLLAPSED).count();
        int dead = (int) theirs.stream().filter(r -> r.get(CrosscheckColumn.DEAD_AT_INIT).equals("true")).count();
        String metric = ResultColumn.NOISE_FREE_TEST_MSE.header();
        double[] us = ours == null ? new double[0] : ours.seedValues(metric).values().stream().mapToDouble(Double::doubleValue).toArray();
        Agreement agreement = null;
        String detail = "";
        if (stats != null && us.length > 0) {
            double mean = java.util.Arrays.stream(us).average().orElse(Double.NaN);
            boolean beyondTolerance = !MetricRules.near(mean, stats.mean());
            if (us.length >= 2 && them.length >= 2) {
                double p = new TTest().tTest(us, them);
                agreement = beyondTolerance && p < 0.05 ? Agreement.DISAGREE : Agreement.AGREE;
                detail = String.format(Locale.ROOT, "ours %.4g against %.4g; Welch p = %.3f", mean, stats.mean(), p);
            } else {
                agreement = beyondTolerance ? Agreement.DISAGREE_NO_SPREAD : Agreement.NO_SPREAD;
                detail = String.format(Locale.ROOT, "ours %.4g against %.4g", mean, stats.mean());
            }
            if (ours.collapsed() > 0) {
                detail += collapsed > 0 ? "; our collapses are shared by PyTorch (" + collapsed + "/" + theirs.size() + "): the architecture's"
                        : "; PyTorch collapsed in none of its " + theirs.size() + " seed(s) (its initial weights differ from ours)";
            }
        }
        return new CrosscheckSummary(theirs.isEmpty() ? "" : theirs.get(0).get(CrosscheckColumn.FRAMEWORK), stats, noisy, theirs.size(), collapsed, dead,
                agreement, detail);
    }
}
