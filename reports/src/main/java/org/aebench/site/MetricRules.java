package org.aebench.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How each metric is judged against a reference value: tolerance and direction, shown on the site. */
final class MetricRules {
    /** Relative distance to a trivial baseline under which a reference value is labelled as one. */
    static final double BASELINE_TOLERANCE = 0.10;

    enum Direction { LOWER_IS_BETTER, HIGHER_IS_BETTER, NEITHER }

    /**
     * One metric kind's rule: within {@code tolerance} of the reference (relative, or absolute in the
     * metric's own unit) counts as reproduced.
     */
    record Rule(String metric, Direction direction, double tolerance, boolean absolute, String why) {
        String toleranceText() {
            return absolute ? "±" + new Format().num(tolerance) : "±" + new Format().num(tolerance * 100) + "%";
        }

        String directionText() {
            return switch (direction) {
                case LOWER_IS_BETTER -> "lower is better";
                case HIGHER_IS_BETTER -> "higher is better";
                case NEITHER -> "no better side";
            };
        }
    }

    private static final Rule DEFAULT = new Rule("other", Direction.NEITHER, 0.10, false, "");
    static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        for (Rule r : List.of(
                new Rule("test_mse", Direction.LOWER_IS_BETTER, 0.10, false,
                        "seed-to-seed spread of a 10-epoch AE here is ±5-8%; 10% separates a reproduction from a different result"),
                new Rule("test_mae", Direction.LOWER_IS_BETTER, 0.10, false, "as MSE"),
                new Rule("test_psnr_db", Direction.HIGHER_IS_BETTER, 1.0, true, "decibels are a log scale: an absolute band (1 dB = 26% in MSE)"),
                new Rule("test_snr_db", Direction.HIGHER_IS_BETTER, 1.0, true, "as PSNR"),
                new Rule("avg_activation", Direction.NEITHER, 0.25, false,
                        "activations depend on initialisation and the exact penalty form; only the order of magnitude and the trend are meaningful"),
                new Rule("active_fraction", Direction.NEITHER, 0.05, true, "a fraction: absolute band"),
                new Rule("classifier_accuracy", Direction.HIGHER_IS_BETTER, 0.01, true, "one point of accuracy"))) {
            RULES.put(r.metric(), r);
        }
    }

    private MetricRules() {}

    static Rule rule(String metric) {
        return RULES.getOrDefault(metric, DEFAULT);
    }

    static String verdict(String metric, double ours, double reference) {
        Rule r = rule(metric);
        double diff = r.absolute() ? ours - reference : (ours - reference) / Math.abs(reference);
        if (Math.abs(diff) <= r.tolerance()) return "within";
        return switch (r.direction()) {
            case LOWER_IS_BETTER -> diff < 0 ? "better" : "worse";
            case HIGHER_IS_BETTER -> diff > 0 ? "better" : "worse";
            case NEITHER -> "outside";
        };
    }

    static boolean near(double a, double b) {
        return Math.abs(a - b) <= BASELINE_TOLERANCE * Math.abs(b);
    }
}
