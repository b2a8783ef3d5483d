package org.aebench.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How each metric is judged: its better side and the tolerance within which two values count as
 * the same result. The site judges our numbers against a report's with it, the regression gate a
 * candidate's against a baseline's.
 */
public final class MetricRules {
    /** Relative distance to a trivial baseline under which a reference value is labelled as one. */
    public static final double BASELINE_TOLERANCE = 0.10;

    public enum Direction { LOWER_IS_BETTER, HIGHER_IS_BETTER, NEITHER }

    /**
     * One metric kind's rule: within {@code tolerance} of the reference (relative, or absolute in the
     * metric's own unit) counts as reproduced.
     */
    public record Rule(String metric, Direction direction, double tolerance, boolean absolute, String why) {
        public String toleranceText() {
            return absolute ? "±" + trim(tolerance) : "±" + trim(tolerance * 100) + "%";
        }

        /** The difference on this rule's scale: absolute, or relative to {@code reference}. */
        public double difference(double value, double reference) {
            return absolute ? value - reference : (value - reference) / Math.abs(reference);
        }

        public boolean beyondTolerance(double value, double reference) {
            return Math.abs(difference(value, reference)) > tolerance;
        }

        /** Whether {@code value} is on the worse side of {@code reference} (false where no side is better). */
        public boolean worse(double value, double reference) {
            return switch (direction) {
                case LOWER_IS_BETTER -> value > reference;
                case HIGHER_IS_BETTER -> value < reference;
                case NEITHER -> false;
            };
        }

        private static String trim(double x) {
            return String.format(Locale.ROOT, "%.4g", x).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
        }

        public String directionText() {
            return switch (direction) {
                case LOWER_IS_BETTER -> "lower is better";
                case HIGHER_IS_BETTER -> "higher is better";
                case NEITHER -> "no better side";
            };
        }
    }

    private static final Rule DEFAULT = new Rule("other", Direction.NEITHER, 0.10, false, "");
    public static final Map<String, Rule> RULES = new LinkedHashMap<>();

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
                new Rule("classifier_accuracy", Direction.HIGHER_IS_BETTER, 0.01, true, "one point of accuracy"),
                new Rule("classifier_accuracy_reconstructed", Direction.HIGHER_IS_BETTER, 0.01, true, "as classifier accuracy"),
                new Rule("classifier_accuracy_noisy", Direction.HIGHER_IS_BETTER, 0.01, true, "as classifier accuracy"),
                new Rule("classifier_accuracy_denoised", Direction.HIGHER_IS_BETTER, 0.01, true, "as classifier accuracy"),
                new Rule("noise_free_test_mse", Direction.LOWER_IS_BETTER, 0.10, false, "as MSE"),
                new Rule("final_train_loss", Direction.LOWER_IS_BETTER, 0.10, false, "the model's own loss: as MSE"),
                new Rule("final_test_loss", Direction.LOWER_IS_BETTER, 0.10, false, "the model's own loss: as MSE"),
                new Rule("non_digit_mse", Direction.NEITHER, 0.10, false,
                        "a probe: a larger error on images unlike digits can mean a more specialised model, so neither side is better"),
                new Rule("contractive_penalty", Direction.NEITHER, 0.25, false, "as average activation: depends on initialisation"),
                new Rule("output_std", Direction.NEITHER, 0.10, false, "a diagnostic of collapse; the status column carries the verdict"),
                new Rule("noisy_input_mse", Direction.NEITHER, 0.01, false, "a property of the data and the noise drawn from the seed, not of the model"),
                new Rule("noisy_probe_mse", Direction.NEITHER, 0.10, false, "as the non-digit probe"),
                new Rule("sharpness_ratio", Direction.NEITHER, 0.10, false, "a property of the pictures: neither sharper nor smoother is better in itself"),
                new Rule("code_mean_abs", Direction.NEITHER, 0.25, false, "as average activation: depends on initialisation"),
                new Rule("code_knn_accuracy", Direction.HIGHER_IS_BETTER, 0.05, true, "a fraction of 1,000 codes: an absolute band"),
                new Rule("code_silhouette", Direction.NEITHER, 0.05, true, "in [-1, 1]: an absolute band"),
                new Rule("filter_digit_correlation", Direction.NEITHER, 0.05, true, "a correlation: an absolute band"))) {
            RULES.put(r.metric(), r);
        }
    }

    private MetricRules() {}

    public static Rule rule(String metric) {
        return RULES.getOrDefault(metric, DEFAULT);
    }

    public static String verdict(String metric, double ours, double reference) {
        Rule r = rule(metric);
        double diff = r.difference(ours, reference);
        if (Math.abs(diff) <= r.tolerance()) return "within";
        return switch (r.direction()) {
            case LOWER_IS_BETTER -> diff < 0 ? "better" : "worse";
            case HIGHER_IS_BETTER -> diff > 0 ? "better" : "worse";
            case NEITHER -> "outside";
        };
    }

    public static boolean near(double a, double b) {
        return Math.abs(a - b) <= BASELINE_TOLERANCE * Math.abs(b);
    }
}
