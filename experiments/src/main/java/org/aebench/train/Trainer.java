package org.aebench.train;

import org.aebench.contract.Status;
import org.aebench.contract.ResultColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.aebench.data.Dataset;
import org.aebench.matrix.Cell;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.matrix.Loss;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.aebench.model.ClosedFormModel;
import org.aebench.models.DigitClassifier;
import org.aebench.model.GradientStep;
import org.aebench.model.Reconstructor;
import org.aebench.model.TrainableModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The one training loop. Each epoch shuffles the training images with a permutation drawn from
 * the cell's seed, gathers them once into a contiguous array, and feeds consecutive batches to
 * the model; after each epoch the test set is evaluated (outside the timed region).
 */
public final class Trainer {
    /**
     * Output spread below which a network counts as collapsed: 1e-3 on [0,1] pixels is a quarter of
     * one grey level, i.e. the output does not visibly depend on the input.
     */
    public static final double COLLAPSE_STD = 1e-3;

    private Trainer() {}

    public static CellOutcome run(Cell cell, Dataset data, TrainingListener listener) {
        return run(List.of(cell), data, listener, c -> Artifacts.none(), id -> {
            throw new IllegalStateException("this run has no data set " + id + " for probes");
        }).get(0);
    }

    /**
     * Trains one model for cells with one {@link Cell#trainingKey} and scores it for each of them,
     * after every epoch and at the end, exactly as each would be scored had it trained alone:
     * training draws nothing from how a cell is scored, and scoring changes no model state.
     *
     * @param artifacts where each cell's pictures go
     * @param otherData the test images of another data set, for probes that show the model images
     *                  unlike its training data (non-digit probe)
     * @return one outcome per cell, in order
     */
    public static List<CellOutcome> run(List<Cell> cells, Dataset data, TrainingListener listener, Function<Cell, Artifacts> artifacts,
                                        Function<org.aebench.data.DatasetId, Dataset> otherData) {
        Cell first = cells.get(0);
        for (Cell c : cells) {
            if (!c.trainingKey().equals(first.trainingKey())) throw new IllegalArgumentException(c.id() + " does not train what " + first.id() + " trains");
        }
        ExperimentSpec spec = first.spec();
        CellSeeds seeds = new CellSeeds(first.seed());
        Reconstructor model = CellModel.of(first, data.features());
        Loss loss = spec.loss() == null ? Loss.MSE : spec.loss();
        List<Scoring> scorings = cells.stream().map(c -> new Scoring(c, model, data, artifacts.apply(c))).toList();
        double trainSeconds = 0;
        long passes = 0;
        double lastTrainLoss = Double.NaN;

        if (model instanceof ClosedFormModel closedForm) {
            long t0 = System.nanoTime();
            closedForm.fit(data.trainX());
            trainSeconds = (System.nanoTime() - t0) / 1e9;
            passes = data.trainCount();
        } else if (model instanceof TrainableModel trainable) {
            int n = data.trainCount();
            for (Scoring s : scorings) s.artifacts.trainingStarts(data, s.corruption);
            // every cell's training noise is the same stream (same seed and sigma): the first cell's
            Corruption training = scorings.get(0).corruption;
            for (int epoch = 1; epoch <= first.epochs(); epoch++) {
                int e = epoch;
                Pass pass = epoch(trainable, data.trainX(), null, spec.batchSize(), seeds.shuffle(epoch),
                        training::trainingInput, fraction -> listener.batchProgress(e, fraction));
                if (pass.failure() != null) {
                    String reason = pass.failure() + " in epoch " + epoch;
                    return scorings.stream().map(s -> failed(model, reason, s.curve, data)).toList();
                }
                trainSeconds += pass.seconds();
                passes += n;
                lastTrainLoss = pass.meanLoss();
                for (Scoring s : scorings) {
                    s.lastTest = Evaluator.evaluate(s.testRun, data.testX(), loss);
                    s.curve.add(new EpochRecord(epoch, lastTrainLoss, s.lastTest.loss(), s.lastTest.mse(), pass.seconds()));
                    s.artifacts.epochFinished(model, s.corruption, epoch, first.epochs());
                }
                listener.epochFinished(scorings.get(0).curve.get(epoch - 1), first.epochs());
            }
        } else {
            throw new IllegalStateException(model.getClass() + " is neither trainable nor closed-form");
        }
        List<CellOutcome> outcomes = new ArrayList<>();
        for (Scoring s : scorings) {
            try {
                outcomes.add(s.finish(data, loss, lastTrainLoss, trainSeconds, passes, listener, otherData));
            } catch (RuntimeException e) {
                DiskFull.rethrow(e);  // the folder's fault: the run stops and the cell stays unfinished
                // one cell's probe failing says nothing about the others scored on the same model
                outcomes.add(failed(model, "scoring failed: " + e, s.curve, data));
            }
        }
        return outcomes;
    }

    /** How one cell scores the shared model: its test and code noise, its curve, its pictures and probes. */
    private static final class Scoring {
        final Cell cell;
        final Reconstructor model;
        final Corruption corruption;
        final Evaluator.Batches testRun;
        final Artifacts artifacts;
        final List<EpochRecord> curve = new ArrayList<>();
        Evaluation lastTest;

