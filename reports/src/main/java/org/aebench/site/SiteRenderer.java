package org.aebench.site;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.aebench.compare.ReportTables;
import org.aebench.contract.Artifact;
import org.aebench.contract.Status;
import org.aebench.contract.TrivialBaseline;
import org.aebench.reference.ReferenceReport;
import org.aebench.reference.ReferenceTable;
import org.aebench.reference.ReferenceValue;
import org.aebench.results.MetricRules;
import org.aebench.contract.ResultColumn;
import org.aebench.contract.Row;

/**
 * Renders the static site from result rows and the reference table. Pages are FreeMarker
 * {@code .ftlh} templates, so every interpolated value is HTML-escaped; the pages load nothing
 * from the network and open from file://.
 */
public final class SiteRenderer {

    private final Configuration freemarker;

    public SiteRenderer() {
        freemarker = new Configuration(Configuration.VERSION_2_3_33);
        freemarker.setClassForTemplateLoading(SiteRenderer.class, "/aebench/site");
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setNumberFormat("computer");
        freemarker.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_33).build());
    }

    /** Pages of every site, besides one per reference report ({@code r000.html}, ...). */
    static final List<String> PAGES = List.of("index", "claims", "performance");
    /** The regression gate's page, written only when the results carry a comparison with a baseline. */
    static final String CHANGES_PAGE = "changes";
    /** The claims page's count of claims that the report's own printed numbers contradict. */
    static final String FAIL_ON_REPORT = "fail on the report's own numbers";

    /** Writes the site into {@code outDir}; returns the index page. */
    public Path render(List<Row<ResultColumn>> results, ReferenceTable references, String profile, Path outDir)
            throws IOException {
        return render(SiteInput.of(profile, results), references, outDir);
    }

    /** Writes {@code index.html}, one page per reference report, {@code claims.html} and {@code performance.html}. */
    public Path render(SiteInput in, ReferenceTable references, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Map<String, List<Picture>> pictures = copyImages(in.results(), in.artifacts(), outDir);
        Map<String, Object> model = model(in, references, pictures, outDir);
        @SuppressWarnings("unchecked") List<ReportPage> reports = (List<ReportPage>) model.get("reports");
        model.put("downloads", SiteData.write(in, reports, outDir));
        Pages.Performance performance = Pages.performance(in);
        model.put("bench", performance.bench());
        model.put("families", performance.families());
        model.put("estimates", performance.estimates());
        model.put("runs", Pages.runs(in.runs()));
        if (in.comparison() != null) {
            model.put("comparison", in.comparison());
            model.put("changeHeader", ReportTables.CHANGE_HEADER);
            model.put("changeRows", ReportTables.changes(in.comparison()));
            model.put("speedHeader", ReportTables.SPEED_HEADER);
            model.put("speedRows", ReportTables.speed(in.comparison().speed()));
            model.put("speedSummary", ReportTables.speedSummary(in.comparison().speed()));
            write(CHANGES_PAGE + ".ftlh", model, outDir.resolve(CHANGES_PAGE + ".html"));
        } else {
            Files.deleteIfExists(outDir.resolve(CHANGES_PAGE + ".html"));
        }
        for (String page : PAGES) write(page + ".ftlh", model, outDir.resolve(page + ".html"));
        for (ReportPage r : reports) {
            Map<String, Object> pageModel = new LinkedHashMap<>(model);
            pageModel.put("r", r);
            write("report.ftlh", pageModel, outDir.resolve(r.report().id() + ".html"));
        }
        return outDir.resolve("index.html");
    }

    /**
     * One report's page, built in one pass: its claims and reference comparisons, its cells by
     * status, and its experiments grouped as the report runs them ({@link Pages#sections}).
     */
    public record ReportPage(ReferenceReport report, List<ClaimCheck> claims, List<org.aebench.reference.OpenChoice> choices, int cellsRun, int cellsOk, int cellsCollapsed, int cellsFailed,
                             ReproductionVerdict verdict, List<Comparison> comparisons, List<ExperimentSummary> experiments,
                             List<ExperimentSummary> baselines, List<Pages.Group> groups, List<Pages.MatrixRow> matrix, Pages.RefCounts refCounts) {}

    Map<String, Object> model(SiteInput in, ReferenceTable references, Map<String, List<Picture>> pictures, Path outDir) throws IOException {
        List<Row<ResultColumn>> results = in.results();
        String profile = in.profile();
        Pages.CellIndex index = Pages.CellIndex.of(in);
        Map<String, List<Row<ResultColumn>>> byExperiment = new LinkedHashMap<>();
        for (Row<ResultColumn> r : results) {
            byExperiment.computeIfAbsent(r.get(ResultColumn.EXPERIMENT_ID), k -> new ArrayList<>()).add(r);
        }
        Map<String, ExperimentSummary> experiments = new LinkedHashMap<>();
        byExperiment.forEach((id, rows) -> experiments.put(id, ExperimentSummary.of(rows, index.curves())));

        Map<String, List<Row<org.aebench.contract.CrosscheckColumn>>> theirs = new LinkedHashMap<>();
        for (var r : in.crosscheck()) theirs.computeIfAbsent(r.get(org.aebench.contract.CrosscheckColumn.EXPERIMENT_ID), k -> new ArrayList<>()).add(r);
        Map<String, CrosscheckSummary> crosscheck = new LinkedHashMap<>();
        theirs.forEach((id, rows) -> crosscheck.put(id, CrosscheckSummary.of(rows, experiments.get(id))));
        List<ReportPage> reports = new ArrayList<>();
        Format fmt = new Format();
        Map<String, Integer> claimCounts = new LinkedHashMap<>();
        for (ClaimVerdict v : ClaimVerdict.values()) claimCounts.put(v.key(), 0);
        claimCounts.put(FAIL_ON_REPORT, 0);
        Map<String, Integer> comparisonCounts = new LinkedHashMap<>();
        for (ReferenceReport report : references.reports()) {
            List<ExperimentSummary> ours = experiments.values().stream()
                    .filter(e -> e.report().equals(report.id())).toList();
            List<Comparison> comparisons = new ArrayList<>();
            for (ReferenceValue ref : references.valuesOf(report.id())) {
                comparisons.add(compare(ref, experiments.get(ref.experimentId()), experiments, references.explanationOf(ref),
                        references.collapseCauseOf(ref.experimentId()), crosscheck.get(ref.experimentId())));
            }
            TreeSet<String> datasets = new TreeSet<>();
            ours.forEach(e -> datasets.add(e.dataset()));
            List<ExperimentSummary> baselines = experiments.values().stream()
                    .filter(e -> isBaseline(e) && datasets.contains(e.dataset())).toList();
            Set<String> collapsedInReport = comparisons.stream().filter(Comparison::reportCollapsed)
                    .map(c -> c.reference().experimentId()).collect(java.util.stream.Collectors.toSet());
            List<ClaimCheck> claims = references.claimsOf(report.id()).stream()
                    .map(c -> ClaimCheck.of(c, experiments, references.valuesOf(report.id()), collapsedInReport, fmt)).toList();
            claims.forEach(c -> claimCounts.merge(c.verdict().key(), 1, Integer::sum));
            claims.stream().filter(ClaimCheck::failsOnReport).forEach(c -> claimCounts.merge(FAIL_ON_REPORT, 1, Integer::sum));
            comparisons.forEach(c -> comparisonCounts.merge(c.verdict(), 1, Integer::sum));
            Pages.Sections sections = Pages.sections(report.id() + ".html", ours, comparisons, pictures, index, outDir);
            reports.add(new ReportPage(report, claims, references.choicesOf(report.id()), ours.stream().mapToInt(ExperimentSummary::cells).sum(),
                    ours.stream().mapToInt(ExperimentSummary::ok).sum(), ours.stream().mapToInt(ExperimentSummary::collapsed).sum(),
                    ours.stream().mapToInt(ExperimentSummary::failed).sum(), ReproductionVerdict.of(comparisons, claims), comparisons, ours,
                    baselines, sections.groups(),
                    sections.matrix(), Pages.RefCounts.of(comparisons)));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("crosscheck", crosscheck);
        model.put("collapseCauses", references.collapseCauses());
        model.put("profile", profile);
        model.put("generatedAt", Instant.now().toString());
        model.put("reports", reports);
        model.put("provenance", provenance(results));
        model.put("origin", in.origin() == null ? Origin.unknown() : in.origin());
        model.put("metricRules", MetricRules.RULES.values().stream().map(r -> Map.of("metric", r.metric(),
                "tolerance", r.toleranceText(), "direction", r.directionText(), "why", r.why())).toList());
        model.put("baselineTolerancePercent", MetricRules.BASELINE_TOLERANCE * 100);
        model.put("cellCount", results.size());
        model.put("fmt", fmt);
        model.put("claimCounts", claimCounts);
        model.put("comparisonCounts", comparisonCounts);
        return model;
    }

    /** A picture (or the codes file) of a cell, relative to the site root. */
    public record Picture(String path, Artifact artifact, String cellId, int width, int height) {
        /** Pictures are stored at one pixel per model pixel and shown twice that size. */
        static final int SHOWN_SCALE = 2;

        public String file() { return artifact.file(); }

        public int shownWidth() { return width * SHOWN_SCALE; }

        public int shownHeight() { return height * SHOWN_SCALE; }

        public String caption() { return artifact.caption(); }
    }

    /**
     * Copies each cell's pictures into the site (so it stays self-contained) and returns, per
     * experiment, the pictures of its first seed that has any.
     */
    static Map<String, List<Picture>> copyImages(List<Row<ResultColumn>> results, Path artifacts, Path outDir) throws IOException {
        Map<String, List<Picture>> images = new LinkedHashMap<>();
        if (artifacts == null || !Files.isDirectory(artifacts)) return images;
        for (Row<ResultColumn> r : results) {
            String folder = Artifact.folder(r.get(ResultColumn.CELL_ID));
            Path src = artifacts.resolve(folder);
            if (!Files.isDirectory(src)) continue;
            Path dst = outDir.resolve("artifacts").resolve(folder);
            Files.createDirectories(dst);
            List<Picture> found = new ArrayList<>();
            try (var files = Files.list(src)) {
                for (Path f : files.sorted().toList()) {
                    Files.copy(f, dst.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (Artifact a : Artifact.values()) {
                if (Files.exists(dst.resolve(a.file()))) {
                    int[] size = a.file().endsWith(".png") ? pngSize(dst.resolve(a.file())) : new int[] {0, 0};
                    found.add(new Picture("artifacts/" + folder + "/" + a.file(), a, r.get(ResultColumn.CELL_ID), size[0], size[1]));
                }
            }
            if (!found.isEmpty()) images.putIfAbsent(r.get(ResultColumn.EXPERIMENT_ID), found);
        }
        return images;
    }

    /** A PNG's width and height from its header, without decoding it. */
    static int[] pngSize(Path png) throws IOException {
        try (var in = javax.imageio.ImageIO.createImageInputStream(png.toFile())) {
            var readers = in == null ? java.util.Collections.<javax.imageio.ImageReader>emptyIterator() : javax.imageio.ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new IOException(png + " is not a picture the site can show");
            var reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        }
    }

    private static boolean isBaseline(ExperimentSummary e) {
        return TrivialBaseline.isBaseline(e.family());
    }

    private static Stats baseline(Map<String, ExperimentSummary> experiments, String family, String dataset, String metric) {
        return experiments.values().stream()
                .filter(e -> e.family().equals(family) && e.dataset().equals(dataset))
                .map(e -> e.metric(metric)).filter(s -> s != null).findFirst().orElse(null);
    }

    static Comparison compare(ReferenceValue ref, ExperimentSummary ours, Map<String, ExperimentSummary> experiments,
                              org.aebench.reference.Explanation explanation, org.aebench.reference.CollapseCause collapseCause,
                              CrosscheckSummary pytorch) {
        String dataset = datasetOf(ref.experimentId());
        Stats zero = baseline(experiments, TrivialBaseline.ZERO.family(), dataset, ref.metric());
        Stats mean = baseline(experiments, TrivialBaseline.MEAN.family(), dataset, ref.metric());
        double refScaled = ref.comparable() ? ref.onOurScale() : Double.NaN;
        String refIsBaseline = null;
        if (!Double.isNaN(refScaled)) {
            if (zero != null && MetricRules.near(refScaled, zero.mean())) refIsBaseline = "all-zero output";
            else if (mean != null && MetricRules.near(refScaled, mean.mean())) refIsBaseline = "mean training image";
        }
        Stats value = ours == null ? null : ours.metric(ref.metric());
        double diff = Double.NaN;
        String verdict;
        if (!ref.comparable()) verdict = "not comparable";
        else if (ours == null) verdict = "not run";
        else if (value == null) verdict = ours.failed() == ours.cells() ? Status.FAILED.key() : "not measured";
        else {
            diff = 100 * (value.mean() - refScaled) / Math.abs(refScaled);
            verdict = MetricRules.verdict(ref.metric(), value.mean(), refScaled);
        }
        return new Comparison(ref, ours, value, refScaled, diff, verdict, refIsBaseline, zero, mean, explanation, collapseCause, pytorch);
    }

    /** The dataset is the last path element of an experiment id. */
    static String datasetOf(String experimentId) {
        return experimentId.substring(experimentId.lastIndexOf('/') + 1);
    }

    private static Map<String, String> provenance(List<Row<ResultColumn>> results) {
        List<ResultColumn> shown = List.of(ResultColumn.GIT_COMMIT, ResultColumn.GIT_DIRTY, ResultColumn.AEBENCH_VERSION,
                ResultColumn.BACKEND, ResultColumn.ND4J_BACKEND, ResultColumn.NATIVE_CLASSIFIER, ResultColumn.BLAS,
                ResultColumn.THREADS, ResultColumn.CPU, ResultColumn.JVM, ResultColumn.OS, ResultColumn.PROFILE,
                ResultColumn.DATASET_SHA256);
        Map<String, String> out = new LinkedHashMap<>();
        for (ResultColumn c : shown) {
            TreeSet<String> values = new TreeSet<>();
            results.forEach(r -> values.add(r.get(c)));
            out.put(c.header(), String.join(" | ", values));
        }
        TreeMap<String, String> times = new TreeMap<>();
        results.forEach(r -> times.put(r.get(ResultColumn.FINISHED_AT), ""));
        out.put("last finished", times.isEmpty() ? "" : times.lastKey());
        return out;
    }

    private void write(String template, Map<String, Object> model, Path out) throws IOException {
        Template t = freemarker.getTemplate(template);
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            t.process(model, w);
        } catch (TemplateException e) {
            throw new IOException("rendering " + template + " failed: " + e.getMessage(), e);
        }
    }
}
