package org.aebench.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aebench.contract.Status;
import org.aebench.contract.Sweep;
import org.aebench.contract.Artifact;
import org.aebench.contract.BenchColumn;
import org.aebench.contract.CodesFile;
import org.aebench.contract.CurveColumn;
import org.aebench.contract.EstimateColumn;
import org.aebench.contract.ResultColumn;
import org.aebench.contract.Row;
import org.aebench.contract.RunColumn;
import org.aebench.contract.RunnerBenchColumn;
import org.aebench.contract.WorkerKind;
import org.aebench.site.SiteRenderer.Picture;

/**
 * The parts of the model that only the detail pages need: per report, its experiments grouped as
 * the report's sections run them, with sweep plots, loss curves, pictures and code scatter plots;
 * the matrix view of the index; the performance tables.
 */
public final class Pages {
    /** Metrics plotted against a sweep when the group has them. */
    static final List<String> SWEEP_METRICS = List.of("test_mse", "avg_activation", "active_fraction", "test_snr_db",
            "non_digit_mse", "classifier_accuracy_reconstructed");

    private Pages() {}

    /** One experiment of a report (all its sweep values and datasets), in matrix-file order. */
    public record Group(String name, String section, String anchor, List<ExperimentSummary> experiments, List<Comparison> comparisons,
                 List<String> plots, String curves, Map<String, List<Picture>> pictures, Map<String, String> scatter) {}

    /** One square of the index's matrix view. */
    public record MatrixCell(String experimentId, String label, String verdict, String href) {}

    /** One row of the index's matrix view: an experiment and its cells. */
    public record MatrixRow(String name, String family, List<MatrixCell> cells) {}

    /** A report's reference values by verdict: within tolerance, outside it, not comparable or not run. */
    public record RefCounts(long within, long outside, long open) {
        static RefCounts of(List<Comparison> comparisons) {
            long within = comparisons.stream().filter(c -> c.verdict().equals("within")).count();
            long out = comparisons.stream().filter(Comparison::outside).count();
            return new RefCounts(within, out, comparisons.size() - within - out);
        }
    }

    /** A report page's sections: its experiments grouped as the report runs them, and its row of the matrix view. */
    public record Sections(List<Group> groups, List<MatrixRow> matrix) {}

    /** The cells of each experiment, and each cell's curve rows: what the sections of every report read. */
    record CellIndex(Map<String, List<String>> cellsOf, Map<String, List<Row<CurveColumn>>> curves) {
        static CellIndex of(SiteInput in) {
            Map<String, List<Row<CurveColumn>>> curves = new LinkedHashMap<>();
            for (Row<CurveColumn> c : in.curves()) curves.computeIfAbsent(c.get(CurveColumn.CELL_ID), k -> new ArrayList<>()).add(c);
            Map<String, List<String>> cellsOf = new LinkedHashMap<>();
            for (Row<ResultColumn> r : in.results()) {
                cellsOf.computeIfAbsent(r.get(ResultColumn.EXPERIMENT_ID), k -> new ArrayList<>()).add(r.get(ResultColumn.CELL_ID));
            }
            return new CellIndex(cellsOf, curves);
        }
    }