        Scoring(Cell cell, Reconstructor model, Dataset data, Artifacts artifacts) {
            this.cell = cell;
            this.model = model;
            this.corruption = new Corruption(cell.spec(), new CellSeeds(cell.seed()), data);
            this.testRun = corruption.testReconstructions(model);
            this.artifacts = artifacts;
        }

        CellOutcome finish(Dataset data, Loss loss, double lastTrainLoss, double trainSeconds, long passes, TrainingListener listener,
                           Function<org.aebench.data.DatasetId, Dataset> otherData) {
            ExperimentSpec spec = cell.spec();
            CellSeeds seeds = new CellSeeds(cell.seed());
            // the last epoch's evaluation is of the final model already
            Evaluation eval = lastTest != null ? lastTest : Evaluator.evaluate(testRun, data.testX(), loss);
            Classification verdict = classify(eval, spec.family().trained());
            ProbeData probeData = new ProbeData(data, spec.scoring().nonDigitProbe() == null ? null : otherData.apply(spec.scoring().nonDigitProbe()), seeds);
            if (eval.finite()) artifacts.write(model, data, corruption, probeData);
            Map<ResultColumn, Double> extra = new LinkedHashMap<>(Probes.measure(model, spec, data, eval, corruption, loss, probeData));
            if (spec.scoring().classifierEpochs() != null && eval.finite()) {
                extra.putAll(DownstreamClassifier.measure(model, data, seeds, spec.scoring().classifierEpochs(), listener));
            }
            return new CellOutcome(verdict.status(), verdict.reason(), model.describe() + (spec.scoring().classifierEpochs() != null
                    ? "; downstream " + DigitClassifier.DESCRIPTION + ", " + spec.scoring().classifierEpochs() + " epochs" : ""),
                    eval, curve, lastTrainLoss, trainSeconds, passes, data.trainCount(), data.testCount(), extra);
        }
    }

    /**
     * Training steps as {@link #run} takes them (batch size, input noise), on consecutive batches of
     * {@code data}'s training images, wrapping around: what the run's estimate times.
     */
    public static Runnable steps(Cell cell, Dataset data, TrainableModel model) {
        Corruption corruption = new Corruption(cell.spec(), new CellSeeds(cell.seed()), data);
        int batch = cell.spec().batchSize();
        int[] next = {0};
        return () -> {
            if (next[0] + batch > data.trainCount()) next[0] = 0;
            INDArray x = Corruption.rows(data.trainX(), next[0], next[0] + batch);
            next[0] += batch;
            model.fitBatch(corruption.trainingInput(x), x);
        };
    }

    /** One epoch's outcome: the mean training loss and the wall time, or why it failed. */
    record Pass(double meanLoss, double seconds, String failure) {}

    /**
     * One epoch of the one training loop: the rows of {@code inputs} (and {@code targets}; null =
     * the inputs are their own targets) in an order drawn from {@code shuffleSeed}, gathered once
     * into contiguous arrays, fed in consecutive batches; {@code corrupt} turns a clean batch into
     * the model's input.
     */
    static Pass epoch(GradientStep model, INDArray inputs, INDArray targets, int batch, long shuffleSeed,
                      UnaryOperator<INDArray> corrupt, java.util.function.DoubleConsumer progress) {
        int n = (int) inputs.rows();
        int[] order = permutation(n, shuffleSeed);
        INDArray x = Nd4j.pullRows(inputs, 1, order);
        INDArray y = targets == null ? x : Nd4j.pullRows(targets, 1, order);
        double lossSum = 0;
        int batches = 0;
        long t0 = System.nanoTime();
        for (int start = 0; start < n; start += batch) {
            int end = Math.min(n, start + batch);
            INDArray xb = x.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            INDArray yb = targets == null ? xb : y.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            double l = model.fitBatch(corrupt.apply(xb), yb);
            if (!Double.isFinite(l)) return new Pass(Double.NaN, (System.nanoTime() - t0) / 1e9, "training loss became " + l);
            lossSum += l;
            batches++;
            if (batches % 50 == 0) progress.accept((double) end / n);
        }
        return new Pass(lossSum / batches, (System.nanoTime() - t0) / 1e9, null);
    }

    /**
     * ok, collapsed or failed, with the reason. Only trained families can collapse: the trivial
     * baselines are constant by design.
     */
    static Classification classify(Evaluation eval, boolean trained) {
        if (!eval.finite()) return new Classification(Status.FAILED, "the output contains NaN or infinite values");
        if (trained && eval.outputStd() < COLLAPSE_STD) {
            return new Classification(Status.COLLAPSED, String.format(java.util.Locale.ROOT,
                    "output does not depend on the input (largest per-pixel std %.2e < %.0e)", eval.outputStd(), COLLAPSE_STD));
        }
        return new Classification(Status.OK, "");
    }

    /** A status with the sentence that explains it (empty when ok). */
    record Classification(Status status, String reason) {}

    private static CellOutcome failed(Reconstructor model, String reason, List<EpochRecord> curve, Dataset data) {
        return new CellOutcome(Status.FAILED, reason, model.describe(), null, curve, Double.NaN, Double.NaN, 0,
                data.trainCount(), data.testCount(), java.util.Map.of());
    }

    /** Fisher-Yates with a java.util.Random seeded from the cell: the same permutation on every JVM. */
    static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        Random rnd = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
