package org.aebench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.aebench.matrix.Cell;
import org.aebench.train.EpochRecord;
import org.aebench.train.TrainingListener;
import org.junit.jupiter.api.Test;

class WorkerLoopTest {
    private final Cell cell = RunnerTest.cells(1).get(0);
    private final RunnerTest.FakeExecutor trained = new RunnerTest.FakeExecutor();

    /** Tells one epoch, then trains as the runner's fake does. */
    private final CellExecutor executor = new CellExecutor() {
        @Override
        public void prepare(List<Cell> cells) { }

        @Override
        public List<Executed> execute(List<Cell> cells, TrainingListener listener) {
            listener.epochFinished(new EpochRecord(1, 0.2, 0.1, 0.1, 1), 2);
            return trained.execute(cells, listener);
        }
    };

    @Test
    void eachRequestIsAnsweredWithItsEpochsAndOutcomesOrTheError() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String requests = "{\"cellIds\":[\"" + cell.id() + "\"]}\n\n{\"cellIds\":[\"r/none/mnist/seed=1\"]}\nnot json\n";
        new WorkerLoop(Map.of(cell.id(), cell), executor, new PrintStream(out, true, StandardCharsets.UTF_8), () -> { })
                .serve(new BufferedReader(new StringReader(requests)));
        List<WorkerProtocol.Event> events = out.toString(StandardCharsets.UTF_8).lines().map(WorkerProtocol::message)
                .map(m -> read(m)).toList();
        assertEquals(4, events.size(), events.toString());
        assertEquals(1, events.get(0).epoch().epoch());
        assertEquals(2, events.get(0).epochs());
        assertEquals(1, events.get(1).executed().size());
        assertEquals(List.of(cell.id()), trained.executed);
        assertTrue(events.get(2).error().contains("no cell r/none/mnist/seed=1"), events.get(2).error());
        assertNotNull(events.get(3).error(), "a request that is not JSON is answered with the error, not a dead worker");
    }

    @Test
    void aRunnerThatIsGoneEndsTheWorker() throws Exception {
        AtomicInteger gone = new AtomicInteger();
        OutputStream closed = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        new WorkerLoop(Map.of(cell.id(), cell), executor, new PrintStream(closed, true, StandardCharsets.UTF_8), gone::incrementAndGet)
                .serve(new BufferedReader(new StringReader("{\"cellIds\":[\"" + cell.id() + "\"]}\n")));
        assertTrue(gone.get() > 0);
    }

    private static WorkerProtocol.Event read(String message) {
        try {
            return WorkerProtocol.JSON.readValue(message, WorkerProtocol.Event.class);
        } catch (IOException e) {
            throw new AssertionError(message, e);
        }
    }
}
