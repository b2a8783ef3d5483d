package org.aebench.site;

import java.util.Locale;

/** Number formatting for the pages (exposed to templates as {@code fmt}). */
public final class Format {
    /** Four significant digits; scientific notation for very small or large values. */
    public String num(double x) {
        if (Double.isNaN(x)) return "–";
        if (Double.isInfinite(x)) return x > 0 ? "∞" : "-∞";
        double a = Math.abs(x);
        if (a != 0 && a < 1e-3) return String.format(Locale.ROOT, "%.3e", x);
        if (a >= 1000) return String.format(Locale.ROOT, "%,.0f", x); // throughputs: 12,620 not 1.262e+04
        return String.format(Locale.ROOT, "%.4g", x).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    public String pct(double x) {
        if (Double.isNaN(x)) return "–";
        return String.format(Locale.ROOT, "%+.1f%%", x);
    }

    /** Takes Object so templates can pass a missing value as {@code x!}. */
    public String stats(Object o) {
        if (!(o instanceof Stats s)) return "–";
        if (!s.hasSpread()) return num(s.mean());
        return num(s.mean()) + " [" + num(s.min()) + " – " + num(s.max()) + ", n=" + s.n() + "]";
    }

    /** A mean with its 95 % interval over seeds, or the single value and the fact that nothing stands behind its spread. */
    public String meanCi(Object o) {
        if (!(o instanceof Stats s)) return "–";
        if (!s.hasSpread()) return num(s.mean()) + " (1 seed, no spread)";
        return num(s.mean()) + " ± " + num(s.ci95()) + " (95 % CI, n=" + s.n() + ")";
    }
}
