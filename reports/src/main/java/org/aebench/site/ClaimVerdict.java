package org.aebench.site;

/** A claim's verdict on a set of numbers: ours over seeds, or the report's own printed ones. */
public enum ClaimVerdict {
    /** In every seed (or on the report's numbers). */
    HOLDS("holds"),
    /** In some seeds and not in others. */
    MIXED("mixed"),
    /** In no seed (or not on the report's numbers). */
    FAILS("fails"),
    /** A named experiment has not run or has no value of the metric. */
    NOT_EVALUATED("not evaluated"),
    /** No metric carries the claim. */
    NOT_CHECKABLE("not checkable");

    private final String key;

    ClaimVerdict(String key) { this.key = key; }

    public String key() { return key; }

    /** The CSS class the pages colour it with. */
    public String css() { return key.replace(' ', '-'); }

    @Override
    public String toString() { return key; }

    static ClaimVerdict ofCounts(int held, int seeds) {
        return held == seeds ? HOLDS : held == 0 ? FAILS : MIXED;
    }
}
