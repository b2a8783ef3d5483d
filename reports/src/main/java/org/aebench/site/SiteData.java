package org.aebench.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aebench.compare.ReportJson;
import org.aebench.contract.BenchColumn;
import org.aebench.contract.ClaimColumn;
import org.aebench.contract.Column;
import org.aebench.contract.CrosscheckColumn;
import org.aebench.contract.CurveColumn;
import org.aebench.contract.EstimateColumn;
import org.aebench.contract.ResultColumn;
import org.aebench.contract.Row;
import org.aebench.contract.RunColumn;
import org.aebench.contract.RunnerBenchColumn;
import org.aebench.contract.VerdictColumn;
import org.aebench.results.CsvTable;

/**
 * The files behind the site's pages, written into {@code data/} so that every page offers the
 * numbers it shows for download: the results and curves as the runner wrote them, and the
 * verdict and claim tables as the pages compute them.
 */
public final class SiteData {
    static final String DIR = "data";

    /** A file a page offers, relative to the site root. */
    public record Download(String file, String what) {
        public String href() { return DIR + "/" + file; }
    }

    private SiteData() {}

    /** Writes the files; returns, per page name ({@code index}, {@code r000}, ...), the downloads it offers. */
    static Map<String, List<Download>> write(SiteInput in, List<SiteRenderer.ReportPage> reports, Path outDir) throws IOException {
        Path dir = outDir.resolve(DIR);
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path p : old.toList()) Files.deleteIfExists(p);  // a file of an earlier rendering must not pass for this one's
        }
        Map<String, List<Download>> pages = new LinkedHashMap<>();
        Download results = table(dir, "results.csv", "every result row", ResultColumn.class, in.results());
        Download curves = table(dir, "curves.csv", "every epoch's losses", CurveColumn.class, in.curves());
        Download crosscheck = in.crosscheck().isEmpty() ? null
                : table(dir, "crosscheck.csv", "the same cells trained by PyTorch", CrosscheckColumn.class, in.crosscheck());
        List<Row<VerdictColumn>> allVerdicts = new ArrayList<>();
        List<Row<ClaimColumn>> allClaims = new ArrayList<>();
        for (SiteRenderer.ReportPage r : reports) {
            String id = r.report().id();
            List<Row<VerdictColumn>> verdicts = r.comparisons().stream().map(SiteData::verdictRow).toList();
            List<Row<ClaimColumn>> claims = r.claims().stream().map(SiteData::claimRow).toList();
            allVerdicts.addAll(verdicts);
            allClaims.addAll(claims);
            List<Row<ResultColumn>> rows = in.results().stream().filter(x -> x.get(ResultColumn.REPORT).equals(id)).toList();
            List<Download> page = new ArrayList<>();
            page.add(table(dir, id + "-verdicts.csv", "this report's numbers against ours", VerdictColumn.class, verdicts));
            page.add(table(dir, id + "-claims.csv", "this report's claims and their verdicts", ClaimColumn.class, claims));
            page.add(table(dir, id + "-results.csv", "this report's result rows", ResultColumn.class, rows));
            page.add(curves);
            if (crosscheck != null) page.add(crosscheck);
            pages.put(id, page);
        }
        Download verdicts = table(dir, "verdicts.csv", "every reference number against ours", VerdictColumn.class, allVerdicts);
        Download claims = table(dir, "claims.csv", "every claim and its verdict", ClaimColumn.class, allClaims);
        pages.put("index", List.of(verdicts, claims, results, curves));
        pages.put("claims", List.of(claims));
        List<Download> performance = new ArrayList<>(List.of(results));
        if (!in.bench().isEmpty()) performance.add(table(dir, "jmh.csv", "JMH summary", BenchColumn.class, in.bench()));
        if (!in.pytorch().isEmpty()) performance.add(table(dir, "pytorch.csv", "PyTorch's figures", BenchColumn.class, in.pytorch()));
        if (!in.runner().isEmpty()) performance.add(table(dir, "runner.csv", "the runner benchmark", RunnerBenchColumn.class, in.runner()));
        if (!in.runs().isEmpty()) performance.add(table(dir, "runs.csv", "each run's predicted and measured wall time", RunColumn.class, in.runs()));
        if (!in.estimates().isEmpty()) performance.add(table(dir, "estimate.csv", "wall-time estimates", EstimateColumn.class, in.estimates()));
        pages.put("performance", performance);
        if (in.comparison() != null) {
            ReportJson.write(in.comparison(), dir.resolve(ReportJson.FILE));
            pages.put(SiteRenderer.CHANGES_PAGE, List.of(new Download(ReportJson.FILE, "the regression gate's whole report")));
        }
        return pages;
    }

    private static <C extends Enum<C> & Column> Download table(Path dir, String file, String what, Class<C> columns, List<Row<C>> rows)
            throws IOException {
        new CsvTable<>(dir.resolve(file), columns).rewrite(rows);
        return new Download(file, what);
    }

    private static Row<VerdictColumn> verdictRow(Comparison c) {
        Stats s = c.ours();
        return new Row<>(VerdictColumn.class)
                .set(VerdictColumn.REPORT, c.reference().report())
                .set(VerdictColumn.SECTION, c.reference().section())
                .set(VerdictColumn.EXPERIMENT_ID, c.reference().experimentId())
                .set(VerdictColumn.METRIC, c.reference().metric())
                .set(VerdictColumn.PRINTED_VALUE, c.reference().printedValue())
                .set(VerdictColumn.REFERENCE_ON_OUR_SCALE, finite(c.referenceOnOurScale()))
                .set(VerdictColumn.OUR_MEAN, s == null ? null : finite(s.mean()))
                .set(VerdictColumn.OUR_CI95, s == null ? null : finite(s.ci95()))
                .set(VerdictColumn.SEEDS, s == null ? 0 : s.n())
                .set(VerdictColumn.DIFFERENCE_PERCENT, finite(c.diffPercent()))
                .set(VerdictColumn.VERDICT, c.verdict())
                .set(VerdictColumn.REASON, c.reasonText());
    }

    private static Row<ClaimColumn> claimRow(ClaimCheck c) {
        return new Row<>(ClaimColumn.class)
                .set(ClaimColumn.REPORT, c.claim().report())
                .set(ClaimColumn.SECTION, c.claim().section())
                .set(ClaimColumn.TEXT, c.claim().text())
                .set(ClaimColumn.VERDICT, c.verdict().key())
                .set(ClaimColumn.SEEDS_HELD, c.seedsHeld())
                .set(ClaimColumn.SEEDS, c.seeds())
                .set(ClaimColumn.EVIDENCE, c.evidence())
                .set(ClaimColumn.ON_REPORT, c.onReport() == null ? null : c.onReport().key())
                .set(ClaimColumn.REPORT_EVIDENCE, c.reportEvidence());
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