    static Sections sections(String page, List<ExperimentSummary> experiments, List<Comparison> comparisons,
                             Map<String, List<Picture>> pictures, CellIndex index, Path outDir) throws IOException {
        // the report's own section order ("2.1" < "3" < "10"; "I.B" < "II"), sweep values in numeric order
        List<ExperimentSummary> ordered = new ArrayList<>(experiments);
        ordered.sort(java.util.Comparator.comparing(ExperimentSummary::section, Pages::natural)
                .thenComparing(ExperimentSummary::experiment)
                .thenComparing(ExperimentSummary::sweep, Pages::natural));
        Map<String, List<ExperimentSummary>> byName = new LinkedHashMap<>();
        for (ExperimentSummary e : ordered) byName.computeIfAbsent(e.experiment(), k -> new ArrayList<>()).add(e);
        List<Group> groups = new ArrayList<>();
        List<MatrixRow> matrix = new ArrayList<>();
        for (Map.Entry<String, List<ExperimentSummary>> g : byName.entrySet()) {
            List<ExperimentSummary> members = g.getValue();
            List<Comparison> mine = comparisons.stream().filter(c -> c.experiment() != null && members.contains(c.experiment())).toList();
            Map<String, List<Picture>> pics = new LinkedHashMap<>();
            Map<String, String> scatter = new LinkedHashMap<>();
            for (ExperimentSummary e : members) {
                List<Picture> p = pictures.get(e.experimentId());
                if (p == null) continue;
                pics.put(e.experimentId(), p.stream().filter(x -> x.artifact() != Artifact.CODES).toList());
                for (Picture x : p) {
                    if (x.artifact() == Artifact.CODES) {
                        String svg = scatter(outDir.resolve(x.path()), e.experimentId());
                        if (svg != null) scatter.put(e.experimentId(), svg);
                    }
                }
            }
            // ids from data: anything outside [A-Za-z0-9_-] becomes "_", so links and ids always agree
            String anchor = "exp-" + g.getKey().replaceAll("[^A-Za-z0-9_-]", "_");
            groups.add(new Group(g.getKey(), members.get(0).section(), anchor, members, mine, sweepPlots(g.getKey(), members, mine),
                    curvePlot(g.getKey(), members, index.cellsOf(), index.curves()), pics, scatter));
            List<MatrixCell> cells = new ArrayList<>();
            for (ExperimentSummary e : members) {
                String verdict = e.status().replace(' ', '-');
                for (Comparison c : mine) {
                    // a collapsed or failed cell shows as such, whatever its number
                    if (c.experiment() == e && c.reference().metric().equals(ResultColumn.TEST_MSE.header()) && e.allOk()) {
                        verdict = c.verdict().replace(' ', '-');
                    }
                }
                String label = e.sweep().isEmpty() ? e.dataset() : Sweep.parse(e.sweep()).label();
                cells.add(new MatrixCell(e.experimentId(), label, verdict, page + "#" + anchor));
            }
            matrix.add(new MatrixRow(g.getKey(), members.get(0).family(), cells));
        }
        return new Sections(groups, matrix);
    }

    /** The performance page's tables: JMH beside PyTorch, this run's throughput per family, the latest full estimates. */
    public record Performance(List<Map<String, String>> bench, List<Map<String, Object>> families, List<Map<String, String>> estimates) {}

    static Performance performance(SiteInput in) {
        // the latest estimate of each full profile (full, full-seeds), in the order they were first estimated
        Map<String, Map<String, String>> latest = new LinkedHashMap<>();
        for (Row<EstimateColumn> e : in.estimates()) {
            if (e.get(EstimateColumn.PROFILE).startsWith("full")) latest.put(e.get(EstimateColumn.PROFILE), estimate(e));
        }
        return new Performance(in.bench().stream().map(b -> benchRow(b, in.pytorch(), in.runner())).toList(), families(in.results(), in.bench()),
                List.copyOf(latest.values()));
    }

