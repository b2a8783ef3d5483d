package org.aebench.harness;

import org.aebench.provenance.Provenance;
import org.aebench.contract.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.aebench.matrix.Cell;
import org.aebench.contract.CurveColumn;
import org.aebench.contract.ResultColumn;
import org.aebench.results.ResultStore;
import org.aebench.contract.Row;
import org.aebench.train.TrainingListener;

/**
 * Runs cells, several at once when {@code workers > 1}, and records each as soon as it finishes,
 * so that a crash or kill loses at most the cells in progress; a rerun skips what is recorded
 * (unless {@code force}). Cells that train the same network share one training
 * ({@link SharedTraining}). Each worker is a thread training one network at a time with the
 * process's single native thread, so a cell computes exactly what it computes in a serial run.
 */
public final class Runner {
    private final CellExecutor executor;
    private final Provenance provenance;
    private final Progress progress;
    private final int workers;

    public Runner(CellExecutor executor, Provenance provenance, Progress progress) {
        this(executor, provenance, progress, 1);
    }

    public Runner(CellExecutor executor, Provenance provenance, Progress progress, int workers) {
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        this.executor = executor;
        this.provenance = provenance;
        this.progress = progress;
        this.workers = workers;
    }

    /** Counts of what a run did; {@code ran} are the cells it trained or scored (not those skipped), in {@code workers} at once. */
    public record Summary(int total, int skipped, int ok, int collapsed, int failed, List<Cell> ran, int trainings, int workers) {}

    public Summary run(List<Cell> cells, Path resultsDir, boolean force) throws IOException {
        try (ResultStore store = ResultStore.open(resultsDir, force)) {
            return run(cells, store);
        }
    }

    private Summary run(List<Cell> cells, ResultStore store) throws IOException {
        List<Cell> unfinished = cells.stream().filter(c -> !store.isFinished(c.id(), provenance.backend())).toList();
        int skipped = cells.size() - unfinished.size();
        // Longest first, so no worker idles long at the end; graphs before all (see CellCost.ORDER).
        List<SharedTraining> todo = SharedTraining.of(unfinished).stream().sorted(SharedTraining.ORDER).toList();
        CellCost.refuseTooLarge(unfinished, org.aebench.graph.NativeGarbage.limit());
        executor.prepare(unfinished);
        int threads = Math.min(workers, Math.max(1, todo.size()));
        progress.runStarted(todo, unfinished.size(), skipped, threads);
        AtomicInteger ok = new AtomicInteger(), collapsed = new AtomicInteger(), failed = new AtomicInteger();
        if (threads == 1) {
            try {
                for (int i = 0; i < todo.size(); i++) runOne(i, todo.get(i), store, ok, collapsed, failed);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "aebench-worker");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < todo.size(); i++) {
                    int index = i;
                    futures.add(pool.submit(() -> runOne(index, todo.get(index), store, ok, collapsed, failed)));
                }
                for (Future<?> f : futures) await(f);
            } finally {
                pool.shutdownNow();
            }
        }
        Summary s = new Summary(cells.size(), skipped, ok.get(), collapsed.get(), failed.get(), unfinished, todo.size(), threads);
        progress.runFinished(s, store.resultsFile());
        return s;
    }

    /** Trains once for the cells of {@code training} and records a row (and curve) for each, as soon as they are done. */
    private void runOne(int index, SharedTraining training, ResultStore store, AtomicInteger ok, AtomicInteger collapsed, AtomicInteger failed) {
        TrainingListener listener = progress.trainingStarted(index, training);
        Instant started = Instant.now();
        List<Cell> cells = training.cells();
        List<Row<ResultColumn>> rows = new ArrayList<>();
        List<List<Row<CurveColumn>>> curves = new ArrayList<>();
        try {
            List<CellExecutor.Executed> done = executor.execute(cells, listener);
            Instant finished = Instant.now();
            for (int i = 0; i < cells.size(); i++) {
                rows.add(ResultRows.result(cells.get(i), done.get(i).outcome(), provenance, done.get(i).sha256(), training.first(), started, finished));
                curves.add(ResultRows.curves(cells.get(i), done.get(i).outcome(), provenance));
            }
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // a full disk is the folder's fault, not the cell's: stop the run, keep the cell unfinished
            IOException diskFull = org.aebench.train.DiskFull.find(e);
            if (diskFull != null) throw new UncheckedIOException(new java.nio.file.FileSystemException(
                    store.resultsFile().getParent().toString(), null, diskFull.getMessage()));
            rows.clear();
            curves.clear();
            for (Cell c : cells) {
                rows.add(ResultRows.crashed(c, e, provenance, training.first(), started));
                curves.add(List.of());
            }
        }
        for (int i = 0; i < cells.size(); i++) {
            Row<ResultColumn> row = rows.get(i);
            try {
                store.record(row, curves.get(i));
            } catch (IOException e) {
                throw new UncheckedIOException(org.aebench.train.DiskFull.is(e) && !(e instanceof java.nio.file.FileSystemException)
                        ? new java.nio.file.FileSystemException(store.resultsFile().toString(), null, e.getMessage()) : e);
            }
            switch (Status.parse(row.get(ResultColumn.STATUS))) {
                case OK -> ok.incrementAndGet();
                case COLLAPSED -> collapsed.incrementAndGet();
                case FAILED -> failed.incrementAndGet();
            }
            progress.cellFinished(index, cells.get(i), row);
        }
    }

    /** Waits for a worker's cell; what killed it (an Error, a failed write) ends the run as it would a serial one. */
    private static void await(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a cell", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) throw u.getCause();
            if (cause instanceof Error err) throw err;
            if (cause instanceof RuntimeException re) throw re;
            throw new IOException(cause);
        }
    }
}
