package org.aebench.harness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
}