    private static Map<String, String> estimate(Row<EstimateColumn> e) {
        Map<String, String> m = new LinkedHashMap<>();
        for (EstimateColumn c : EstimateColumn.values()) m.put(c.header(), e.get(c));
        m.put("wall", duration(e.number(EstimateColumn.ESTIMATED_SECONDS)));
        m.put("serial", duration(e.number(EstimateColumn.CELL_SECONDS)));
        return m;
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) return "–";
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60) : String.format("%dm%02ds", s / 60, s % 60);
    }

    /**
     * A JMH row, with PyTorch's figure for the same model, phase and thread count as {@code pytorch_*}
     * (empty where PyTorch was not measured) and the ratio of the two; for a training step, the
     * runner benchmark's figures for the model as {@code runner_*} (empty where it was not run).
     */
    private static Map<String, String> benchRow(Row<BenchColumn> r, List<Row<BenchColumn>> pytorch, List<Row<RunnerBenchColumn>> runner) {
        Map<String, String> m = new LinkedHashMap<>();
        for (BenchColumn c : BenchColumn.values()) m.put(c.header(), r.get(c));
        Row<BenchColumn> p = pytorch.stream().filter(q -> q.get(BenchColumn.MODEL).equals(r.get(BenchColumn.MODEL))
                && q.get(BenchColumn.PHASE).equals(r.get(BenchColumn.PHASE)) && q.get(BenchColumn.THREADS).equals(r.get(BenchColumn.THREADS)))
                .reduce((a, b) -> b).orElse(null);
        m.put("pytorch", p == null ? "" : p.get(BenchColumn.SAMPLES_PER_SECOND));
        m.put("pytorch_error", p == null ? "" : p.get(BenchColumn.ERROR));
        m.put("pytorch_build", p == null ? "" : p.get(BenchColumn.NATIVE_BUILD));
        m.put("pytorch_measured_at", p == null ? "" : p.get(BenchColumn.MEASURED_AT));
        m.put("ratio", p == null ? "" : String.format(java.util.Locale.ROOT, "%.2f",
                r.number(BenchColumn.SAMPLES_PER_SECOND) / p.number(BenchColumn.SAMPLES_PER_SECOND)));
        Row<RunnerBenchColumn> alone = runnerRow(runner, r, true, WorkerKind.THREADS), together = runnerRow(runner, r, false, WorkerKind.THREADS);
        Row<RunnerBenchColumn> processes = runnerRow(runner, r, false, WorkerKind.PROCESSES);
        m.put("runner_processes", processes == null ? "" : processes.get(RunnerBenchColumn.SAMPLES_PER_SECOND));
        m.put("runner_processes_efficiency", processes == null ? ""
                : String.format(java.util.Locale.ROOT, "%.0f%%", 100 * processes.number(RunnerBenchColumn.EFFICIENCY)));
        m.put("runner_alone", alone == null ? "" : alone.get(RunnerBenchColumn.SAMPLES_PER_SECOND));
        m.put("runner_together", together == null ? "" : together.get(RunnerBenchColumn.SAMPLES_PER_SECOND));
        m.put("runner_workers", together == null ? "" : together.get(RunnerBenchColumn.WORKERS));
        m.put("runner_efficiency", together == null ? "" : String.format(java.util.Locale.ROOT, "%.0f%%", 100 * together.number(RunnerBenchColumn.EFFICIENCY)));
        m.put("runner_overhead", alone == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", alone.number(RunnerBenchColumn.FIRST_STEPS_OVERHEAD_SECONDS)));
        m.put("runner_measured_at", alone == null ? "" : alone.get(RunnerBenchColumn.MEASURED_AT) + ", " + alone.get(RunnerBenchColumn.GIT_COMMIT));
        m.put("runner_ratio", alone == null || p == null ? "" : String.format(java.util.Locale.ROOT, "%.2f / %.2f",
                alone.number(RunnerBenchColumn.SAMPLES_PER_SECOND) / p.number(BenchColumn.SAMPLES_PER_SECOND),
                together.number(RunnerBenchColumn.SAMPLES_PER_SECOND) / p.number(BenchColumn.SAMPLES_PER_SECOND)));
        return m;
    }

    /**
     * The runner benchmark's latest row for a JMH training row's model: one worker alone, or several
     * at once as threads or as processes (rows without a kind were threads).
     */
    private static Row<RunnerBenchColumn> runnerRow(List<Row<RunnerBenchColumn>> runner, Row<BenchColumn> jmh, boolean alone, WorkerKind kind) {
        if (!"train".equals(jmh.get(BenchColumn.PHASE))) return null;
        return runner.stream().filter(q -> q.get(RunnerBenchColumn.MODEL).equals(jmh.get(BenchColumn.MODEL))
                && (q.number(RunnerBenchColumn.WORKERS) == 1) == alone
                && (alone || WorkerKind.parse(q.get(RunnerBenchColumn.WORKER_KIND)) == kind))
                .reduce((a, b) -> b).orElse(null);
    }

    /**
     * Training and inference throughput of this run's cells, per family and architecture, beside
     * JMH's training figure for the same experiments where {@code make bench} measured them.
     */
    private static List<Map<String, Object>> families(List<Row<ResultColumn>> results, List<Row<BenchColumn>> bench) {
        Map<String, List<Row<ResultColumn>>> by = new TreeMap<>();
        for (Row<ResultColumn> r : results) {
            if (Status.parse(r.get(ResultColumn.STATUS)) == Status.FAILED) continue;
            if (r.number(ResultColumn.EPOCHS) <= 0) continue;
            by.computeIfAbsent(r.get(ResultColumn.FAMILY) + " | " + r.get(ResultColumn.REPORT) + "/" + r.get(ResultColumn.EXPERIMENT),
                    k -> new ArrayList<>()).add(r);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        by.forEach((k, rows) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", k);
            m.put("cells", rows.size());
            // a cell scored on another cell's training carries that run's training figures: counted there, not twice
            List<Row<ResultColumn>> trained = rows.stream().filter(r -> !ExperimentSummary.trainedElsewhere(r)).toList();
            m.put("trained", trained.size());
            m.put("train", Stats.of(trained.stream().map(r -> r.number(ResultColumn.TRAIN_SAMPLES_PER_SECOND)).toList()));
            m.put("infer", Stats.of(rows.stream().map(r -> r.number(ResultColumn.INFER_SAMPLES_PER_SECOND)).toList()));
            m.put("epoch", Stats.of(trained.stream().map(r -> r.number(ResultColumn.SECONDS_PER_EPOCH)).toList()));
            java.util.Set<String> experiments = new java.util.HashSet<>();
            rows.forEach(r -> experiments.add(r.get(ResultColumn.EXPERIMENT_ID)));
            m.put("jmh", Stats.of(bench.stream().filter(b -> b.get(BenchColumn.PHASE).equals("train") && experiments.contains(b.get(BenchColumn.MODEL)))
                    .map(b -> b.number(BenchColumn.SAMPLES_PER_SECOND)).toList()));
            out.add(m);
        });
        return out;
    }

    /** Each run's predicted and measured wall time, oldest first, with their ratio. */
    static List<Map<String, String>> runs(List<Row<RunColumn>> runs) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Row<RunColumn> r : runs) {
            Map<String, String> m = new LinkedHashMap<>();
            for (RunColumn c : RunColumn.values()) m.put(c.header(), r.get(c));
            double predicted = r.number(RunColumn.PREDICTED_SECONDS), measured = r.number(RunColumn.MEASURED_SECONDS);
            m.put("predicted", duration(predicted));
            m.put("measured", duration(measured));
            m.put("ratio", predicted > 0 && measured > 0 ? String.format(java.util.Locale.ROOT, "%.2f", measured / predicted) : "–");
            m.put("commit", org.aebench.results.TrainingCode.shortCommit(r.get(RunColumn.GIT_COMMIT)));
            out.add(m);
        }
        return out;
    }

    /** Compares runs of digits as numbers (decimals included) and everything else as text. */
    static int natural(String a, String b) {
        java.util.regex.Matcher ma = CHUNK.matcher(a), mb = CHUNK.matcher(b);
        while (ma.find() && mb.find()) {
            String x = ma.group(), y = mb.group();
            boolean nx = Character.isDigit(x.charAt(0)), ny = Character.isDigit(y.charAt(0));
            int c = nx && ny ? Double.compare(Double.parseDouble(x), Double.parseDouble(y)) : x.compareTo(y);
            if (c != 0) return c;
        }
        return Integer.compare(a.length(), b.length());
    }

    private static final java.util.regex.Pattern CHUNK = java.util.regex.Pattern.compile("\\d+(?:\\.\\d+)?|\\D+");

    /** A summary's sweep values, as the contract spells the column. */
    static Map<String, String> sweep(String s) {
        return Sweep.parse(s).values();
    }

    private static boolean numeric(List<String> values) {
        for (String v : values) {
            try {
                Double.parseDouble(v);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Metric against the sweep value, ours (mean, min-max over seeds) and the reference's values
     * on our scale, one plot per metric the group has. The last sweep key is the x axis; any other
     * key (and the data set) splits series.
     */
    static List<String> sweepPlots(String name, List<ExperimentSummary> members, List<Comparison> comparisons) {
        List<String> plots = new ArrayList<>();
        if (members.size() < 2) return plots;
        Map<String, String> first = sweep(members.get(0).sweep());
        if (first.isEmpty()) return plots;
        String xKey = new ArrayList<>(first.keySet()).get(first.size() - 1);
        List<String> xs = new ArrayList<>();
        for (ExperimentSummary e : members) {
            String v = sweep(e.sweep()).get(xKey);
            if (v == null) return plots;
            if (!xs.contains(v)) xs.add(v);
        }
        boolean isNumeric = numeric(xs);
        boolean log = false;
        if (isNumeric) {
            double lo = xs.stream().mapToDouble(Double::parseDouble).min().orElse(1), hi = xs.stream().mapToDouble(Double::parseDouble).max().orElse(1);
            log = lo > 0 && hi / lo >= 100;
        }
        for (String metric : SWEEP_METRICS) {
            if (members.stream().noneMatch(e -> e.metric(metric) != null)) continue;
            SvgPlot plot = new SvgPlot(name + ": " + metric + " vs " + xKey, xKey, metric).logX(log);
            if (!isNumeric) plot.categories(xs);
            Map<String, List<SvgPlot.Point>> ours = new LinkedHashMap<>();
            Map<String, List<SvgPlot.Point>> refs = new LinkedHashMap<>();
            for (ExperimentSummary e : members) {
                Map<String, String> sw = sweep(e.sweep());
                String v = sw.get(xKey);
                double x = isNumeric ? Double.parseDouble(v) : xs.indexOf(v);
                StringBuilder series = new StringBuilder();
                sw.forEach((k, val) -> { if (!k.equals(xKey)) series.append(k).append('=').append(val).append(' '); });
                String label = series.toString().trim();
                Stats st = e.metric(metric);
                if (st != null) {
                    ours.computeIfAbsent("ours " + label, k -> new ArrayList<>())
                            .add(new SvgPlot.Point(x, st.mean(), st.hasSpread() ? st.min() : Double.NaN, st.hasSpread() ? st.max() : Double.NaN));
                }
                for (Comparison c : comparisons) {
                    if (c.experiment() == e && c.reference().metric().equals(metric) && Double.isFinite(c.referenceOnOurScale())) {
                        refs.computeIfAbsent("report " + label, k -> new ArrayList<>()).add(new SvgPlot.Point(x, c.referenceOnOurScale()));
                    }
                }
            }
            int i = 0;
            for (Map.Entry<String, List<SvgPlot.Point>> e : ours.entrySet()) {
                String colour = SvgPlot.PALETTE[i++ % SvgPlot.PALETTE.length];
                plot.add(new SvgPlot.Series(e.getKey().trim(), e.getValue(), true, false, colour));
                List<SvgPlot.Point> ref = refs.remove("report" + e.getKey().substring(4));
                if (ref != null) plot.add(new SvgPlot.Series("report" + e.getKey().substring(4), ref, false, true, colour));
            }
            refs.forEach((k, v) -> plot.add(new SvgPlot.Series(k, v, false, true, "#555")));
            if (!plot.isEmpty()) plots.add(plot.render());
        }
        return plots;
    }

    /** Test MSE after each epoch, mean over seeds, one line per experiment of the group. */
    static String curvePlot(String name, List<ExperimentSummary> members, Map<String, List<String>> cellsOf,
                            Map<String, List<Row<CurveColumn>>> curves) {
        SvgPlot plot = new SvgPlot(name + ": test MSE per epoch", "epoch", "test MSE");
        int shown = 0;
        for (ExperimentSummary e : members) {
            if (shown == SvgPlot.PALETTE.length) break;
            TreeMap<Integer, List<Double>> perEpoch = new TreeMap<>();
            for (String cell : cellsOf.getOrDefault(e.experimentId(), List.of())) {
                for (Row<CurveColumn> c : curves.getOrDefault(cell, List.of())) {
                    perEpoch.computeIfAbsent((int) c.number(CurveColumn.EPOCH), k -> new ArrayList<>()).add(c.number(CurveColumn.TEST_MSE));
                }
            }
            if (perEpoch.size() < 2) continue;
            List<SvgPlot.Point> pts = new ArrayList<>();
            perEpoch.forEach((epoch, v) -> {
                Stats s = Stats.of(v);
                if (s != null) pts.add(new SvgPlot.Point(epoch, s.mean(), s.hasSpread() ? s.min() : Double.NaN, s.hasSpread() ? s.max() : Double.NaN));
            });
            plot.add(new SvgPlot.Series(e.sweep().isEmpty() ? e.dataset() : e.sweep(), pts, true, false, null));
            shown++;
        }
        return plot.isEmpty() ? null : plot.render();
    }

    /** The t-SNE of a cell's codes, one colour per class. */
    static String scatter(Path codesJson, String experimentId) throws IOException {
        if (!Files.isRegularFile(codesJson)) return null;
        CodesFile codes = new ObjectMapper().readValue(codesJson.toFile(), CodesFile.class);
        int[] labels = codes.labels();
        double[][] tsne = codes.tsne();
        if (labels == null || tsne == null || labels.length != tsne.length) return null;
        Map<Integer, List<SvgPlot.Point>> byClass = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            byClass.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(new SvgPlot.Point(tsne[i][0], tsne[i][1]));
        }
        SvgPlot plot = new SvgPlot("t-SNE of " + labels.length + " test codes, " + experimentId, "t-SNE 1", "t-SNE 2");
        byClass.forEach((label, pts) -> plot.add(new SvgPlot.Series("digit " + label, pts, false, false, DIGIT_COLOURS[label % 10])));
        StringBuilder svg = new StringBuilder(plot.render());
        double[][] tsne3 = codes.tsne3();
        if (tsne3 != null && tsne3.length == labels.length) {
            // a static page cannot turn a 3-D cloud: its three axis-pair views, side by side
            int[][] views = {{0, 1}, {0, 2}, {1, 2}};
            for (int[] v : views) {
                Map<Integer, List<SvgPlot.Point>> view = new TreeMap<>();
                for (int i = 0; i < labels.length; i++) {
                    view.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(new SvgPlot.Point(tsne3[i][v[0]], tsne3[i][v[1]]));
                }
                SvgPlot p = new SvgPlot("3-D t-SNE, axes " + (v[0] + 1) + " and " + (v[1] + 1), "t-SNE " + (v[0] + 1), "t-SNE " + (v[1] + 1));
                view.forEach((label, pts) -> p.add(new SvgPlot.Series("digit " + label, pts, false, false, DIGIT_COLOURS[label % 10])));
                svg.append(p.render());
            }
        }
        return svg.toString();
    }

    private static final String[] DIGIT_COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
            "#bcbd22", "#17becf"};
}
