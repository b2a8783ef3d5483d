package org.aebench.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.aebench.matrix.Cell;
import org.aebench.train.TrainingListener;

/**
 * One worker JVM ({@code aebench worker}) and the runner's end of its pipes: it trains one
 * request at a time, tells its epochs as they finish, and stays up for the next request.
 */
final class WorkerProcess implements AutoCloseable {
    private final Process process;
    private final Writer requests;
    private final BufferedReader events;

    WorkerProcess(List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        // the worker's own error output (its warnings, a JVM crash) goes where the runner's goes
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        process = pb.start();
        requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        events = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * Trains once for {@code cells} in the worker. A training that threw there throws here with its
     * message; a worker that died (a native crash, the kernel's OOM killer) throws with its exit code.
     */
    List<CellExecutor.Executed> execute(List<Cell> cells, TrainingListener listener) {
        try {
            requests.write(WorkerProtocol.JSON.writeValueAsString(new WorkerProtocol.Request(cells.stream().map(Cell::id).toList())) + "\n");
            requests.flush();
            for (String line; (line = events.readLine()) != null; ) {
                String message = WorkerProtocol.message(line);
                if (message == null) continue;
                WorkerProtocol.Event e = WorkerProtocol.JSON.readValue(message, WorkerProtocol.Event.class);
                if (e.epoch() != null) listener.epochFinished(e.epoch(), e.epochs());
                else if (e.executed() != null) return e.executed();
                else throw new WorkerFailure(e.errorType() + ": " + e.error());
            }
        } catch (IOException e) {
            if (process.isAlive()) throw new UncheckedIOException("talking to worker process " + process.pid(), e);
        }
        throw new WorkerFailure("worker process " + process.pid() + " ended during the training" + exitCode());
    }

    private String exitCode() {
        try {
            return " (exit code " + process.waitFor() + (process.exitValue() == 137 ? ": killed, perhaps for memory" : "") + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Ends the worker: end of input lets it exit; one still busy after a few seconds is stopped. */
    @Override
    public void close() {
        try {
            requests.close();
        } catch (IOException ignored) {
            // it has already gone
        }
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    void destroy() {
        process.destroyForcibly();
    }

    /** A training that did not finish in its worker: the runner records its cells as failed with this. */
    static final class WorkerFailure extends RuntimeException {
        WorkerFailure(String message) {
            super(message);
        }
    }
}
