package org.aebench.harness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aebench.data.DatasetId;
import org.aebench.families.DenseAeFamily;
import org.aebench.matrix.Cell;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.matrix.Families;
import org.aebench.train.EpochRecord;
import org.aebench.train.TrainingListener;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void theRunEtaIsNeverShorterThanATrainingStillRunning() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        List<SharedTraining> todo = SharedTraining.of(RunnerTest.cells(2));
        p.runStarted(todo, 2, 0, 2);
        TrainingListener slow = p.trainingStarted(0, todo.get(0));
        TrainingListener fast = p.trainingStarted(1, todo.get(1));
        // the same work per epoch, but one training runs at a hundredth of the other's speed
        for (int e = 1; e <= 9; e++) fast.epochFinished(new EpochRecord(e, 0.1, 0.1, 0.1, 0.01), 10);
        slow.epochFinished(new EpochRecord(1, 0.1, 0.1, 0.1, 100), 10);
        String last = bytes.toString(StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.endsWith("cell ETA 15m00s  run ETA 15m00s"), last);
    }

    @Test
    void theRunEtaWeighsWaitingTrainingsByTheirPredictedSecondsNotTheirMultiplyAdds() {
        // a wide and a narrow network: a hundred times apart in multiply-adds, the same predicted seconds
        Cell wide = cell("wide", "784:relu"), narrow = cell("narrow", "8:relu");
        ModelRates rates = new ModelRates(Map.of(wide.spec().speedKey(), new Estimator.Rate(60_000, 1e12),
                narrow.spec().speedKey(), new Estimator.Rate(60_000, 1e12)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, rates);
        List<SharedTraining> todo = SharedTraining.of(List.of(wide, narrow));
        p.runStarted(todo, 2, 0, 1);
        TrainingListener first = p.trainingStarted(0, todo.get(0));
        first.epochFinished(new EpochRecord(1, 0.1, 0.1, 0.1, 100), 2);
        String last = bytes.toString(StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElseThrow();
        // one worker: 100 s left of the first training, then the second, predicted as long as the whole first
        assertTrue(last.endsWith("cell ETA 1m40s  run ETA 5m00s"), last);
    }

    private static Cell cell(String name, String hidden) {
        ExperimentSpec spec = new ExperimentSpec(name, "s", null, Families.get(DenseAeFamily.class), DatasetId.MNIST, null, null, null, 8, 2,
                null, List.of(1), new LinkedHashMap<>(), null, null, null, null,
                new DenseAeFamily.Settings(List.of(hidden), null, null, null, null, null, null));
        return new Cell("r/" + name + "/mnist/seed=1", "r/" + name + "/mnist", "r", "r.yaml", spec, Map.of(), 1, "smoke", null, null, 2);
    }

    @Test
    void theCellEtaFollowsTheTrainingsMeanEpochAfterTheFirstNotItsLastEpochAlone() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, new ModelRates(Map.of()));
        List<SharedTraining> todo = SharedTraining.of(RunnerTest.cells(1));
        p.runStarted(todo, 1, 0, 1);
        TrainingListener t = p.trainingStarted(0, todo.get(0));
        // a slow first epoch (warm-up), then 40 s, 40 s and one of 100 s while something else ran
        double[] seconds = {90, 40, 40, 100};
        for (int e = 1; e <= seconds.length; e++) t.epochFinished(new EpochRecord(e, 0.1, 0.1, 0.1, seconds[e - 1]), 10);
        String last = bytes.toString(StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.contains("cell ETA 6m00s"), last); // 6 epochs left at (40 + 40 + 100) / 3 s
    }

    @Test
    void theFirstLineNamesTheWorkersAsTheyAre() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, new ModelRates(Map.of())).inWorkerProcesses();
        p.runStarted(SharedTraining.of(RunnerTest.cells(2)), 2, 0, 2);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).startsWith("aebench: 2 cells to run on 2 worker processes\n"), bytes.toString(StandardCharsets.UTF_8));
    }
}
