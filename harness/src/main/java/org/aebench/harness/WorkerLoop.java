package org.aebench.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.aebench.matrix.Cell;
import org.aebench.matrix.MatrixException;
import org.aebench.train.EpochRecord;
import org.aebench.train.TrainingListener;

/**
 * The worker's side of {@link WorkerProtocol} ({@code aebench worker}): reads one request a line,
 * trains it with the executor, answers with its epochs and its outcomes or the error, until the
 * runner closes the pipe. A runner that is gone (an answer cannot be written) ends the worker.
 */
final class WorkerLoop {
    private final Map<String, Cell> cells;
    private final CellExecutor executor;
    private final PrintStream answers;
    private final Runnable runnerGone;

    /** @param runnerGone what to do when an answer cannot be written (the worker exits) */
    WorkerLoop(Map<String, Cell> cells, CellExecutor executor, PrintStream answers, Runnable runnerGone) {
        this.cells = cells;
        this.executor = executor;
        this.answers = answers;
        this.runnerGone = runnerGone;
    }

    void serve(BufferedReader requests) throws IOException {
        for (String line; (line = requests.readLine()) != null; ) {
            if (!line.isBlank()) tell(answer(line));
        }
    }

    private WorkerProtocol.Event answer(String line) {
        try {
            var request = WorkerProtocol.JSON.readValue(line, WorkerProtocol.Request.class);
            List<Cell> todo = request.cellIds().stream().map(id -> {
                Cell c = cells.get(id);
                if (c == null) throw new MatrixException("no cell " + id + " in the worker's profile");
                return c;
            }).toList();
            return WorkerProtocol.Event.done(executor.execute(todo, new TrainingListener() {
                @Override
                public void epochFinished(EpochRecord e, int epochs) {
                    tell(WorkerProtocol.Event.epoch(e, epochs));
                }
            }));
        } catch (JsonProcessingException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return WorkerProtocol.Event.failed(e);
        }
    }

    private void tell(WorkerProtocol.Event event) {
        String json;
        try {
            json = WorkerProtocol.JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (answers) {
            answers.print(WorkerProtocol.MARK + json + "\n");
            answers.flush();
            if (answers.checkError()) runnerGone.run();
        }
    }
}
