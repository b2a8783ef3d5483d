package org.aebench.site;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.aebench.reference.Claim;
import org.aebench.reference.ReferenceValue;

/**
 * A claim evaluated seed by seed on our results, and on the report's own printed numbers where the
 * report prints every value it involves.
 *
 * @param seedsHeld      seeds in which the rule holds, of {@code seeds} evaluated
 * @param evidence       the numbers the verdict rests on (means over seeds)
 * @param onReport       the rule on the report's printed values (on our scale); null when the report does not print them all
 * @param reportEvidence those values
 */
public record ClaimCheck(Claim claim, ClaimVerdict verdict, int seedsHeld, int seeds, String evidence,
                         ClaimVerdict onReport, String reportEvidence) {

    /** "holds 3/3", "mixed 2/3", "holds (1 seed, no spread)", "not evaluated". */
    public String verdictText() {
        if (seeds == 0) return verdict.key();
        return seeds == 1 ? verdict.key() + " (1 seed, no spread)" : verdict.key() + " " + seedsHeld + "/" + seeds;
    }

    /** Fails on the report's own numbers: a report inconsistency or a claim read from pictures, labelled as such. */
    public boolean failsOnReport() { return onReport == ClaimVerdict.FAILS; }

    static ClaimCheck of(Claim c, Map<String, ExperimentSummary> experiments, List<ReferenceValue> printed, Format fmt) {
        return of(c, experiments, printed, Set.of(), fmt);
    }

    /**
     * @param collapsedInReport experiments whose network had collapsed in the report too: a seed in
     *                          which one of ours collapsed still compares like with like. In any other
     *                          seed with a collapsed network of ours the claim is not evaluated, since
     *                          a claim about trained networks says nothing of one that never trained.
     */
    static ClaimCheck of(Claim c, Map<String, ExperimentSummary> experiments, List<ReferenceValue> printed, Set<String> collapsedInReport,
                         Format fmt) {
        if (!c.checkable()) return new ClaimCheck(c, ClaimVerdict.NOT_CHECKABLE, 0, 0, c.note(), null, "");
        ClaimVerdict onReport = null;
        String reportEvidence = "";
        Optional<Map<String, Double>> report = printedValues(c, printed);
        if (report.isPresent()) {
            boolean holds = true;
            List<String> ev = new ArrayList<>();
            for (String[] p : c.rule().pairs(c.left(), c.right())) {
                double a = report.get().get(p[0]), b = second(c, p[1], report.get()::get);
                boolean ok = holds(c, a, b);
                holds &= ok;
                ev.add(fmt.num(a) + c.rule().symbol(ok) + fmt.num(b));
            }
            onReport = holds ? ClaimVerdict.HOLDS : ClaimVerdict.FAILS;
            reportEvidence = c.metric() + " printed: " + String.join("; ", ev);
        }
        List<String> missing = new ArrayList<>();
        for (String id : c.experiments()) {
            ExperimentSummary e = experiments.get(id);
            if (e == null || e.metric(c.metric()) == null) missing.add(id);
        }
        if (!missing.isEmpty()) {
            return new ClaimCheck(c, ClaimVerdict.NOT_EVALUATED, 0, 0, "no " + c.metric() + " yet for " + String.join(", ", missing),
                    onReport, reportEvidence);
        }
        Set<Integer> seeds = new java.util.TreeSet<>(seeds(c, experiments));
        if (seeds.isEmpty()) {
            return new ClaimCheck(c, ClaimVerdict.NOT_EVALUATED, 0, 0, "no seed ran every experiment of the claim", onReport, reportEvidence);
        }
        Set<Integer> leftOut = new java.util.TreeSet<>();
        Set<String> collapsedOnlyHere = new java.util.TreeSet<>();
        for (String id : c.experiments()) {
            if (collapsedInReport.contains(id)) continue;
            Set<Integer> collapsed = experiments.get(id).collapsedSeeds();
            // a single-valued experiment (seed 0 stands for all) collapsed in its one run
            for (int seed : seeds) {
                if (seed == 0 ? !collapsed.isEmpty() : collapsed.contains(seed)) {
                    leftOut.add(seed);
                    collapsedOnlyHere.add(id);
                }
            }
        }
        String collapseNote = collapsedOnlyHere.isEmpty() ? "" : "; seed(s) " + leftOut + " left out: " + String.join(", ", collapsedOnlyHere)
                + " collapsed there and the report's network did not";
        seeds.removeAll(leftOut);
        if (seeds.isEmpty()) {
            return new ClaimCheck(c, ClaimVerdict.NOT_EVALUATED, 0, 0, "every seed has a collapsed network the report's was not: "
                    + String.join(", ", collapsedOnlyHere), onReport, reportEvidence);
        }
        int held = 0;
        for (int seed : seeds) {
            boolean all = true;
            for (String[] p : c.rule().pairs(c.left(), c.right())) {
                all &= holds(c, value(experiments.get(p[0]), c.metric(), seed),
                        second(c, p[1], id -> value(experiments.get(id), c.metric(), seed)));
            }
            if (all) held++;
        }
        return new ClaimCheck(c, ClaimVerdict.ofCounts(held, seeds.size()), held, seeds.size(), evidence(c, experiments, fmt) + collapseNote,
                onReport, reportEvidence);
    }

    /**
     * The report's printed value of the claim's metric for every experiment it names, on our scale;
     * empty when one is missing. Values whose scale is unknown are used as printed when all of the
     * claim's are: an order or a comparison does not change under a common scale.
     */
    private static Optional<Map<String, Double>> printedValues(Claim c, List<ReferenceValue> printed) {
        Map<String, ReferenceValue> found = new java.util.HashMap<>();
        for (String id : c.experiments()) {
            Optional<ReferenceValue> v = printed.stream().filter(r -> r.experimentId().equals(id) && r.metric().equals(c.metric())).findFirst();
            if (v.isEmpty()) return Optional.empty();
            found.put(id, v.get());
        }
        boolean allComparable = found.values().stream().allMatch(ReferenceValue::comparable);
        boolean noneComparable = found.values().stream().noneMatch(ReferenceValue::comparable);
        if (!allComparable && !noneComparable) return Optional.empty();
        Map<String, Double> values = new java.util.HashMap<>();
        found.forEach((id, v) -> values.put(id, allComparable ? v.onOurScale() : v.printed()));
        return Optional.of(values);
    }

    /**
     * Seeds in which every experiment of the claim has a value. An experiment with one value (a
     * closed-form method, a baseline) stands beside every seed of the others.
     */
    private static Set<Integer> seeds(Claim c, Map<String, ExperimentSummary> experiments) {
        Set<Integer> seeds = null;
        for (String id : c.experiments()) {
            SortedMap<Integer, Double> v = experiments.get(id).seedValues(c.metric());
            if (v.size() <= 1) continue;
            if (seeds == null) seeds = new LinkedHashSet<>(v.keySet());
            else seeds.retainAll(v.keySet());
        }
        if (seeds != null) return seeds;
        // every experiment has a single value: one comparison, at whatever seed each ran
        return c.experiments().stream().allMatch(id -> experiments.get(id).seedValues(c.metric()).size() == 1) ? Set.of(0) : Set.of();
    }

    private static double value(ExperimentSummary e, String metric, int seed) {
        SortedMap<Integer, Double> v = e.seedValues(metric);
        return v.size() == 1 ? v.get(v.firstKey()) : v.get(seed);
    }

    private static String evidence(Claim c, Map<String, ExperimentSummary> experiments, Format fmt) {
        List<String> ev = new ArrayList<>();
        for (String[] p : c.rule().pairs(c.left(), c.right())) {
            double a = experiments.get(p[0]).metric(c.metric()).mean();
            double b = second(c, p[1], id -> experiments.get(id).metric(c.metric()).mean());
            String right = c.rule().isThreshold() ? fmt.num(b) : label(experiments.get(p[1]), c.metric(), fmt);
            ev.add(label(experiments.get(p[0]), c.metric(), fmt) + c.rule().symbol(holds(c, a, b)) + right);
        }
        return c.metric() + " (means): " + String.join("; ", ev);
    }

    private static String label(ExperimentSummary e, String metric, Format fmt) {
        String sweep = e.sweep().isEmpty() ? e.experiment() : e.experiment() + " " + e.sweep();
        return sweep + " = " + fmt.num(e.metric(metric).mean()) + (e.collapsed() > 0 ? " (collapsed " + e.collapsed() + "/" + e.cells() + ")" : "");
    }

    /** The claim's relation between two values; "similar" reads the metric's tolerance. */
    static boolean holds(Claim c, double a, double b) {
        if (c.rule() == org.aebench.reference.ClaimRule.SIMILAR) {
            return org.aebench.results.MetricRules.verdict(c.metric(), b, a).equals("within");
        }
        return c.rule().holds(a, b);
    }

    /** The pair's second value: the threshold itself for a threshold rule. */
    private static double second(Claim c, String idOrThreshold, java.util.function.ToDoubleFunction<String> value) {
        return c.rule().isThreshold() ? Double.parseDouble(idOrThreshold) : value.applyAsDouble(idOrThreshold);
    }
}
