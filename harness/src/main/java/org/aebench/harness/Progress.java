package org.aebench.harness;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.aebench.matrix.Cell;
import org.aebench.results.ResultColumn;
import org.aebench.results.Row;
import org.aebench.train.EpochRecord;
import org.aebench.train.TrainingListener;

/**
 * The terminal progress display: cell i of N, epoch, losses, and an ETA for the cell and the
 * run. The run's ETA weighs each remaining cell by its sample-passes (epochs x training images)
 * at the throughput measured so far in this run. On a terminal the batch line redraws in place.
 */
public class Progress implements TrainingListener {
    private final PrintStream out;
    private final boolean interactive;
    private long runStart;
    private long totalPasses;
    private long donePasses;
    private double trainedSeconds;
    private int count;
    private Cell current;
    private long cellStart;
    private long epochStart;

    public Progress(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    public static Progress quiet() {
        return new Progress(new PrintStream(PrintStream.nullOutputStream()), false);
    }

    /** Training sample-passes of a cell: epochs x training images (0 for closed-form fits, which take seconds). */
    static long passes(Cell c) {
        int images = c.trainLimit() != null ? c.trainLimit() : 60_000;
        return (long) c.epochs() * images;
    }

    void runStarted(List<Cell> todo, int skipped) {
        runStart = System.nanoTime();
        count = todo.size();
        totalPasses = todo.stream().mapToLong(Progress::passes).sum();
        out.printf(Locale.ROOT, "aebench: %d cells to run%s%n", todo.size(),
                skipped > 0 ? ", " + skipped + " already in the results file (skipped; --force reruns them)" : "");
    }

    void cellStarted(int index, Cell cell) {
        current = cell;
        cellStart = epochStart = System.nanoTime();
        out.printf(Locale.ROOT, "[%d/%d] %s%s%n", index + 1, count, cell.id(),
                cell.epochs() > 0 ? " (" + cell.epochs() + " epochs)" : "");
    }

    @Override
    public void batchProgress(int epoch, double fraction) {
        if (!interactive) return;
        double elapsed = (System.nanoTime() - epochStart) / 1e9;
        double eta = fraction > 0 ? elapsed / fraction * (1 - fraction) : Double.NaN;
        out.printf(Locale.ROOT, "\r    epoch %d/%d  %3.0f%%  epoch ETA %s   ", epoch, current.epochs(), 100 * fraction, duration(eta));
    }

    @Override
    public void epochFinished(EpochRecord e, int epochs) {
        epochStart = System.nanoTime();
        long images = current.trainLimit() != null ? current.trainLimit() : 60_000;
        donePasses += images;
        trainedSeconds += e.seconds();
        double cellEta = e.seconds() * (epochs - e.epoch());
        out.printf(Locale.ROOT, "%s    epoch %d/%d  train loss %.5g  test loss %.5g  %.1f s  cell ETA %s  run ETA %s%n",
                interactive ? "\r" : "", e.epoch(), epochs, e.trainLoss(), e.testLoss(), e.seconds(), duration(cellEta), duration(runEta()));
    }

    void cellFinished(int index, Cell cell, Row<ResultColumn> row) {
        double seconds = (System.nanoTime() - cellStart) / 1e9;
        String status = row.get(ResultColumn.STATUS);
        out.printf(Locale.ROOT, "    %s  test MSE %s  %.1f s%s%s%n", status,
                row.get(ResultColumn.TEST_MSE).isEmpty() ? "–" : String.format(Locale.ROOT, "%.5g", row.number(ResultColumn.TEST_MSE)),
                seconds,
                row.get(ResultColumn.TRAIN_SAMPLES_PER_SECOND).isEmpty() ? ""
                        : String.format(Locale.ROOT, "  %.0f train samples/s", row.number(ResultColumn.TRAIN_SAMPLES_PER_SECOND)),
                row.get(ResultColumn.REASON).isEmpty() ? "" : "  (" + row.get(ResultColumn.REASON) + ")");
    }

    void runFinished(Runner.Summary s, Path results) {
        out.printf(Locale.ROOT, "aebench: %d ok, %d collapsed, %d failed, %d skipped in %s -> %s%n",
                s.ok(), s.collapsed(), s.failed(), s.skipped(), duration((System.nanoTime() - runStart) / 1e9), results);
    }

    private double runEta() {
        if (donePasses == 0 || trainedSeconds == 0) return Double.NaN;
        return trainedSeconds / donePasses * Math.max(0, totalPasses - donePasses);
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) return "?";
        long s = Math.round(seconds);
        if (s < 60) return s + "s";
        if (s < 3600) return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
    }
}
