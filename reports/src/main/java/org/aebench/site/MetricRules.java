package org.aebench.site;

import java.util.Map;

/** How each metric is judged against a reference value: tolerance and direction. */
final class MetricRules {
    /** Relative tolerance within which our value counts as reproducing the reference. */
    static final double RELATIVE_TOLERANCE = 0.10;

    /** Relative distance to a trivial baseline under which a reference value is labelled as one. */
    static final double BASELINE_TOLERANCE = 0.10;

    enum Direction { LOWER_IS_BETTER, HIGHER_IS_BETTER, NEITHER }

    private static final Map<String, Direction> DIRECTIONS = Map.of(
            "test_mse", Direction.LOWER_IS_BETTER,
            "test_mae", Direction.LOWER_IS_BETTER,
            "test_psnr_db", Direction.HIGHER_IS_BETTER,
            "snr_db", Direction.HIGHER_IS_BETTER);

    private MetricRules() {}

    static String verdict(String metric, double ours, double reference) {
        double rel = (ours - reference) / Math.abs(reference);
        if (Math.abs(rel) <= RELATIVE_TOLERANCE) return "within";
        return switch (DIRECTIONS.getOrDefault(metric, Direction.NEITHER)) {
            case LOWER_IS_BETTER -> rel < 0 ? "better" : "worse";
            case HIGHER_IS_BETTER -> rel > 0 ? "better" : "worse";
            case NEITHER -> "outside";
        };
    }

    static boolean near(double a, double b) {
        return Math.abs(a - b) <= BASELINE_TOLERANCE * Math.abs(b);
    }
}
