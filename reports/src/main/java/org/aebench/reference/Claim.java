package org.aebench.reference;

import java.util.Arrays;
import java.util.List;

/**
 * One of a report's "Observations", written as data so it can be checked on our results and on
 * the report's own printed numbers.
 *
 * @param section       where it stands in the report; unique within the report, so other claims can name it
 * @param metric        the results.csv column (or derived metric, see {@code ExperimentSummary}) the rule reads
 * @param reading       the report's words as written, or our labelled reading of them
 * @param conflictsWith the section of another claim of the same report that this one contradicts (empty if none)
 */
public record Claim(String report, String section, String text, ClaimRule rule, String metric, List<String> left,
                    List<String> right, ClaimReading reading, String conflictsWith, String note) {

    public boolean checkable() { return rule != ClaimRule.NOT_CHECKABLE; }

    public boolean selfContradictory() { return !conflictsWith.isBlank(); }

    /** The experiments the claim reads: {@code right} is a number for a threshold rule. */
    public List<String> experiments() {
        List<String> out = new java.util.ArrayList<>(left);
        if (!rule.isThreshold()) out.addAll(right);
        return out;
    }

    static List<String> ids(String joined) {
        return joined.isBlank() ? List.of() : Arrays.stream(joined.split(";")).map(String::trim).toList();
    }
}
