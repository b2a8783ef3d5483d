package org.aebench.compare;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.aebench.results.CellFilter;
import org.aebench.contract.CurveColumn;
import org.aebench.results.MetricRules;
import org.aebench.results.TrainingCode;
import org.aebench.contract.ResultColumn;
import org.aebench.contract.Row;
import org.aebench.contract.Status;

/**
 * Compares a candidate result set with a baseline. Exact mode matches cells by id and backend and
 * calls any difference a change; statistical mode matches experiments and judges each metric's
 * mean over seeds by the metric's tolerance and Welch's t-test. Speed is compared beside, never failing.
 */
public final class RegressionGate {
    /** Provenance two rows must share for their numbers to be bit-identical when the code is. */
    static final List<ResultColumn> EXACTNESS = List.of(ResultColumn.NATIVE_CLASSIFIER, ResultColumn.ND4J_BACKEND,
            ResultColumn.THREADS, ResultColumn.CPU_ISA, ResultColumn.DATASET_SHA256);

    /**
     * @param mode       null: chosen from provenance
     * @param alpha      significance level of the tests
     * @param speedFactor a throughput ratio beyond which (either way) speed counts as changed, as asv's {@code --factor}
     * @param trainingCode the checkout whose training code each side's commits are checked against; null: not checked
     */
    public record Options(Mode mode, double alpha, double speedFactor, CellFilter filter, Path baselineJmh, Path candidateJmh,
                          TrainingCode trainingCode) {
        public static Options defaults() {
            return new Options(null, 0.05, 1.10, new CellFilter(List.of()), null, null, null);
        }
    }

    private final Options options;

    public RegressionGate(Options options) {
        this.options = options;
    }

    public static String cellKey(Row<ResultColumn> r) {
        return r.get(ResultColumn.CELL_ID) + "\u0000" + r.get(ResultColumn.BACKEND);
    }

    static String experimentKey(Row<ResultColumn> r) {
        return r.get(ResultColumn.EXPERIMENT_ID) + "\u0000" + r.get(ResultColumn.BACKEND);
    }

