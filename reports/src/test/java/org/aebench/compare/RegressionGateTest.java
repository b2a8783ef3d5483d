package org.aebench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.aebench.results.CellFilter;
import org.aebench.results.CsvTable;
import org.aebench.contract.CurveColumn;
import org.aebench.contract.ResultColumn;
import org.aebench.contract.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressionGateTest {
    @TempDir
    Path dir;

    /** A complete row as the runner writes it, on this machine's provenance. */
    static Row<ResultColumn> row(String experiment, int seed, double mse) {
        String id = experiment + "/seed=" + seed;
        return new Row<>(ResultColumn.class)
                .set(ResultColumn.CELL_ID, id).set(ResultColumn.EXPERIMENT_ID, experiment)
                .set(ResultColumn.REPORT, experiment.substring(0, 4)).set(ResultColumn.EXPERIMENT, experiment.split("/")[1])
                .set(ResultColumn.FAMILY, "dense-ae").set(ResultColumn.DATASET, "mnist").set(ResultColumn.SEED, seed)
                .set(ResultColumn.TRAINED_IN, id).set(ResultColumn.PROFILE, "smoke").set(ResultColumn.BACKEND, "cpu")
                .set(ResultColumn.STATUS, "ok").set(ResultColumn.EPOCHS, 3).set(ResultColumn.ARCHITECTURE, "784-64-784 adam 1e-3")
                .set(ResultColumn.TEST_MSE, mse).set(ResultColumn.TEST_MAE, mse * 3).set(ResultColumn.FINAL_TRAIN_LOSS, mse * 1.1)
                .set(ResultColumn.TRAIN_SAMPLES_PER_SECOND, 10_000.0).set(ResultColumn.INFER_SAMPLES_PER_SECOND, 50_000.0)
                .set(ResultColumn.GIT_COMMIT, "abc").set(ResultColumn.GIT_DIRTY, "false")
                .set(ResultColumn.NATIVE_CLASSIFIER, "linux-x86_64-onednn").set(ResultColumn.ND4J_BACKEND, "nd4j-native")
                .set(ResultColumn.THREADS, "1 (nd4j max threads 1)").set(ResultColumn.CPU_ISA, "avx512")
                .set(ResultColumn.DATASET_SHA256, "train=aa;test=bb");
    }

    static List<Row<ResultColumn>> rows(int seeds, double... msePerExperiment) {
        List<Row<ResultColumn>> out = new ArrayList<>();
        for (int e = 0; e < msePerExperiment.length; e++) {
            for (int s = 1; s <= seeds; s++) out.add(row("r000/exp" + e + "/mnist", s, msePerExperiment[e]));
        }
        return out;
    }

    ResultFolder folder(String name, List<Row<ResultColumn>> rows) throws IOException {
        Path d = dir.resolve(name);
        new CsvTable<>(d.resolve("results.csv"), ResultColumn.class).rewrite(rows);
        List<Row<CurveColumn>> curves = new ArrayList<>();
        for (Row<ResultColumn> r : rows) {
            curves.add(new Row<>(CurveColumn.class).set(CurveColumn.CELL_ID, r.get(ResultColumn.CELL_ID)).set(CurveColumn.BACKEND, "cpu")
                    .set(CurveColumn.EPOCH, 1).set(CurveColumn.TRAIN_LOSS, 0.5).set(CurveColumn.TEST_LOSS, 0.4)
                    .set(CurveColumn.TEST_MSE, r.get(ResultColumn.TEST_MSE)));
        }
        new CsvTable<>(d.resolve("curves.csv"), CurveColumn.class).rewrite(curves);
        return ResultFolder.load(d, name);
    }

    RegressionReport compare(List<Row<ResultColumn>> base, List<Row<ResultColumn>> cand) throws IOException {
        return new RegressionGate(RegressionGate.Options.defaults()).compare(folder("b", base), folder("c", cand));
    }

    static UnitComparison unit(RegressionReport r, String idPrefix) {
        return r.units().stream().filter(u -> u.id().startsWith(idPrefix)).findFirst().orElseThrow();
    }

    static MetricChange metric(UnitComparison u, String metric) {
        return u.metrics().stream().filter(m -> m.metric().equals(metric)).findFirst().orElseThrow();
    }

    static List<Row<ResultColumn>> edit(List<Row<ResultColumn>> rows, String cellId, Consumer<Row<ResultColumn>> change) {
        List<Row<ResultColumn>> copy = new ArrayList<>();
        for (Row<ResultColumn> r : rows) {
            Row<ResultColumn> c = new Row<>(ResultColumn.class);
            for (ResultColumn col : ResultColumn.values()) c.set(col, r.get(col));
            if (r.get(ResultColumn.CELL_ID).equals(cellId)) change.accept(c);
            copy.add(c);
        }
        return copy;
    }

    /** The folder's results.csv without one column, as an older version of aebench wrote it. */
    private static void dropColumn(Path folder, String column) throws IOException {
        Path csv = folder.resolve("results.csv");
        var records = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(java.nio.file.Files.newBufferedReader(csv));
        List<String> header = new ArrayList<>(records.getHeaderNames());
        header.remove(column);
        StringBuilder out = new StringBuilder();
        try (var printer = new org.apache.commons.csv.CSVPrinter(out, org.apache.commons.csv.CSVFormat.RFC4180)) {
            printer.printRecord(header);
            for (var r : records) {
                List<String> values = new ArrayList<>();
                for (String h : header) values.add(r.get(h));
                printer.printRecord(values);
            }
        }
        java.nio.file.Files.writeString(csv, out.toString());
    }

    @Test
    void aBaselineFromBeforeANewMeasureIsComparedOnTheColumnsItHas() throws IOException {
        List<Row<ResultColumn>> base = rows(1, 0.01, 0.02);
        base.forEach(r -> r.set(ResultColumn.SHARPNESS_RATIO, 0.5));
        folder("b", base);
        dropColumn(dir.resolve("b"), "sharpness_ratio");
        ResultFolder c = folder("c", base);
        assertThrows(ComparisonInputException.class, () -> ResultFolder.load(dir.resolve("b"), "baseline"), "strict by default");
        ResultFolder b = ResultFolder.load(dir.resolve("b"), "baseline", true);
        assertEquals(List.of(ResultColumn.SHARPNESS_RATIO), b.missingColumns());
        RegressionReport r = new RegressionGate(RegressionGate.Options.defaults()).compare(b, c);
        assertTrue(r.passed(), r.conclusion());
        assertTrue(r.method().contains("predates sharpness_ratio"), r.method());
        // a moved number in a column both sides have still fails
        List<Row<ResultColumn>> moved = rows(1, 0.01, 0.021);
        moved.forEach(x -> x.set(ResultColumn.SHARPNESS_RATIO, 0.5));
        assertFalse(new RegressionGate(RegressionGate.Options.defaults()).compare(b, folder("m", moved)).passed());
        // only measures may be missing: a baseline without a provenance column is refused
        dropColumn(dir.resolve("c"), "cpu_isa");
        ComparisonInputException e = assertThrows(ComparisonInputException.class, () -> ResultFolder.load(dir.resolve("c"), "baseline", true));
        assertTrue(e.getMessage().contains("cpu_isa"), e.getMessage());
    }

    @Test
    void sameRowsOnTheSameMachineAreExactAndIdentical() throws IOException {
        var base = rows(1, 0.010, 0.020, 0.030);
        RegressionReport r = compare(base, edit(base, "", x -> {}));
        assertEquals(Mode.EXACT, r.mode(), r.modeReason());
        assertEquals(3, r.counts().get(Verdict.IDENTICAL));
        assertEquals(0, r.exitCode(), r.conclusion());
    }

    @Test
    void exactModeNamesTheWorseCellAndNothingElse() throws IOException {
        var base = rows(1, 0.010, 0.020, 0.030);
        RegressionReport r = compare(base, edit(base, "r000/exp1/mnist/seed=1", x -> x.set(ResultColumn.TEST_MSE, 0.025)));
        UnitComparison u = unit(r, "r000/exp1/");
        assertEquals(Verdict.WORSE, u.verdict());
        assertEquals(Verdict.WORSE, metric(u, "test_mse").verdict());
        assertEquals("+25.00%", metric(u, "test_mse").change());
        assertEquals(2, r.counts().get(Verdict.IDENTICAL), "the other cells are untouched");
        assertEquals(1, r.regressions());
        assertEquals(1, r.exitCode());
    }

    @Test
    void exactModeCallsALowerErrorBetterButStillFailsUntilTheBaselineMoves() throws IOException {
        var base = rows(1, 0.010, 0.020);
        RegressionReport r = compare(base, edit(base, "r000/exp0/mnist/seed=1", x -> x.set(ResultColumn.TEST_MSE, 0.008)));
        assertEquals(Verdict.BETTER, unit(r, "r000/exp0/").verdict());
        assertEquals(0, r.regressions());
        assertEquals(1, r.exitCode(), "exact mode: a moved number needs a new baseline");
        assertTrue(r.conclusion().contains("make baseline"), r.conclusion());
    }

    @Test
    void exactModeReportsADifferenceInTheLastBitsAsAChange() throws IOException {
        var base = rows(1, 0.010);
        double next = Math.nextUp(0.010);
        RegressionReport r = compare(base, edit(base, "r000/exp0/mnist/seed=1", x -> x.set(ResultColumn.TEST_MSE, next)));
        MetricChange m = metric(unit(r, "r000/exp0/"), "test_mse");
        assertEquals(Verdict.CHANGED, m.verdict(), "within tolerance, but not identical");
        assertTrue(m.change().contains("e-"), "the size is shown, however small: " + m.change());
        assertEquals(1, r.exitCode());
    }

    @Test
    void aCurveThatMovesWhileTheFinalNumbersDoNotIsAChange() throws IOException {
        var base = rows(1, 0.010);
        folder("b", base);
        ResultFolder c = folder("c", base);
        Path curves = dir.resolve("c/curves.csv");
        java.nio.file.Files.writeString(curves, java.nio.file.Files.readString(curves).replace(",0.5,", ",0.6,"));
        RegressionReport r = new RegressionGate(RegressionGate.Options.defaults()).compare(ResultFolder.load(dir.resolve("b"), "b"),
                ResultFolder.load(dir.resolve("c"), "c"));
        MetricChange m = metric(unit(r, "r000/exp0/"), "curves");
        assertEquals(Verdict.CHANGED, m.verdict());
        assertTrue(m.basis().contains("epoch 1, train_loss"), m.basis());
        assertNotNull(c);
    }

    @Test
    void statusChangesAreJudgedByWhichWayTheyGo() throws IOException {
        var base = rows(1, 0.010, 0.020);
        var cand = edit(edit(base, "r000/exp0/mnist/seed=1", x -> x.set(ResultColumn.STATUS, "collapsed")),
                "r000/exp1/mnist/seed=1", x -> x.set(ResultColumn.STATUS, "ok"));
        base = edit(base, "r000/exp1/mnist/seed=1", x -> x.set(ResultColumn.STATUS, "failed").set(ResultColumn.TEST_MSE, ""));
        RegressionReport r = compare(base, cand);
        assertEquals(Verdict.STATUS_WORSE, unit(r, "r000/exp0/").verdict(), "ok -> collapsed is a regression");
        assertEquals(Verdict.STATUS_BETTER, unit(r, "r000/exp1/").verdict(), "failed -> ok is an improvement");
        assertEquals(1, r.regressions());
    }

    @Test
    void aMissingCellFailsTheGateAndANewOneDoesNot() throws IOException {
        var base = rows(1, 0.010, 0.020);
        var fewer = base.subList(0, 1);
        RegressionReport missing = compare(base, fewer);
        assertEquals(Verdict.MISSING, unit(missing, "r000/exp1/").verdict());
        assertEquals(1, missing.exitCode());
        RegressionReport added = compare(fewer, base);
        assertEquals(Verdict.NEW, unit(added, "r000/exp1/").verdict());
        assertEquals(0, added.exitCode(), added.conclusion());
    }

    @Test
    void aFilterComparesOnlyTheChosenCells() throws IOException {
        var base = rows(1, 0.010, 0.020);
        var opts = new RegressionGate.Options(null, 0.05, 1.1, new CellFilter(List.of("r000/exp0")), null, null, null);
        RegressionReport r = new RegressionGate(opts).compare(folder("b", base), folder("c", base.subList(0, 1)));
        assertEquals(1, r.units().size());
        assertEquals(0, r.exitCode());
    }

    @Test
    void anotherThreadCountOrAnUnrecordedInstructionSetMakesTheComparisonStatistical() throws IOException {
        var base = rows(1, 0.010);
        RegressionReport threads = compare(base, edit(base, "r000/exp0/mnist/seed=1", x -> x.set(ResultColumn.THREADS, "2")));
        assertEquals(Mode.STATISTICAL, threads.mode());
        assertTrue(threads.modeReason().contains("threads differs"), threads.modeReason());
        RegressionReport isa = compare(edit(base, "r000/exp0/mnist/seed=1", x -> x.set(ResultColumn.CPU_ISA, "")), base);
        assertEquals(Mode.STATISTICAL, isa.mode());
        assertTrue(isa.modeReason().contains("does not record cpu_isa"), isa.modeReason());
        RegressionReport seeds = compare(base, edit(base, "r000/exp0/mnist/seed=1", x -> x.set(ResultColumn.CELL_ID, "r000/exp0/mnist/seed=4")));
        assertEquals(Mode.STATISTICAL, seeds.mode());
        assertTrue(seeds.modeReason().contains("no cell ran on both sides"), seeds.modeReason());
    }

    /** Three seeds a side: a spread of ~20% makes a 15% shift noise, a tight one makes a 30% shift a regression. */
    @Test
    void statisticalModeJudgesTheMeanByToleranceAndWelchsTest() throws IOException {
        List<Row<ResultColumn>> base = new ArrayList<>();
        List<Row<ResultColumn>> cand = new ArrayList<>();
        double[] noisyB = {0.010, 0.012, 0.0085};
        double[] noisyC = {0.0125, 0.0095, 0.0135};
        double[] tightB = {0.0200, 0.0201, 0.0199};
        double[] tightC = {0.0260, 0.0262, 0.0259};
        double[] betterC = {0.0150, 0.0151, 0.0149};
        for (int s = 0; s < 3; s++) {
            base.add(row("r000/noisy/mnist", s + 1, noisyB[s]));
            cand.add(row("r000/noisy/mnist", s + 4, noisyC[s]));
            base.add(row("r000/tight/mnist", s + 1, tightB[s]));
            cand.add(row("r000/tight/mnist", s + 4, tightC[s]));
            base.add(row("r000/gain/mnist", s + 1, tightB[s]));
            cand.add(row("r000/gain/mnist", s + 4, betterC[s]));
        }
        RegressionReport r = compare(base, cand);
        assertEquals(Mode.STATISTICAL, r.mode());
        MetricChange noisy = metric(unit(r, "r000/noisy/"), "test_mse");
        assertEquals(Verdict.WITHIN_NOISE, noisy.verdict(), noisy.basis());
        assertTrue(noisy.pValue() != null && noisy.pValue() > 0.05, "beyond the tolerance, so the test decided: " + noisy.basis());
        MetricChange tight = metric(unit(r, "r000/tight/"), "test_mse");
        assertEquals(Verdict.WORSE, tight.verdict(), tight.basis());
        assertTrue(tight.pValue() < 0.05 && tight.basis().contains("Welch"), tight.basis());
        assertEquals(Verdict.BETTER, metric(unit(r, "r000/gain/"), "test_mse").verdict());
        assertEquals(1, r.regressions());
        assertEquals(1, r.exitCode());
    }

    @Test
    void withOneSeedTheToleranceAloneDecidesAndSaysSo() throws IOException {
        var base = rows(1, 0.010, 0.020);
        var cand = edit(edit(base, "r000/exp0/mnist/seed=1", x -> x.set(ResultColumn.TEST_MSE, 0.0105).set(ResultColumn.THREADS, "2")),
                "r000/exp1/mnist/seed=1", x -> x.set(ResultColumn.TEST_MSE, 0.030));
        RegressionReport r = compare(base, cand);
        assertEquals(Mode.STATISTICAL, r.mode());
        assertEquals(Verdict.WITHIN_NOISE, metric(unit(r, "r000/exp0/"), "test_mse").verdict(), "5% is inside the 10% tolerance");
        MetricChange worse = metric(unit(r, "r000/exp1/"), "test_mse");
        assertEquals(Verdict.WORSE, worse.verdict());
        assertNull(worse.pValue());
        assertTrue(worse.basis().contains("no spread behind this verdict"), worse.basis());
        assertEquals(0, r.moved() + 0 * r.regressions() + (r.exitCode() == 1 ? 0 : 1), "a worse metric fails the gate");
    }

    @Test
    void aChangedSettingIsShownByTheWordsThatDiffer() throws IOException {
        var base = rows(1, 0.010);
        var cand = edit(base, "r000/exp0/mnist/seed=1", x -> x.set(ResultColumn.ARCHITECTURE, "784-64-784 adam 1e-4"));
        UnitComparison u = unit(compare(base, cand), "r000/exp0/");
        assertEquals(Verdict.CHANGED, u.verdict(), "exact mode: the experiment itself changed");
        SettingChange s = u.settings().get(0);
        assertEquals("architecture", s.setting());
        assertEquals("…784 adam 1e-3", s.baselineDiff(), "12 characters of context before the difference");
        assertEquals("…784 adam 1e-4", s.candidateDiff());
    }

    @Test
    void aMetricWithNoBetterSideIsOnlyEverChanged() throws IOException {
        var base = rows(1, 0.010);
        var cand = edit(base, "r000/exp0/mnist/seed=1", x -> x.set(ResultColumn.OUTPUT_STD, 0.5));
        base = edit(base, "r000/exp0/mnist/seed=1", x -> x.set(ResultColumn.OUTPUT_STD, 0.2));
        MetricChange m = metric(unit(compare(base, cand), "r000/exp0/"), "output_std");
        assertEquals(Verdict.CHANGED, m.verdict());
    }

    @Test
    void speedIsReportedButNeverFailsTheGate() throws IOException {
        var base = rows(1, 0.010);
        var cand = edit(base, "r000/exp0/mnist/seed=1", x -> x.set(ResultColumn.TRAIN_SAMPLES_PER_SECOND, 7_000.0));
        RegressionReport r = compare(base, cand);
        SpeedChange s = r.speed().stream().filter(x -> x.measure().startsWith("train")).findFirst().orElseThrow();
        assertEquals(SpeedChange.Pace.SLOWER, s.pace());
        assertEquals(0.7, s.ratio(), 1e-12);
        assertEquals(0, r.exitCode());
        var slightly = edit(base, "r000/exp0/mnist/seed=1", x -> x.set(ResultColumn.TRAIN_SAMPLES_PER_SECOND, 9_500.0));
        assertEquals(SpeedChange.Pace.SAME, compare(base, slightly).speed().get(0).pace(), "5% is inside asv's factor of 1.10");
    }

    @Test
    void differentProfilesAreBadInput() throws IOException {
        var base = rows(1, 0.010);
        var cand = edit(base, "r000/exp0/mnist/seed=1", x -> x.set(ResultColumn.PROFILE, "ci"));
        var e = assertThrows(ComparisonInputException.class, () -> compare(base, cand));
        assertTrue(e.getMessage().contains("different profiles"), e.getMessage());
    }

    @Test
    void welchsTestMatchesAKnownValue() {
        // scipy.stats.ttest_ind([1,2,3], [4,5,6], equal_var=False).pvalue = 0.021311641128756723
        assertEquals(0.0213116411, SeedStatistics.welch(new double[] {1, 2, 3}, new double[] {4, 5, 6}), 1e-9);
        assertEquals(1.0, SeedStatistics.welch(new double[] {2, 2, 2}, new double[] {2, 2, 2}));
        assertEquals(0.0, SeedStatistics.welch(new double[] {2, 2, 2}, new double[] {3, 3, 3}));
    }

    @Test
    void theJsonReportReadsBackAsTheSameRecord() throws IOException {
        var base = rows(1, 0.010, 0.020);
        RegressionReport r = compare(base, edit(base, "r000/exp1/mnist/seed=1", x -> x.set(ResultColumn.TEST_MSE, 0.025)));
        Path json = dir.resolve("comparison.json");
        ReportJson.write(r, json);
        assertEquals(r, ReportJson.read(json));
        String md = MarkdownReport.render(r);
        assertTrue(md.contains("❌") && md.contains("| r000/exp1/mnist/seed=1 | test_mse |"), md);
    }

    @Test
    void baselineRowsOfOtherTrainingCodeAreFlaggedWithTheirFilesAndSameCodeIsNot() throws Exception {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo);
        org.aebench.results.TrainingCodeTest.git(repo, "init", "-q");
        String old = org.aebench.results.TrainingCodeTest.commit(repo, "experiments/src/main/java/Model.java", "class Model {}");
        String docs = org.aebench.results.TrainingCodeTest.commit(repo, "docs/notes.md", "notes");
        String now = org.aebench.results.TrainingCodeTest.commit(repo, "experiments/src/main/java/Model.java", "class Model { int layers; }");
        var base = rows(1, 0.010, 0.020, 0.030);
        base.get(0).set(ResultColumn.GIT_COMMIT, old);
        base.get(1).set(ResultColumn.GIT_COMMIT, now);
        base.get(2).set(ResultColumn.GIT_COMMIT, docs);
        var cand = rows(1, 0.010, 0.020, 0.030);
        cand.forEach(r -> r.set(ResultColumn.GIT_COMMIT, now));
        var opts = new RegressionGate.Options(null, 0.05, 1.1, new CellFilter(List.of()), null, null, new org.aebench.results.TrainingCode(repo));
        RegressionReport r = new RegressionGate(opts).compare(folder("b", base), folder("c", cand));
        assertEquals(2, r.codeDrift().size(), r.codeDrift().toString());
        assertEquals(List.of(old, docs), r.codeDrift().stream().map(CodeDrift::commit).toList());
        assertEquals(org.aebench.results.TrainingCode.Sameness.DIFFERENT, r.codeDrift().get(0).sameness());
        assertTrue(r.codeDrift().get(0).describe().contains("experiments/src/main/java/Model.java"), r.codeDrift().get(0).describe());
        assertTrue(MarkdownReport.render(r).contains("Rows of other training code"));
        assertEquals(0, r.exitCode(), "a flag, not a failure: the numbers are identical");
        var json = dir.resolve("r.json");
        ReportJson.write(r, json);
        assertEquals(r.codeDrift(), ReportJson.read(json).codeDrift());
    }
}
