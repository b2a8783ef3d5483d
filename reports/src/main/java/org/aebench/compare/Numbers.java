package org.aebench.compare;

import java.util.Locale;
import org.aebench.results.MetricRules;

/**
 * How the gate prints numbers. A change found in exact mode can sit in the last bits, so values
 * keep enough digits to show it and differences are printed in their own scale.
 */
public final class Numbers {
    private Numbers() {}

    /** Six significant digits; the site and Markdown show values in this form. */
    public static String value(Double x) {
        if (x == null || x.isNaN()) return "–";
        double a = Math.abs(x);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) return String.format(Locale.ROOT, "%.5e", x);
        return String.format(Locale.ROOT, "%.6g", x).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    /** The difference as the metric's rule measures it: relative in percent, or absolute in the metric's unit. */
    static String change(MetricRules.Rule rule, double candidate, double baseline) {
        if (candidate == baseline) return "0";
        if (rule.absolute()) return String.format(Locale.ROOT, "%+.3g", candidate - baseline);
        return relative(candidate, baseline);
    }

    static String relative(double candidate, double baseline) {
        if (baseline == 0) return candidate == 0 ? "0" : "from 0";
        double pct = 100 * (candidate - baseline) / Math.abs(baseline);
        return Math.abs(pct) >= 0.01 ? String.format(Locale.ROOT, "%+.2f%%", pct) : String.format(Locale.ROOT, "%+.2e%%", pct);
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2fx", r);
    }
}