    public RegressionReport compare(ResultFolder baseline, ResultFolder candidate) throws ComparisonInputException {
        if (!baseline.profile().equals(candidate.profile())) {
            throw new ComparisonInputException("different profiles: the baseline " + baseline.dir() + " ran '" + baseline.profile()
                    + "', the candidate " + candidate.dir() + " ran '" + candidate.profile() + "'; compare runs of one profile");
        }
        List<Row<ResultColumn>> base = chosen(baseline.results());
        List<Row<ResultColumn>> cand = chosen(candidate.results());
        if (base.isEmpty() && cand.isEmpty()) {
            throw new ComparisonInputException("no cell of either side matches the filter " + options.filter());
        }
        Map<String, Row<ResultColumn>> baseCells = index(base);
        Map<String, Row<ResultColumn>> candCells = index(cand);
        ModeChoice choice = ModeChoice.choose(baseCells, candCells, options.mode());

        Function<Row<ResultColumn>, String> unitKey = choice.mode() == Mode.EXACT ? RegressionGate::cellKey : RegressionGate::experimentKey;
        Map<String, List<Row<ResultColumn>>> baseUnits = group(base, unitKey);
        Map<String, List<Row<ResultColumn>>> candUnits = group(cand, unitKey);
        Set<String> keys = new TreeSet<>(baseUnits.keySet());
        keys.addAll(candUnits.keySet());

        Map<String, List<Row<CurveColumn>>> baseCurves = curvesByCell(baseline);
        Map<String, List<Row<CurveColumn>>> candCurves = curvesByCell(candidate);
        boolean curves = choice.mode() == Mode.EXACT && baseline.hasCurves() && candidate.hasCurves();

        List<UnitComparison> units = new ArrayList<>();
        List<SpeedChange> speed = new ArrayList<>();
        for (String key : keys) {
            List<Row<ResultColumn>> b = baseUnits.getOrDefault(key, List.of());
            List<Row<ResultColumn>> c = candUnits.getOrDefault(key, List.of());
            UnitComparison u = unit(key, b, c, choice.mode(), curves ? baseCurves : null, candCurves, baseline.missingColumns());
            units.add(u);
            if (!b.isEmpty() && !c.isEmpty()) {
                speed(u.id(), "train samples/s", b, c, ResultColumn.TRAIN_SAMPLES_PER_SECOND, true, speed);
                speed(u.id(), "test samples/s", b, c, ResultColumn.INFER_SAMPLES_PER_SECOND, false, speed);
            }
        }
        units.sort(Comparator.comparing(UnitComparison::verdict).thenComparing(UnitComparison::id));
        speed.sort(Comparator.comparingDouble(SpeedChange::ratio));
        List<SpeedChange> benchmarks = options.baselineJmh() != null && options.candidateJmh() != null
                ? benchmarks(JmhSamples.read(options.baselineJmh(), "baseline"), JmhSamples.read(options.candidateJmh(), "candidate"))
                : List.of();

        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) counts.put(v, 0);
        units.forEach(u -> counts.merge(u.verdict(), 1, Integer::sum));
        int regressions = (int) units.stream().filter(u -> u.verdict().isRegression()).count();
        int moved = (int) units.stream().filter(u -> u.verdict().isMove()).count();
        boolean passed = regressions == 0 && !(choice.mode() == Mode.EXACT && moved > 0);
        return new RegressionReport(baseline.profile(), baseline.dir().toString(), candidate.dir().toString(),
                options.filter().choosesAll() ? "" : options.filter().toString(), choice.mode(), choice.reason(),
                method(choice.mode()) + newMeasures(baseline.missingColumns()),
                base.size(), cand.size(), counts, units, speed, benchmarks, regressions, moved, passed,
                conclusion(choice.mode(), units.size(), regressions, moved, passed), Instant.now().toString(),
                codeDrift(base, cand));
    }

    /** Each side's commits whose training code is not the checkout's, with their row counts. */
    private List<CodeDrift> codeDrift(List<Row<ResultColumn>> base, List<Row<ResultColumn>> cand) {
        if (options.trainingCode() == null) return List.of();
        List<CodeDrift> out = new ArrayList<>();
        Map<String, TrainingCode.Difference> asked = new LinkedHashMap<>();
        for (var side : List.of(Map.entry("baseline", base), Map.entry("candidate", cand))) {
            Map<String, Integer> rowsPerCommit = new LinkedHashMap<>();
            side.getValue().forEach(r -> rowsPerCommit.merge(r.get(ResultColumn.GIT_COMMIT), 1, Integer::sum));
            rowsPerCommit.forEach((commit, rows) -> {
                TrainingCode.Difference d = asked.computeIfAbsent(commit, options.trainingCode()::againstWorkTree);
                if (d.sameness() != TrainingCode.Sameness.SAME) out.add(new CodeDrift(side.getKey(), commit, rows, d.sameness(), d.detail()));
            });
        }
        return out;
    }

    private List<Row<ResultColumn>> chosen(List<Row<ResultColumn>> rows) {
        return rows.stream().filter(r -> options.filter().matches(r.get(ResultColumn.CELL_ID))).toList();
    }

    private String method(Mode mode) {
        String a = String.format(Locale.ROOT, "%.2g", options.alpha());
        return mode == Mode.EXACT
                ? "Exact mode: both sides trained with the same native build, threads, CPU instruction set and data, where training is"
                        + " bit-identical, so every metric must be identical; any difference is reported with its size, and worse or better"
                        + " where it exceeds the metric's tolerance. A moved number fails the gate until the baseline is updated with the change."
                : "Statistical mode: per experiment, a metric's mean over seeds is worse when it is worse than the baseline's by more"
                        + " than the metric's tolerance and, with at least " + SeedStatistics.MIN_SEEDS + " seeds on both sides, Welch's"
                        + " t-test (two-sided) gives p < " + a + "; with fewer seeds the tolerance alone decides and the verdict says"
                        + " it has no spread behind it.";
    }

    /** The measures the baseline predates: shown, not compared. */
    private static String newMeasures(List<ResultColumn> missing) {
        if (missing.isEmpty()) return "";
        return " The baseline predates " + missing.stream().map(ResultColumn::header).collect(java.util.stream.Collectors.joining(", "))
                + ": new measures, not compared; every column both sides have is.";
    }

    private static String conclusion(Mode mode, int units, int regressions, int moved, boolean passed) {
        String what = mode == Mode.EXACT ? "cells" : "experiments";
        if (!passed && regressions > 0) return "FAIL: " + regressions + " of " + units + " " + what + " regressed";
        if (!passed) return "FAIL: " + moved + " of " + units + " " + what + " moved without a regression; exact mode requires"
                + " identical numbers, so a change that moves them updates the baseline in the same commit (make baseline)";
        return "PASS: no regression in " + units + " " + what;
    }

    private UnitComparison unit(String key, List<Row<ResultColumn>> b, List<Row<ResultColumn>> c, Mode mode,
                                Map<String, List<Row<CurveColumn>>> baseCurves, Map<String, List<Row<CurveColumn>>> candCurves, List<ResultColumn> notInBaseline) {
        Row<ResultColumn> any = b.isEmpty() ? c.get(0) : b.get(0);
        String id = mode == Mode.EXACT ? any.get(ResultColumn.CELL_ID) : any.get(ResultColumn.EXPERIMENT_ID);
        String backend = any.get(ResultColumn.BACKEND);
        if (b.isEmpty() || c.isEmpty()) {
            Verdict v = b.isEmpty() ? Verdict.NEW : Verdict.MISSING;
            return new UnitComparison(id, backend, v, statuses(b), statuses(c), b.size(), c.size(), List.of(), List.of());
        }
        Verdict verdict = Verdict.IDENTICAL;
        double rankB = b.stream().mapToInt(RegressionGate::rank).average().orElse(0);
        double rankC = c.stream().mapToInt(RegressionGate::rank).average().orElse(0);
        if (rankC > rankB) verdict = Verdict.STATUS_WORSE;
        else if (rankC < rankB) verdict = Verdict.STATUS_BETTER;

        List<SettingChange> settings = settings(b, c, mode);
        if (!settings.isEmpty() && mode == Mode.EXACT) verdict = Verdict.worst(verdict, Verdict.CHANGED);

        List<MetricChange> metrics = new ArrayList<>();
        for (ResultColumn m : ResultColumn.values()) {
            if (m.role() != ResultColumn.Role.METRIC || notInBaseline.contains(m)) continue;
            MetricChange mc = metric(m, values(b, m), values(c, m), mode);
            if (mc == null) continue;
            metrics.add(mc);
            verdict = Verdict.worst(verdict, mc.verdict());
        }
        if (baseCurves != null) {
            MetricChange mc = curves(baseCurves.getOrDefault(key, List.of()), candCurves.getOrDefault(key, List.of()));
            if (mc != null) {
                metrics.add(mc);
                verdict = Verdict.worst(verdict, mc.verdict());
            }
        }
        if (verdict == Verdict.IDENTICAL && mode == Mode.STATISTICAL
                && metrics.stream().anyMatch(m -> m.verdict() == Verdict.WITHIN_NOISE)) {
            verdict = Verdict.WITHIN_NOISE;
        }
        return new UnitComparison(id, backend, verdict, statuses(b), statuses(c), b.size(), c.size(), metrics, settings);
    }

    /** ok 0, collapsed 1, failed 2: a unit's status is worse when its mean rank over seeds is higher. */
    private static int rank(Row<ResultColumn> r) {
        return Status.parse(r.get(ResultColumn.STATUS)).ordinal();
    }

    private static String statuses(List<Row<ResultColumn>> rows) {
        Map<String, Integer> n = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            long k = rows.stream().filter(r -> r.get(ResultColumn.STATUS).equals(s.key())).count();
            if (k > 0) n.put(s.key(), (int) k);
        }
        if (rows.size() == 1) return rows.get(0).get(ResultColumn.STATUS);
        StringBuilder sb = new StringBuilder();
        n.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(v).append(' ').append(k));
        return sb.toString();
    }

    /** Settings that differ; the cell that trained a shared model only in exact mode (its id carries the seed). */
    private static List<SettingChange> settings(List<Row<ResultColumn>> b, List<Row<ResultColumn>> c, Mode mode) {
        List<SettingChange> out = new ArrayList<>();
        for (ResultColumn s : ResultColumn.values()) {
            if (s.role() != ResultColumn.Role.SETTING || (s == ResultColumn.TRAINED_IN && mode != Mode.EXACT)) continue;
            Set<String> vb = new LinkedHashSet<>();
            Set<String> vc = new LinkedHashSet<>();
            b.forEach(r -> vb.add(r.get(s)));
            c.forEach(r -> vc.add(r.get(s)));
            if (!vb.equals(vc)) out.add(new SettingChange(s.header(), String.join(" | ", vb), String.join(" | ", vc)));
        }
        return out;
    }

    /** A metric's values over the rows that produced numbers (failed cells have none). */
    private static double[] values(List<Row<ResultColumn>> rows, ResultColumn m) {
        return rows.stream().filter(r -> rank(r) != Status.FAILED.ordinal()).mapToDouble(r -> r.number(m))
                .filter(Double::isFinite).toArray();
    }

    private MetricChange metric(ResultColumn m, double[] b, double[] c, Mode mode) {
        if (b.length == 0 && c.length == 0) return null;
        if (b.length == 0 || c.length == 0) {
            return new MetricChange(m.header(), Verdict.CHANGED, b.length == 0 ? null : SeedStatistics.mean(b),
                    c.length == 0 ? null : SeedStatistics.mean(c), b.length, c.length, "",
                    null, "measured on one side only");
        }
        MetricRules.Rule rule = MetricRules.rule(m.header());
        double mb = SeedStatistics.mean(b);
        double mc = SeedStatistics.mean(c);
        String change = Numbers.change(rule, mc, mb);
        if (Arrays.equals(SeedStatistics.sorted(b), SeedStatistics.sorted(c))) {
            return new MetricChange(m.header(), Verdict.IDENTICAL, mb, mc, b.length, c.length, change, null, "identical");
        }
        boolean beyond = mb == 0 && !rule.absolute() ? mc != 0 : rule.beyondTolerance(mc, mb);
        String tolerance = "tolerance " + rule.toleranceText();
        if (mode == Mode.EXACT) {
            Verdict v = !beyond || rule.direction() == MetricRules.Direction.NEITHER ? Verdict.CHANGED
                    : rule.worse(mc, mb) ? Verdict.WORSE : Verdict.BETTER;
            return new MetricChange(m.header(), v, mb, mc, b.length, c.length, change, null,
                    "exact mode: bit-identical expected; " + (beyond ? "beyond " : "within ") + tolerance);
        }
        if (!beyond) {
            return new MetricChange(m.header(), Verdict.WITHIN_NOISE, mb, mc, b.length, c.length, change, null, "within " + tolerance);
        }
        Double p = null;
        String basis;
        if (b.length >= SeedStatistics.MIN_SEEDS && c.length >= SeedStatistics.MIN_SEEDS) {
            p = SeedStatistics.welch(b, c);
            basis = String.format(Locale.ROOT, "beyond %s; Welch t-test over %d and %d seeds: p = %.3g %s %.2g", tolerance,
                    b.length, c.length, p, p < options.alpha() ? "<" : ">=", options.alpha());
            if (p >= options.alpha()) {
                return new MetricChange(m.header(), Verdict.WITHIN_NOISE, mb, mc, b.length, c.length, change, p, basis);
            }
        } else {
            basis = "beyond " + tolerance + "; tolerance only: " + b.length + " and " + c.length
                    + " seeds, no spread behind this verdict";
        }
        Verdict v = rule.direction() == MetricRules.Direction.NEITHER ? Verdict.CHANGED
                : rule.worse(mc, mb) ? Verdict.WORSE : Verdict.BETTER;
        return new MetricChange(m.header(), v, mb, mc, b.length, c.length, change, p, basis);
    }

    /** The first epoch whose curve values differ, as one pseudo-metric; null when the curves are identical. */
    private static MetricChange curves(List<Row<CurveColumn>> b, List<Row<CurveColumn>> c) {
        if (b.isEmpty() && c.isEmpty()) return null;
        if (b.size() != c.size()) {
            return new MetricChange("curves", Verdict.CHANGED, null, null, b.size(), c.size(), "",
                    null, b.size() + " epochs -> " + c.size());
        }
        for (int i = 0; i < b.size(); i++) {
            for (CurveColumn col : List.of(CurveColumn.TRAIN_LOSS, CurveColumn.TEST_LOSS, CurveColumn.TEST_MSE)) {
                double vb = b.get(i).number(col);
                double vc = c.get(i).number(col);
                if (Double.compare(vb, vc) != 0) {
                    return new MetricChange("curves", Verdict.CHANGED, vb, vc, b.size(), c.size(), Numbers.relative(vc, vb),
                            null, "first difference at epoch " + b.get(i).get(CurveColumn.EPOCH) + ", " + col.header());
                }
            }
        }
        return null;
    }

    private static Map<String, List<Row<CurveColumn>>> curvesByCell(ResultFolder f) {
        Map<String, List<Row<CurveColumn>>> out = new LinkedHashMap<>();
        for (Row<CurveColumn> r : f.curves()) {
            out.computeIfAbsent(r.get(CurveColumn.CELL_ID) + "\u0000" + r.get(CurveColumn.BACKEND), k -> new ArrayList<>()).add(r);
        }
        out.values().forEach(l -> l.sort(Comparator.comparingInt(r -> (int) r.number(CurveColumn.EPOCH))));
        return out;
    }

    /**
     * Per-cell throughput. Training speed counts only for cells that trained their own model: a
     * cell scored on another cell's training carries that training's figures.
     */
    private void speed(String id, String measure, List<Row<ResultColumn>> b, List<Row<ResultColumn>> c, ResultColumn column,
                       boolean ownTrainingOnly, List<SpeedChange> out) {
        double[] vb = throughput(b, column, ownTrainingOnly);
        double[] vc = throughput(c, column, ownTrainingOnly);
        if (vb.length == 0 || vc.length == 0) return;
        boolean tested = vb.length >= SeedStatistics.MIN_SEEDS && vc.length >= SeedStatistics.MIN_SEEDS;
        out.add(pace(id, measure, vb, vc, tested ? SeedStatistics.welch(vb, vc) : null,
                tested ? "Welch t-test over seeds" : "factor only: one measurement a side"));
    }

    private static double[] throughput(List<Row<ResultColumn>> rows, ResultColumn column, boolean ownTrainingOnly) {
        return rows.stream().filter(r -> !ownTrainingOnly || r.get(ResultColumn.TRAINED_IN).equals(r.get(ResultColumn.CELL_ID)))
                .mapToDouble(r -> r.number(column)).filter(x -> Double.isFinite(x) && x > 0).toArray();
    }

    private List<SpeedChange> benchmarks(Map<String, double[]> base, Map<String, double[]> cand) {
        List<SpeedChange> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : base.entrySet()) {
            double[] c = cand.get(e.getKey());
            if (c == null) continue;
            double[] b = e.getValue();
            boolean tested = b.length >= SeedStatistics.MIN_ITERATIONS && c.length >= SeedStatistics.MIN_ITERATIONS;
            out.add(pace(e.getKey(), "JMH ops/s", b, c, tested ? SeedStatistics.mannWhitney(b, c) : null,
                    tested ? "Mann-Whitney U over JMH iterations" : "factor only: too few iterations for a test"));
        }
        out.sort(Comparator.comparingDouble(SpeedChange::ratio));
        return out;
    }

    /** Slower or faster when the mean ratio passes the factor and, where a test ran, p is below alpha. */
    private SpeedChange pace(String id, String measure, double[] b, double[] c, Double p, String test) {
        double ratio = SeedStatistics.mean(c) / SeedStatistics.mean(b);
        boolean significant = p == null || p < options.alpha();
        SpeedChange.Pace pace = !significant ? SpeedChange.Pace.SAME
                : ratio * options.speedFactor() < 1 ? SpeedChange.Pace.SLOWER
                : ratio > options.speedFactor() ? SpeedChange.Pace.FASTER : SpeedChange.Pace.SAME;
        String basis = String.format(Locale.ROOT, "factor %.2f; %s%s", options.speedFactor(), test,
                p == null ? "" : String.format(Locale.ROOT, ": p = %.3g", p));
        return new SpeedChange(id, measure, SeedStatistics.mean(b), SeedStatistics.mean(c), b.length, c.length, ratio, pace, p, basis);
    }

    private static Map<String, Row<ResultColumn>> index(List<Row<ResultColumn>> rows) {
        Map<String, Row<ResultColumn>> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(cellKey(r), r));
        return out;
    }

    private static Map<String, List<Row<ResultColumn>>> group(List<Row<ResultColumn>> rows, Function<Row<ResultColumn>, String> key) {
        Map<String, List<Row<ResultColumn>>> out = new LinkedHashMap<>();
        rows.forEach(r -> out.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        return out;
    }
}
