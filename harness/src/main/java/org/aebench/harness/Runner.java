package org.aebench.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.aebench.matrix.Cell;
import org.aebench.results.ResultColumn;
import org.aebench.results.ResultStore;
import org.aebench.results.Row;

/**
 * Runs cells one after another and records each as soon as it finishes, so that a crash or kill
 * loses at most the cell in progress; a rerun skips what is recorded (unless {@code force}).
 */
public final class Runner {
    private final CellExecutor executor;
    private final Provenance provenance;
    private final Progress progress;

    public Runner(CellExecutor executor, Provenance provenance, Progress progress) {
        this.executor = executor;
        this.provenance = provenance;
        this.progress = progress;
    }

    /** Counts of what a run did. */
    public record Summary(int total, int skipped, int ok, int collapsed, int failed) {}

    public Summary run(List<Cell> cells, Path resultsDir, boolean force) throws IOException {
        try (ResultStore store = ResultStore.open(resultsDir, force)) {
            return run(cells, store);
        }
    }

    private Summary run(List<Cell> cells, ResultStore store) throws IOException {
        List<Cell> todo = cells.stream().filter(c -> !store.isFinished(c.id(), provenance.backend())).toList();
        int skipped = cells.size() - todo.size();
        executor.prepare(todo);
        progress.runStarted(todo, skipped);
        int ok = 0, collapsed = 0, failed = 0;
        for (int i = 0; i < todo.size(); i++) {
            Cell cell = todo.get(i);
            progress.cellStarted(i, cell);
            Instant started = Instant.now();
            Row<ResultColumn> row;
            CellExecutor.Executed done = null;
            try {
                done = executor.execute(cell, progress);
                row = ResultRows.result(cell, done.outcome(), provenance, done.sha256(), started, Instant.now());
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                row = ResultRows.crashed(cell, e, provenance, started);
            }
            store.record(row, done == null ? List.of() : ResultRows.curves(cell, done.outcome(), provenance));
            switch (row.get(ResultColumn.STATUS)) {
                case "ok" -> ok++;
                case "collapsed" -> collapsed++;
                default -> failed++;
            }
            progress.cellFinished(i, cell, row);
        }
        Summary s = new Summary(cells.size(), skipped, ok, collapsed, failed);
        progress.runFinished(s, store.resultsFile());
        return s;
    }
}
