package org.aebench.compare;

import java.util.List;
import java.util.Map;

/**
 * The gate's whole answer, as the terminal table, the Markdown summary, the JSON file and the
 * site's changes page show it. {@code units} are worst first; {@code counts} is units per verdict;
 * {@code codeDrift} lists rows from commits whose training code is not the checkout's (flagged, not failing).
 */
public record RegressionReport(String profile, String baseline, String candidate, String filter, Mode mode, String modeReason,
                               String method, int baselineRows, int candidateRows, Map<Verdict, Integer> counts,
                               List<UnitComparison> units, List<SpeedChange> speed, List<SpeedChange> benchmarks,
                               int regressions, int moved, boolean passed, String conclusion, String comparedAt,
                               List<CodeDrift> codeDrift) {

    /** Exit code of {@code aebench compare}: 0 passed, 1 a regression (or, in exact mode, a moved number). */
    public int exitCode() { return passed ? 0 : 1; }

    /** Units that are not identical (or, over seeds, not within noise): what a reader needs to see. */
    public List<UnitComparison> changedUnits() {
        return units.stream().filter(u -> u.verdict() != Verdict.IDENTICAL && u.verdict() != Verdict.WITHIN_NOISE).toList();
    }
}
