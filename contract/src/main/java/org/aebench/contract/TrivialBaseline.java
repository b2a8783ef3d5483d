package org.aebench.contract;

/**
 * The two trivial baselines every data set is scored with: the family keys the runner writes and
 * the site looks for, to label a reference value that sits on one as a collapsed network's.
 */
public enum TrivialBaseline {
    /** every output pixel 0 */
    ZERO("baseline-zero"),
    /** every output the mean training image */
    MEAN("baseline-mean");

    private final String family;

    TrivialBaseline(String family) { this.family = family; }

    /** The family key of this baseline's experiments. */
    public String family() { return family; }

    public static boolean isBaseline(String family) {
        return ZERO.family.equals(family) || MEAN.family.equals(family);
    }
}
