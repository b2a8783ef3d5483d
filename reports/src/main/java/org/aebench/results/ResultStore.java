package org.aebench.results;

import org.aebench.contract.Status;
import org.aebench.contract.ResultColumn;
import org.aebench.contract.CurveColumn;
import org.aebench.contract.Row;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The results of one profile: {@code results.csv} and {@code curves.csv} in one folder.
 * A cell counts as finished when its results row is there with status ok or collapsed; its curve
 * rows are written before that row, so a crash between the two leaves orphan curves, which
 * {@link #open} removes. Failed cells are dropped on open so that a rerun tries them again.
 */
public final class ResultStore implements AutoCloseable {
    public static final String RESULTS_FILE = "results.csv";
    public static final String CURVES_FILE = "curves.csv";
    /** The same cells trained by PyTorch ({@code aebench crosscheck}); optional. */
    public static final String CROSSCHECK_FILE = "crosscheck.csv";
    /** One row per run that trained something: predicted against measured wall time (RunColumn). */
    public static final String RUNS_FILE = "runs.csv";
    private static final String LOCK_FILE = ".lock";

    private final CsvTable<ResultColumn> results;
    private final CsvTable<CurveColumn> curves;
    private final Set<String> finished = new HashSet<>();
    private FileChannel lockChannel;
    private FileLock lock;

    private ResultStore(Path dir) {
        this.results = new CsvTable<>(dir.resolve(RESULTS_FILE), ResultColumn.class);
        this.curves = new CsvTable<>(dir.resolve(CURVES_FILE), CurveColumn.class);
    }

    /** Opens (creating when absent) the store, repairing what a crash may have left. */
    public static ResultStore open(Path dir, boolean fresh) throws IOException {
        ResultStore store = new ResultStore(dir);
        store.lock(dir);
        if (fresh) {
            store.results.rewrite(List.of());
            store.curves.rewrite(List.of());
            return store;
        }
        List<Row<ResultColumn>> rows = store.results.openForAppend();
        List<Row<ResultColumn>> kept = rows.stream().filter(r -> Status.parse(r.get(ResultColumn.STATUS)) != Status.FAILED).toList();
        if (kept.size() != rows.size()) store.results.rewrite(kept);
        for (Row<ResultColumn> r : kept) store.finished.add(key(r.get(ResultColumn.CELL_ID), r.get(ResultColumn.BACKEND)));

        List<Row<CurveColumn>> curveRows = store.curves.openForAppend();
        List<Row<CurveColumn>> keptCurves = curveRows.stream()
                .filter(r -> store.finished.contains(key(r.get(CurveColumn.CELL_ID), r.get(CurveColumn.BACKEND))))
                .toList();
        if (keptCurves.size() != curveRows.size()) store.curves.rewrite(keptCurves);
        return store;
    }

    public boolean isFinished(String cellId, String backend) {
        return finished.contains(key(cellId, backend));
    }

    /** Records one finished cell: curves first, then the row that marks it finished. */
    public synchronized void record(Row<ResultColumn> result, List<Row<CurveColumn>> curveRows) throws IOException {
        long curvesBefore = curves.size();
        curves.append(curveRows);
        try {
            results.append(List.of(result));
        } catch (IOException e) {
            curves.truncate(curvesBefore);  // no curve without its row
            throw e;
        }
        if (Status.parse(result.get(ResultColumn.STATUS)) != Status.FAILED) finished.add(key(result.get(ResultColumn.CELL_ID), result.get(ResultColumn.BACKEND)));
    }

    public List<Row<ResultColumn>> results() throws IOException { return results.read(); }

    public List<Row<CurveColumn>> curves() throws IOException { return curves.read(); }

    public Path resultsFile() { return results.file(); }

    /**
     * Two runs appending to one results folder would both run the unfinished cells and write
     * them twice; the OS releases this lock when the process dies, however it dies.
     */
    private void lock(Path dir) throws IOException {
        Files.createDirectories(dir);
        lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException("another aebench run is writing to " + dir + "; wait for it to finish or stop it first");
        }
    }

    /** Releases the folder for other runs. */
    @Override
    public void close() throws IOException {
        if (lock != null) lock.release();
        if (lockChannel != null) lockChannel.close();
    }

    private static String key(String cellId, String backend) { return cellId + "\u0000" + backend; }
}
