package org.aebench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aebench.contract.ResultColumn;
import org.aebench.contract.Status;
import org.aebench.train.CellOutcome;
import org.aebench.train.EpochRecord;
import org.aebench.train.Evaluation;
import org.aebench.train.TrainingListener;
import org.junit.jupiter.api.Test;

class WorkerProcessTest {
    private static final CellOutcome OUTCOME = new CellOutcome(Status.COLLAPSED, "output constant", "784-64-784",
            new Evaluation(0.1 + 0.2, Double.NaN, 1e-300, 0, true, 10_000, 0.5, Double.NEGATIVE_INFINITY),
            List.of(new EpochRecord(1, 0.30000000000000004, Double.NaN, 0.1, 2.5)), 0.123456789012345678, 3.25, 600_000, 60_000, 10_000,
            Map.of(ResultColumn.AVG_ACTIVATION, 1.2986848283942855E-8));

    @Test
    void anOutcomeCrossesThePipeBitForBitNaNAndInfinitiesIncluded() throws Exception {
        var executed = List.of(new CellExecutor.Executed(OUTCOME, Map.of("train-images", "ab12")));
        String json = WorkerProtocol.JSON.writeValueAsString(WorkerProtocol.Event.done(executed));
        var back = WorkerProtocol.JSON.readValue(json, WorkerProtocol.Event.class);
        assertEquals(executed, back.executed());
        assertEquals(Double.doubleToRawLongBits(0.1 + 0.2), Double.doubleToRawLongBits(back.executed().get(0).outcome().final_().mse()));
    }

    @Test
    void aMessageIsFoundAfterItsMarkEvenBehindWhatNativeCodePrinted() {
        assertEquals("{}", WorkerProtocol.message("oneDNN: partial line" + WorkerProtocol.MARK + "{}"));
        assertEquals(null, WorkerProtocol.message("SameDiff: graph built"));
    }

    @Test
    void epochsReachTheListenerAndTheOutcomesComeBack() throws Exception {
        String epoch = WorkerProtocol.JSON.writeValueAsString(WorkerProtocol.Event.epoch(new EpochRecord(1, 0.5, 0.4, 0.3, 2), 3));
        String done = WorkerProtocol.JSON.writeValueAsString(WorkerProtocol.Event.done(List.of(new CellExecutor.Executed(OUTCOME, Map.of()))));
        List<String> seen = new ArrayList<>();
        try (WorkerProcess w = fake("read request; echo 'chatter'; printf '%s\\n' \"$M$1\" \"$M$2\"; read next", epoch, done)) {
            var out = w.execute(RunnerTest.cells(1), new TrainingListener() {
                @Override
                public void epochFinished(EpochRecord e, int epochs) {
                    seen.add(e.epoch() + "/" + epochs);
                }
            });
            assertEquals(List.of("1/3"), seen);
            assertEquals(OUTCOME, out.get(0).outcome());
            assertTrue(w.alive(), "a worker stays up for the next training");
        }
    }

    @Test
    void aTrainingThatThrewInTheWorkerThrowsHereWithItsMessage() throws Exception {
        String failed = WorkerProtocol.JSON.writeValueAsString(WorkerProtocol.Event.failed(new IllegalStateException("loss is NaN at step 3")));
        try (WorkerProcess w = fake("read request; printf '%s\\n' \"$M$1\"; read next", failed)) {
            var e = assertThrows(WorkerProcess.WorkerFailure.class, () -> w.execute(RunnerTest.cells(1), TrainingListener.NONE));
            assertEquals("java.lang.IllegalStateException: loss is NaN at step 3", e.getMessage());
        }
    }

    @Test
    void aWorkerThatDiesMidTrainingIsAFailureNamingItsExitCode() throws Exception {
        try (WorkerProcess w = fake("read request; kill -9 $$")) {
            var e = assertThrows(WorkerProcess.WorkerFailure.class, () -> w.execute(RunnerTest.cells(1), TrainingListener.NONE));
            assertTrue(e.getMessage().contains("ended during the training (exit code 137: killed, perhaps for memory)"), e.getMessage());
            assertFalse(w.alive());
        }
    }

    @Test
    void theNativeLimitIsDividedAndEachWorkerKeepsItsOwnHeapWithinTheResidentLimit() {
        long heap = 4L << 30;
        assertEquals("-Dorg.bytedeco.javacpp.maxbytes=4096M", ProcessExecutor.shared("-Dorg.bytedeco.javacpp.maxbytes=8G", 2, heap));
        // 4G of heap each, and half of the other 10G: the runner's one JVM held one heap and both workers' native memory in 14G
        assertEquals("-Daebench.maxresident=9216M", ProcessExecutor.shared("-Daebench.maxresident=14G", 2, heap));
        assertEquals("-Daebench.maxresident=7509M", ProcessExecutor.shared("-Daebench.maxresident=14G", 3, heap));
        assertEquals("-Daebench.maxresident=1024M", ProcessExecutor.shared("-Daebench.maxresident=2G", 2, heap), "a limit below the heap is shared as it is");
        assertEquals("-Xmx4g", ProcessExecutor.shared("-Xmx4g", 2, heap));
        assertEquals("-Daebench.maxresident=lots", ProcessExecutor.shared("-Daebench.maxresident=lots", 2, heap));
    }

    /** A worker played by bash: M is the mark, the arguments are the answer lines. */
    private static WorkerProcess fake(String script, String... answers) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "M=$(printf '\\001aebench-worker '); " + script, "fake"));
        command.addAll(List.of(answers));
        return new WorkerProcess(command);
    }
}
