package org.aebench.compare;

import java.util.Map;
import org.aebench.contract.ResultColumn;
import org.aebench.contract.Row;

/** Which mode a comparison runs in, and the sentence that says why. */
record ModeChoice(Mode mode, String reason) {

    /**
     * Exact when at least one cell ran on both sides and every such cell ran with the same
     * provenance in {@link RegressionGate#EXACTNESS}; statistical otherwise, naming the first
     * difference. A forced mode is taken as given, with a warning where provenance disagrees.
     */
    static ModeChoice choose(Map<String, Row<ResultColumn>> baseline, Map<String, Row<ResultColumn>> candidate, Mode forced) {
        String difference = difference(baseline, candidate);
        if (forced == Mode.STATISTICAL) return new ModeChoice(forced, "chosen with --mode statistical");
        if (forced == Mode.EXACT) {
            return new ModeChoice(forced, "chosen with --mode exact" + (difference == null ? ""
                    : "; warning: " + difference + ", so differences may not come from the code"));
        }
        if (difference != null) return new ModeChoice(Mode.STATISTICAL, difference);
        Row<ResultColumn> any = baseline.values().stream().filter(r -> candidate.containsKey(RegressionGate.cellKey(r))).findFirst()
                .orElseThrow();
        return new ModeChoice(Mode.EXACT, "every cell run on both sides used the same native build ("
                + any.get(ResultColumn.NATIVE_CLASSIFIER) + "), threads (" + any.get(ResultColumn.THREADS) + "), CPU instruction set ("
                + any.get(ResultColumn.CPU_ISA) + ") and data checksums, where training is bit-identical");
    }

    /** The first reason the two sides cannot be compared bit for bit, or null. */
    private static String difference(Map<String, Row<ResultColumn>> baseline, Map<String, Row<ResultColumn>> candidate) {
        boolean matched = false;
        for (Map.Entry<String, Row<ResultColumn>> e : baseline.entrySet()) {
            Row<ResultColumn> c = candidate.get(e.getKey());
            if (c == null) continue;
            matched = true;
            Row<ResultColumn> b = e.getValue();
            for (ResultColumn col : RegressionGate.EXACTNESS) {
                if (b.get(col).isEmpty() || c.get(col).isEmpty()) {
                    return (b.get(col).isEmpty() ? "the baseline" : "the candidate") + " does not record " + col.header()
                            + " (cell " + b.get(ResultColumn.CELL_ID) + ")";
                }
                if (!b.get(col).equals(c.get(col))) {
                    return col.header() + " differs (cell " + b.get(ResultColumn.CELL_ID) + ": baseline '" + b.get(col)
                            + "', candidate '" + c.get(col) + "')";
                }
            }
        }
        return matched ? null : "no cell ran on both sides with the same seed";
    }
}
