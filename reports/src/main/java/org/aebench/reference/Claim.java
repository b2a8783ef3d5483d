package org.aebench.reference;

import java.util.Arrays;
import java.util.List;

/**
 * One of a report's "Observations", written as data so it can be checked on our results.
 *
 * @param rule   increasing / decreasing (the metric along {@code left}, in order), less / greater
 *               ({@code left} against {@code right}: pairwise when both list several experiments,
 *               otherwise one against each), or not-checkable (a claim about how images look)
 * @param metric the results.csv column the rule reads
 */
public record Claim(String report, String section, String text, String rule, String metric, List<String> left,
                    List<String> right, String note) {

    public boolean checkable() { return !rule.equals("not-checkable"); }

    static List<String> ids(String joined) {
        return joined.isBlank() ? List.of() : Arrays.stream(joined.split(";")).map(String::trim).toList();
    }
}
