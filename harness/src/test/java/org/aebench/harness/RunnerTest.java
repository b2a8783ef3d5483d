package org.aebench.harness;

import org.aebench.provenance.Provenance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.aebench.data.DatasetId;
import org.aebench.matrix.Cell;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.families.DenseAeFamily;
import org.aebench.matrix.Families;
import org.aebench.contract.CurveColumn;
import org.aebench.contract.ResultColumn;
import org.aebench.results.ResultStore;
import org.aebench.contract.Row;
import org.aebench.train.CellOutcome;
import org.aebench.train.EpochRecord;
import org.aebench.train.Evaluation;
import org.aebench.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerTest {
    @TempDir
    Path dir;

    static final Provenance PROVENANCE = new Provenance("abc", "false", "0", "cpu", "nd4j-native", "linux-x86_64-onednn",
            "OPENBLAS", "1", "jvm", "os", "cpu", "avx512");

    /** Stands for the JVM being killed: not an exception the runner may catch. */
    static final class Killed extends Error {}

    /** Answers instantly with made-up metrics; can die at a given call or throw for one cell. */
    static final class FakeExecutor implements CellExecutor {
        final List<String> executed = java.util.Collections.synchronizedList(new ArrayList<>());
        /** The cells of each call, one call per training. */
        final List<List<String>> trainings = java.util.Collections.synchronizedList(new ArrayList<>());
        int dieAtCall = -1;
        String throwFor;

        @Override
        public void prepare(List<Cell> cells) { }

        @Override
        public List<Executed> execute(List<Cell> cells, TrainingListener listener) {
            if (executed.size() == dieAtCall) throw new Killed();
            List<Executed> out = new ArrayList<>();
            for (Cell cell : cells) {
                executed.add(cell.id());
                if (cell.id().equals(throwFor)) throw new IllegalStateException("native op failed");
                List<EpochRecord> epochs = List.of(new EpochRecord(1, 0.2, 0.1, 0.1, 1), new EpochRecord(2, 0.1, 0.05, 0.05, 1));
                CellOutcome o = new CellOutcome(org.aebench.contract.Status.OK, "", "fake", new Evaluation(0.05, 0.1, 0.05, 0.2, true, 10, 0.01, 12.0), epochs,
                        0.1, 2, 20, 10, 10, Map.of());
                out.add(new Executed(o, Map.of("mnist/x", "00")));
            }
            trainings.add(cells.stream().map(Cell::id).toList());
            return out;
        }
    }

    static List<Cell> cells(int n) {
        ExperimentSpec spec = new ExperimentSpec("e", "s", null, Families.get(DenseAeFamily.class), DatasetId.MNIST, null, null, null, 8, 2,
                null, List.of(1), new LinkedHashMap<>(), null, null, null, null,
                new DenseAeFamily.Settings(List.of("784:relu"), null, null, null, null, null, null));
        return IntStream.range(0, n).mapToObj(i -> new Cell("r/e/mnist/seed=" + (i + 1), "r/e/mnist", "r", "r.yaml", spec,
                Map.of(), i + 1, "smoke", null, null, 2)).toList();
    }

    private Runner runner(CellExecutor executor) {
        return new Runner(executor, PROVENANCE, Progress.quiet());
    }

    @Test
    void severalWorkersRecordEveryCellOnce() throws IOException {
        List<Cell> cells = cells(9);
        FakeExecutor ex = new FakeExecutor();
        Runner.Summary s = new Runner(ex, PROVENANCE, Progress.quiet(), 3).run(cells, dir, false);
        assertEquals(9, s.ok());
        List<Row<ResultColumn>> rows = new org.aebench.results.CsvTable<>(dir.resolve(ResultStore.RESULTS_FILE), ResultColumn.class).read();
        assertEquals(cells.stream().map(Cell::id).sorted().toList(), rows.stream().map(r -> r.get(ResultColumn.CELL_ID)).sorted().toList());
    }

    @Test
    void interruptedRunResumesWithoutLostOrDuplicatedRows() throws IOException {
        List<Cell> cells = cells(6);
        FakeExecutor first = new FakeExecutor();
        first.dieAtCall = 3;
        assertThrows(Killed.class, () -> runner(first).run(cells, dir, false));
        // the kill also caught the next row half-written
        Files.writeString(dir.resolve(ResultStore.RESULTS_FILE), "r/e/mnist/seed=4,r/e/mni", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        FakeExecutor second = new FakeExecutor();
        Runner.Summary s = runner(second).run(cells, dir, false);
        assertEquals(List.of("r/e/mnist/seed=4", "r/e/mnist/seed=5", "r/e/mnist/seed=6"), second.executed, "only unfinished cells run");
        assertEquals(3, s.skipped());
        assertEquals(3, s.ok());

        List<Row<ResultColumn>> rows = new org.aebench.results.CsvTable<>(dir.resolve(ResultStore.RESULTS_FILE), ResultColumn.class).read();
        assertEquals(cells.stream().map(Cell::id).toList(), rows.stream().map(r -> r.get(ResultColumn.CELL_ID)).toList());
        List<Row<CurveColumn>> curves = new org.aebench.results.CsvTable<>(dir.resolve(ResultStore.CURVES_FILE), CurveColumn.class).read();
        assertEquals(12, curves.size(), "two epochs per cell, none twice");

        FakeExecutor third = new FakeExecutor();
        assertEquals(6, runner(third).run(cells, dir, false).skipped());
        assertTrue(third.executed.isEmpty());
        FakeExecutor forced = new FakeExecutor();
        runner(forced).run(cells, dir, true);
        assertEquals(6, forced.executed.size(), "--force reruns everything");
    }

    @Test
    void aCellThatThrowsIsRecordedAsFailedAndRetriedNextTime() throws IOException {
        List<Cell> cells = cells(3);
        FakeExecutor ex = new FakeExecutor();
        ex.throwFor = "r/e/mnist/seed=2";
        Runner.Summary s = runner(ex).run(cells, dir, false);
        assertEquals(1, s.failed());
        assertEquals(3, ex.executed.size(), "the run goes on after a failed cell");
        Row<ResultColumn> failed;
        try (ResultStore store = ResultStore.open(dir, false)) {
            failed = store.results().stream().filter(r -> r.get(ResultColumn.STATUS).equals("failed")).findFirst().orElse(null);
        }
        // reopening dropped the failed row so that it is retried
        assertEquals(null, failed);
        FakeExecutor retry = new FakeExecutor();
        runner(retry).run(cells, dir, false);
        assertEquals(List.of("r/e/mnist/seed=2"), retry.executed);
    }

    @Test
    void failedRowCarriesTheReasonAndProvenance() {
        Cell cell = cells(1).get(0);
        Row<ResultColumn> row = ResultRows.crashed(cell, new IllegalStateException("native op failed"), PROVENANCE, cell, java.time.Instant.now());
        assertEquals("failed", row.get(ResultColumn.STATUS));
        assertEquals("IllegalStateException: native op failed", row.get(ResultColumn.REASON));
        assertEquals("linux-x86_64-onednn", row.get(ResultColumn.NATIVE_CLASSIFIER));
        assertEquals("", row.get(ResultColumn.TEST_MSE));
    }

    /** A cell of {@link #cells} scored on test images with noise {@code sigma}: the same training as that cell. */
    static Cell scoredWithNoise(Cell c, double sigma) {
        ExperimentSpec s = c.spec();
        ExperimentSpec noisy = new ExperimentSpec("noisy", "s2", null, s.family(), s.dataset(), null, null, null,
                s.batchSize(), s.epochs(), null, s.seeds(), new LinkedHashMap<>(), null, null, sigma, null, s.settings());
        return new Cell("r/noisy/sigma=" + sigma + "/mnist/seed=" + c.seed(), "r/noisy/sigma=" + sigma + "/mnist", "r", "r.yaml", noisy,
                Map.of("sigma", "" + sigma), c.seed(), c.profile(), c.trainLimit(), c.testLimit(), c.epochs());
    }

    @Test
    void cellsThatTrainTheSameNetworkShareOneTrainingAndSayWhich() throws IOException {
        List<Cell> plain = cells(2);
        List<Cell> cells = List.of(plain.get(0), plain.get(1), scoredWithNoise(plain.get(0), 0.3), scoredWithNoise(plain.get(0), 0.5));
        FakeExecutor ex = new FakeExecutor();
        Runner.Summary s = new Runner(ex, PROVENANCE, Progress.quiet(), 2).run(cells, dir, false);
        assertEquals(4, s.ok());
        assertEquals(java.util.Set.of(List.of(cells.get(0).id(), cells.get(2).id(), cells.get(3).id()), List.of(cells.get(1).id())),
                java.util.Set.copyOf(ex.trainings), "one training for seed 1's three cells, one for seed 2's");
        Map<String, String> trainedIn = new java.util.HashMap<>();
        for (Row<ResultColumn> r : new org.aebench.results.CsvTable<>(dir.resolve(ResultStore.RESULTS_FILE), ResultColumn.class).read()) {
            trainedIn.put(r.get(ResultColumn.CELL_ID), r.get(ResultColumn.TRAINED_IN));
        }
        assertEquals(Map.of(cells.get(0).id(), cells.get(0).id(), cells.get(1).id(), cells.get(1).id(),
                cells.get(2).id(), cells.get(0).id(), cells.get(3).id(), cells.get(0).id()), trainedIn);

    }
}
