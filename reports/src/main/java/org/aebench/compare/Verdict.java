package org.aebench.compare;

/**
 * What the gate says of one cell (or, over seeds, one experiment) and metric. Declared in the order
 * a unit's verdict is chosen from its metrics': regressions first, then improvements, which explain
 * the small changes that come with them, then plain changes.
 */
public enum Verdict {
    MISSING("missing", "in the baseline, not in the candidate"),
    STATUS_WORSE("status worse", "ok became collapsed or failed, or collapsed became failed"),
    WORSE("worse", "worse than the baseline by more than the metric's tolerance (and, over seeds, beyond their noise)"),
    STATUS_BETTER("status better", "failed or collapsed became ok"),
    BETTER("better", "better than the baseline by more than the metric's tolerance"),
    CHANGED("changed", "different, but not worse beyond tolerance, or in a metric with no better side"),
    NEW("new", "in the candidate, not in the baseline"),
    WITHIN_NOISE("within noise", "different, but within the metric's tolerance or the seeds' spread"),
    IDENTICAL("identical", "the same to the last bit");

    private final String label;
    private final String meaning;

    Verdict(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() { return label; }

    public String meaning() { return meaning; }

    /** Fails the gate in either mode. */
    public boolean isRegression() {
        return this == MISSING || this == STATUS_WORSE || this == WORSE;
    }

    /** A number moved without a regression: fails the gate in exact mode, where the baseline must move with the change. */
    public boolean isMove() {
        return this == CHANGED || this == BETTER || this == STATUS_BETTER;
    }

    static Verdict worst(Verdict a, Verdict b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    public String cssClass() { return label.replace(' ', '-'); }
}
