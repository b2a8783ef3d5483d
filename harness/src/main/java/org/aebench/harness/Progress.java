package org.aebench.harness;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.aebench.matrix.Cell;
import org.aebench.contract.ResultColumn;
import org.aebench.contract.Row;
import org.aebench.train.EpochRecord;
import org.aebench.train.TrainingListener;

/**
 * The terminal progress display: training i of N (with the cells it scores), epoch, losses, and
 * an ETA for the training and the run. The run's ETA weighs the remaining trainings by the seconds
 * the shipped rate table predicts for them (the estimator's and the sharding's numbers; multiply-adds
 * alone put a 32-filter conv denoiser at a quarter of a 64-filter one where it takes about half the time),
 * scaled by how this run's finished epochs compare with their prediction, divided among the
 * workers, and is never shorter than the ETA of a training still running (one long
 * training at the end keeps the run going after the others are done). With one worker on a terminal the batch line redraws in place; with several,
 * lines are prefixed by the training's number.
 */
public class Progress {
    private final PrintStream out;
    private final boolean interactive;
    private final ModelRates rates;
    private long runStart;
    private double totalWork;
    private double doneWork;
    private double trainedSeconds;
    private int count;
    private int workers = 1;
    private String workerNoun = "worker";
    /** Each training's predicted seconds on one worker, by its first cell. */
    private final java.util.Map<Cell, Double> predicted = new java.util.HashMap<>();
    /** Each running training's ETA at its last epoch. */
    private final java.util.Map<Integer, Double> runningEta = new java.util.HashMap<>();

    public Progress(PrintStream out, boolean interactive) {
        this(out, interactive, ModelRates.shipped());
    }

    Progress(PrintStream out, boolean interactive, ModelRates rates) {
        this.out = out;
        this.interactive = interactive;
        this.rates = rates;
    }

    /** Says "worker process" where the run trains in worker JVMs (--worker-processes). */
    Progress inWorkerProcesses() {
        workerNoun = "worker process";
        return this;
    }

    public static Progress quiet() {
        return new Progress(new PrintStream(PrintStream.nullOutputStream()), false, new ModelRates(java.util.Map.of()));
    }

    /** @param cells how many cells the trainings score */
    synchronized void runStarted(List<SharedTraining> todo, int cells, int skipped, int workers) {
        this.workers = workers;
        runStart = System.nanoTime();
        count = todo.size();
        predicted.clear();
        for (SharedTraining t : todo) predicted.put(t.first(), rates.seconds(t));
        totalWork = predicted.values().stream().mapToDouble(Double::doubleValue).sum();
        out.printf(Locale.ROOT, "aebench: %d cells to run%s%s on %d %s%n", cells,
                todo.size() < cells ? " (" + todo.size() + " trainings: some cells share one)" : "",
                skipped > 0 ? ", " + skipped + " already in the results file (skipped; --force reruns them)" : "",
                workers, workerNoun + (workers == 1 ? "" : workerNoun.endsWith("s") ? "es" : "s"));
    }

    synchronized TrainingListener trainingStarted(int index, SharedTraining training) {
        Cell cell = training.first();
        int others = training.cells().size() - 1;
        out.printf(Locale.ROOT, "[%d/%d] %s%s%s%n", index + 1, count, cell.id(),
                cell.epochs() > 0 ? " (" + cell.epochs() + " epochs)" : "",
                others > 0 ? ", also scored as " + others + " other cell" + (others == 1 ? "" : "s") + " that train the same network" : "");
        return new CellProgress(index, cell);
    }

    synchronized void cellFinished(int index, Cell cell, Row<ResultColumn> row) {
        runningEta.remove(index);
        String status = row.get(ResultColumn.STATUS);
        out.printf(Locale.ROOT, "%s    %s  %s  test MSE %s  %s%s%s%n", interactive && workers == 1 ? "\r" : "", tag(index), status,
                row.get(ResultColumn.TEST_MSE).isEmpty() ? "–" : String.format(Locale.ROOT, "%.5g", row.number(ResultColumn.TEST_MSE)),
                cell.id(),
                row.get(ResultColumn.TRAIN_SAMPLES_PER_SECOND).isEmpty() ? ""
                        : String.format(Locale.ROOT, "  %.0f train samples/s", row.number(ResultColumn.TRAIN_SAMPLES_PER_SECOND)),
                row.get(ResultColumn.REASON).isEmpty() ? "" : "  (" + row.get(ResultColumn.REASON) + ")");
    }

    synchronized void runFinished(Runner.Summary s, Path results) {
        out.printf(Locale.ROOT, "aebench: %d ok, %d collapsed, %d failed, %d skipped in %s -> %s%n",
                s.ok(), s.collapsed(), s.failed(), s.skipped(), duration((System.nanoTime() - runStart) / 1e9), results);
    }

    private String tag(int index) {
        return "[" + (index + 1) + "/" + count + "]";
    }

    private double runEta() {
        if (doneWork == 0 || trainedSeconds == 0) return Double.NaN;
        double byWork = trainedSeconds / doneWork * Math.max(0, totalWork - doneWork) / workers;
        return Math.max(byWork, runningEta.values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    /** Progress inside one cell; its callbacks come from the worker thread training it. */
    private final class CellProgress implements TrainingListener {
        private final int index;
        private final Cell cell;
        private long epochStart = System.nanoTime();
        private double laterEpochSeconds;
        private int laterEpochs;

        CellProgress(int index, Cell cell) {
            this.index = index;
            this.cell = cell;
        }

        @Override
        public void batchProgress(int epoch, double fraction) {
            if (!interactive || workers > 1) return;
            double elapsed = (System.nanoTime() - epochStart) / 1e9;
            double eta = fraction > 0 ? elapsed / fraction * (1 - fraction) : Double.NaN;
            synchronized (Progress.this) {
                out.printf(Locale.ROOT, "\r    epoch %d/%d  %3.0f%%  epoch ETA %s   ", epoch, cell.epochs(), 100 * Math.min(1, fraction), duration(eta));
            }
        }

        @Override
        public void epochFinished(EpochRecord e, int epochs) {
            epochStart = System.nanoTime();
            synchronized (Progress.this) {
                doneWork += predicted.getOrDefault(cell, 0.0) / epochs;
                trainedSeconds += e.seconds();
                double eta = perEpoch(e) * (epochs - e.epoch());
                runningEta.put(index, eta);
                out.printf(Locale.ROOT, "%s    %s epoch %d/%d  train loss %.5g  test loss %.5g  %.1f s  cell ETA %s  run ETA %s%n",
                        interactive && workers == 1 ? "\r" : "", tag(index), e.epoch(), epochs, e.trainLoss(), e.testLoss(), e.seconds(),
                        duration(eta), duration(runEta()));
            }
        }

        /**
         * The training's mean epoch so far, leaving out the first once there are others (it carries
         * the JIT's warm-up): one epoch alone swings with what else the machine runs (36 s to 73 s
         * in one shard beside a build), and so would an ETA made from it.
         */
        private double perEpoch(EpochRecord e) {
            if (e.epoch() == 1) return e.seconds();
            laterEpochSeconds += e.seconds();
            laterEpochs++;
            return laterEpochSeconds / laterEpochs;
        }
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) return "?";
        long s = Math.round(seconds);
        if (s < 60) return s + "s";
        if (s < 3600) return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
    }
}
