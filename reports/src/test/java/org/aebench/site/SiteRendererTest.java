package org.aebench.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aebench.reference.ReferenceReport;
import org.aebench.reference.ReferenceTable;
import org.aebench.reference.ReferenceValue;
import org.aebench.contract.ResultColumn;
import org.aebench.contract.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteRendererTest {
    @TempDir
    Path dir;

    static Row<ResultColumn> row(String experimentId, String family, String status, int seed, double mse) {
        String dataset = SiteRenderer.datasetOf(experimentId);
        return new Row<>(ResultColumn.class)
                .set(ResultColumn.CELL_ID, experimentId + "/seed=" + seed)
                .set(ResultColumn.EXPERIMENT_ID, experimentId)
                .set(ResultColumn.REPORT, experimentId.substring(0, experimentId.indexOf('/')))
                .set(ResultColumn.EXPERIMENT, experimentId.split("/")[1])
                .set(ResultColumn.FAMILY, family).set(ResultColumn.DATASET, dataset)
                .set(ResultColumn.STATUS, status).set(ResultColumn.SEED, seed).set(ResultColumn.BACKEND, "cpu")
                .set(ResultColumn.TEST_MSE, mse).set(ResultColumn.TEST_MAE, mse * 3);
    }

    /** The per-report pages, concatenated (comparisons and the reports' claims are there). */
    private static String render(Path dir, List<Row<ResultColumn>> rows, ReferenceTable refs) throws IOException {
        new SiteRenderer().render(rows, refs, "smoke", dir);
        StringBuilder all = new StringBuilder();
        for (var r : refs.reports()) all.append(Files.readString(dir.resolve(r.id() + ".html")));
        return all.toString();
    }

    @Test
    void everyReferenceValueGetsAComparisonRowWithOurValueAndVerdict() throws IOException {
        ReferenceTable refs = ReferenceTable.load();
        List<Row<ResultColumn>> rows = new ArrayList<>();
        rows.add(row("r000/pca/mnist", "pca", "ok", 1, 0.0180));
        rows.add(row("r000/deep-ae/mnist", "dense-ae", "ok", 1, 0.0100));
        rows.add(row("r000/deep-ae/mnist", "dense-ae", "ok", 2, 0.0120));
        rows.add(row("baselines/zero-image/mnist", "baseline-zero", "ok", 1, 0.1120));
        rows.add(row("baselines/mean-image/mnist", "baseline-mean", "ok", 1, 0.0670));
        String html = render(dir, rows, refs);

        Matcher m = Pattern.compile("<tr class=\"comparison\">").matcher(html);
        int count = 0;
        while (m.find()) count++;
        assertEquals(refs.values().size(), count);
        for (ReferenceValue v : refs.values()) {
            assertTrue(html.contains(v.printedValue()), v.printedValue());
            assertTrue(html.contains(v.experimentId()), v.experimentId());
        }
        // deep AE: mean 0.011 over two seeds vs 0.01177 -> within 10%, spread shown
        assertTrue(html.contains("0.011 ± 0.01271 (95 % CI, n=2)"), "mean with its 95 % interval over seeds (t with 1 degree of freedom)");
        assertTrue(html.contains("-6.5%"), "difference to the reference");
        assertTrue(html.contains("= all-zero output"), "r000's collapsed-looking numbers are labelled");
    }

    @Test
    void everyTranscribedClaimIsOnThePage() throws IOException {
        ReferenceTable refs = ReferenceTable.load();
        String html = render(dir, List.of(row("r000/pca/mnist", "pca", "ok", 1, 0.018)), refs);
        String claimsPage = Files.readString(dir.resolve("claims.html"));
        int onClaimsPage = 0;
        for (Matcher m = Pattern.compile("<tr class=\"claim[\" ]").matcher(claimsPage); m.find(); ) onClaimsPage++;
        assertEquals(refs.claims().size(), onClaimsPage, "the claims page lists every claim");
        int count = 0;
        for (Matcher m = Pattern.compile("<tr class=\"claim[\" ]").matcher(html); m.find(); ) count++;
        assertEquals(refs.claims().size(), count);
        assertTrue(refs.claims().size() >= 40);
        assertTrue(refs.claims().stream().filter(org.aebench.reference.Claim::checkable).count() >= 25);
        // every open choice of every report is on its page, so none is made silently
        int choices = 0;
        for (Matcher m = Pattern.compile("<tr class=\"choice\">").matcher(html); m.find(); ) choices++;
        int transcribed = 0;
        for (var report : refs.reports()) transcribed += refs.choicesOf(report.id()).size();
        assertTrue(transcribed >= 9, "choices.csv holds the reports' open settings");
        assertEquals(transcribed, choices);
    }

    @Test
    void aSharedTrainingIsNamedWhereTheExperimentIsListed() throws IOException {
        ReferenceTable refs = ReferenceTable.load();
        Row<ResultColumn> own = row("r001/hidden-size/h=256/mnist", "dense-ae", "ok", 1, 0.01);
        Row<ResultColumn> shared = row("r001/plain-on-noise/noise=0.3/mnist", "dense-ae", "ok", 1, 0.02)
                .set(ResultColumn.TRAINED_IN, "r000/hidden-size/h=256/mnist/seed=1");
        own.set(ResultColumn.TRAINED_IN, own.get(ResultColumn.CELL_ID));
        String html = render(dir, List.of(own, shared), refs);
        String note = "the same network, data and seed as <code>r000/hidden-size/h=256/mnist/seed=1</code>";
        assertEquals(1, html.split(java.util.regex.Pattern.quote(note), -1).length - 1, "named once: for the cell that shares, not the one that trained");
        String performance = Files.readString(dir.resolve("performance.html"));
        assertTrue(performance.contains("plain-on-noise</code></td><td class=\"num\">1 (0 trained)</td><td class=\"num\">–"),
                "the shared cell's training figures are not counted a second time");
    }

    @Test
    void aCollapsedExperimentShowsTheCauseFoundAndAnOkOneDoesNot() throws IOException {
        ReferenceTable refs = new ReferenceTable(List.of(new ReferenceReport("r000", "000.txt", "T", "MNIST", "runs")), List.of(),
                List.of(), List.of(), List.of(),
                List.of(new org.aebench.reference.CollapseCause("r000/dead/mnist", "its final ReLU dies at initialisation", "a survey of seeds"),
                        new org.aebench.reference.CollapseCause("r000/alive/mnist", "never shown: nothing collapsed", "none")));
        String html = render(dir, List.of(row("r000/dead/mnist", "conv-ae", "collapsed", 1, 0.11), row("r000/dead/mnist", "conv-ae", "ok", 2, 0.01),
                row("r000/alive/mnist", "conv-ae", "ok", 1, 0.01)), refs);
        assertTrue(html.contains("why it collapses: its final ReLU dies at initialisation"), "the cause beside the collapsed experiment");
        assertFalse(html.contains("never shown"), "an experiment whose cells are all ok has nothing to explain");
    }

    @Test
    void hostileNamesAndNotesAreEscaped() throws IOException {
        String evil = "<script>alert('x')</script>";
        ReferenceTable refs = new ReferenceTable(
                List.of(new ReferenceReport("r000", "000.txt", "T " + evil, "MNIST", "runs")),
                List.of(new ReferenceValue("r000", "000.txt", "1", "r000/pca/mnist", "test_mse", "0.018", "def", 1, "note " + evil)));
        List<Row<ResultColumn>> rows = List.of(row("r000/" + evil + "/mnist", "dense-ae", "failed", 1, Double.NaN)
                .set(ResultColumn.REASON, "boom " + evil));
        String html = render(dir, rows, refs);
        for (String page : List.of("index", "claims", "performance")) html += Files.readString(dir.resolve(page + ".html"));
        assertFalse(html.contains("<script>"), "raw markup from data must not reach the page");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    }

    @Test
    void missingMeasurementsAreShownAsSuchNotAsNumbers() {
        ReferenceValue ref = new ReferenceValue("r009", "f", "s", "r009/x/mnist", "test_mse", "0.01", "d", 1, "");
        assertEquals("not run", SiteRenderer.compare(ref, null, java.util.Map.of(), null, null, null).verdict());
        ReferenceValue unclear = new ReferenceValue("r009", "f", "s", "r009/x/mnist", "test_mse", "0.01", "d", Double.NaN, "");
        assertEquals("not comparable", SiteRenderer.compare(unclear, null, java.util.Map.of(), null, null, null).verdict());
    }

    private static Row<org.aebench.contract.BenchColumn> bench(String benchmark, String model, String threads, double rate) {
        return new Row<>(org.aebench.contract.BenchColumn.class).set(org.aebench.contract.BenchColumn.BENCHMARK, benchmark)
                .set(org.aebench.contract.BenchColumn.MODEL, model).set(org.aebench.contract.BenchColumn.PHASE, "train")
                .set(org.aebench.contract.BenchColumn.THREADS, threads).set(org.aebench.contract.BenchColumn.NATIVE_BUILD, "b")
                .set(org.aebench.contract.BenchColumn.SAMPLES_PER_SECOND, rate).set(org.aebench.contract.BenchColumn.BATCH_SIZE, 64)
                .set(org.aebench.contract.BenchColumn.GIT_COMMIT, "c").set(org.aebench.contract.BenchColumn.MEASURED_AT, "t");
    }

    private static Row<org.aebench.contract.RunnerBenchColumn> runner(int workers, double rate, double efficiency) {
        return new Row<>(org.aebench.contract.RunnerBenchColumn.class).set(org.aebench.contract.RunnerBenchColumn.MODEL, "r000/deep-ae/mnist")
                .set(org.aebench.contract.RunnerBenchColumn.WORKERS, workers).set(org.aebench.contract.RunnerBenchColumn.SAMPLES_PER_SECOND, rate)
                .set(org.aebench.contract.RunnerBenchColumn.EFFICIENCY, efficiency).set(org.aebench.contract.RunnerBenchColumn.FIRST_STEPS_OVERHEAD_SECONDS, 2.5)
                .set(org.aebench.contract.RunnerBenchColumn.MEASURED_AT, "2026-12-02T00:00:00Z").set(org.aebench.contract.RunnerBenchColumn.GIT_COMMIT, "c");
    }

    @Test
    void performancePagePutsPyTorchBesideTheSameModelAndThreadCountOnly() throws IOException {
        var jmh = List.of(bench("jmh.train", "r000/deep-ae/mnist", "1", 9000), bench("jmh.train", "r001/conv-ae/variant=deconv/mnist", "1", 4800));
        // PyTorch measured the deep AE with 1 and 2 threads and the conv AE with 2 only: only the first pair is comparable
        var pytorch = List.of(bench("pytorch_reference.train", "r000/deep-ae/mnist", "2", 9900),
                bench("pytorch_reference.train", "r000/deep-ae/mnist", "1", 6000),
                bench("pytorch_reference.train", "r001/conv-ae/variant=deconv/mnist", "2", 5000));
        new SiteRenderer().render(new SiteInput("smoke", List.of(row("r000/deep-ae/mnist", "dense-ae", "ok", 1, 0.01)
                        .set(ResultColumn.EPOCHS, 10).set(ResultColumn.TRAIN_SAMPLES_PER_SECOND, 7000)), List.of(), null,
                jmh, pytorch, List.of(), null, List.of(), List.of(runner(1, 4000, 1.0), runner(2, 3600, 0.9)), Origin.unknown(), List.of()), ReferenceTable.load(), dir);
        String html = Files.readString(dir.resolve("performance.html"));
        assertTrue(html.contains(">6,000</td><td class=\"num\">1.50</td>"), "deep AE row: PyTorch's 1-thread figure and 9000/6000");
        assertTrue(html.contains(">4,000</td><td class=\"num\">3,600 (2 workers)</td><td class=\"num\">90%</td>"), "the runner's figures beside JMH's");
        assertTrue(html.contains(">0.67 / 0.60</td>"), "runner alone and busy over PyTorch's 6,000");
        assertFalse(html.contains("9,900") || html.contains("5,000"), "figures at another thread count are not comparisons");
        assertTrue(html.contains("<td class=\"num\">7,000</td><td class=\"num\">9,000</td>"), "the run's training figure beside JMH's for the same experiment");
    }

    @Test
    void aComparisonWherePyTorchDisagreesIsLabelledAndOneWhereItAgreesIsNot() throws IOException {
        List<Row<ResultColumn>> ours = new java.util.ArrayList<>();
        List<Row<org.aebench.contract.CrosscheckColumn>> theirs = new java.util.ArrayList<>();
        double[] mine = {0.0110, 0.0112, 0.0111}, far = {0.0200, 0.0205, 0.0198};
        for (int s = 1; s <= 3; s++) {
            ours.add(row("r000/deep-ae/mnist", "dense-ae", "ok", s, mine[s - 1]).set(ResultColumn.NOISE_FREE_TEST_MSE, mine[s - 1]));
            theirs.add(new Row<>(org.aebench.contract.CrosscheckColumn.class).set(org.aebench.contract.CrosscheckColumn.EXPERIMENT_ID, "r000/deep-ae/mnist")
                    .set(org.aebench.contract.CrosscheckColumn.SEED, s).set(org.aebench.contract.CrosscheckColumn.FRAMEWORK, "torch 1.13")
                    .set(org.aebench.contract.CrosscheckColumn.TEST_MSE, far[s - 1]).set(org.aebench.contract.CrosscheckColumn.STATUS, "ok")
                    .set(org.aebench.contract.CrosscheckColumn.DEAD_AT_INIT, false));
        }
        new SiteRenderer().render(new SiteInput("smoke", ours, List.of(), null, List.of(), List.of(), List.of(), null, theirs, List.of(), Origin.unknown(), List.of()), ReferenceTable.load(), dir);
        String page = Files.readString(dir.resolve("r000.html"));
        assertTrue(page.contains("our port and PyTorch disagree beyond seed noise"), "the reference comparison is labelled");
        assertTrue(page.contains("disagrees with PyTorch beyond seed noise"), "the cell row says so too");
        for (int s = 0; s < 3; s++) theirs.get(s).set(org.aebench.contract.CrosscheckColumn.TEST_MSE, mine[s] * 1.01);
        new SiteRenderer().render(new SiteInput("smoke", ours, List.of(), null, List.of(), List.of(), List.of(), null, theirs, List.of(), Origin.unknown(), List.of()), ReferenceTable.load(), dir);
        assertFalse(Files.readString(dir.resolve("r000.html")).contains("our port and PyTorch disagree"));
    }

    @Test
    void referenceTableIsWellFormed() {
        ReferenceTable refs = ReferenceTable.load();
        assertEquals(5, refs.reports().size());
        List<String> ids = refs.reports().stream().map(ReferenceReport::id).toList();
        for (ReferenceValue v : refs.values()) {
            assertTrue(ids.contains(v.report()), v.report());
            assertTrue(v.experimentId().startsWith(v.report() + "/"), v.experimentId());
            assertTrue(Double.isFinite(v.printed()), v.printedValue());
            assertFalse(v.section().isBlank() || v.definition().isBlank(), v.experimentId());
        }
    }

    @Test
    void everyPageOffersItsCsvAndTheVerdictTableMatchesThePages() throws IOException {
        ReferenceTable refs = ReferenceTable.load();
        List<Row<ResultColumn>> rows = List.of(row("r000/pca/mnist", "pca", "ok", 1, 0.0180), row("r000/deep-ae/mnist", "dense-ae", "ok", 1, 0.0300));
        render(dir, rows, refs);
        for (String page : List.of("index", "claims", "performance", "r000", "r004")) {
            String html = Files.readString(dir.resolve(page + ".html"));
            Matcher m = Pattern.compile("id=\"downloads\".*?href=\"(data/[^\"]+\\.csv)\"", Pattern.DOTALL).matcher(html);
            assertTrue(m.find(), page + " offers a CSV");
            assertTrue(Files.isRegularFile(dir.resolve(m.group(1))), m.group(1));
        }
        var verdicts = new org.aebench.results.CsvTable<>(dir.resolve("data/verdicts.csv"), org.aebench.contract.VerdictColumn.class).read();
        assertEquals(refs.values().size(), verdicts.size(), "one row per reference number");
        var deep = verdicts.stream().filter(v -> v.get(org.aebench.contract.VerdictColumn.EXPERIMENT_ID).equals("r000/deep-ae/mnist")
                && v.get(org.aebench.contract.VerdictColumn.METRIC).equals("test_mse")).findFirst().orElseThrow();
        assertEquals("worse", deep.get(org.aebench.contract.VerdictColumn.VERDICT));
        assertEquals("outside tolerance at the report's settings, not yet explained", deep.get(org.aebench.contract.VerdictColumn.REASON));
        assertEquals(2, new org.aebench.results.CsvTable<>(dir.resolve("data/r000-results.csv"), ResultColumn.class).read().size());
        assertFalse(Files.exists(dir.resolve("data/crosscheck.csv")), "no file for what the site was not given");
    }

    @Test
    void theIndexSaysWhereTheResultsComeFromAndHowManyOfTheProfilesCellsRan() throws IOException {
        List<Row<ResultColumn>> rows = List.of(row("r000/pca/mnist", "pca", "ok", 1, 0.018).set(ResultColumn.GIT_COMMIT, "0123456789abcdef")
                .set(ResultColumn.FINISHED_AT, "2026-12-03T08:00:00Z"));
        Origin origin = Origin.of("baselines/full-seeds", true, java.util.Map.of("r000", 55, "r001", 64), rows, null, null);
        new SiteRenderer().render(new SiteInput("full-seeds", rows, List.of(), null, List.of(), List.of(), List.of(), null, List.of(), List.of(), origin, List.of()),
                ReferenceTable.load(), dir);
        String index = Files.readString(dir.resolve("index.html"));
        assertTrue(index.contains("1 result rows of the profile's 119 cells"), "completeness");
        assertTrue(index.contains("118 not run yet"), "what is missing");
        assertTrue(index.contains("0123456789ab</code>: 1 row(s), finished 2026-12-03T08:00:00Z"), "the commit and when");
        assertTrue(index.contains("the committed baseline, rendered without training"));
        assertTrue(Files.readString(dir.resolve("r000.html")).contains("so far, on 1 of the profile&#39;s 55 cells")
                || Files.readString(dir.resolve("r000.html")).contains("so far, on 1 of the profile's 55 cells"), "a verdict on part of a report says so");
    }

    @Test
    void aQuickCheckPointsToTheFullReproduction() throws IOException {
        Origin beside = new Origin("results/ci", false, java.util.Map.of(), List.of(), "../full-seeds/index.html");
        new SiteRenderer().render(new SiteInput("ci", List.of(row("r000/pca/mnist", "pca", "ok", 1, 0.018)), List.of(), null, List.of(), List.of(),
                List.of(), null, List.of(), List.of(), beside, List.of()), ReferenceTable.load(), dir);
        String index = Files.readString(dir.resolve("index.html"));
        assertTrue(index.contains("<code>baselines/full-seeds/</code>") && index.contains("href=\"../full-seeds/index.html\""), "states and links it");
    }
}
