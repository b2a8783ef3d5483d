package org.aebench.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.aebench.data.Dataset;
import org.aebench.matrix.Cell;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.matrix.Loss;
import org.aebench.models.ClosedFormModel;
import org.aebench.models.ModelFactory;
import org.aebench.models.Reconstructor;
import org.aebench.models.TrainableModel;
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
        return run(cell, data, listener, Artifacts.none());
    }

    public static CellOutcome run(Cell cell, Dataset data, TrainingListener listener, Artifacts artifacts) {
        ExperimentSpec spec = cell.spec();
        CellSeeds seeds = new CellSeeds(cell.seed());
        Nd4j.getRandom().setSeed(seeds.weights());
        Reconstructor model = ModelFactory.create(spec, data.features(), seeds.weights());
        Loss loss = spec.loss() == null ? Loss.MSE : spec.loss();
        List<EpochRecord> curve = new ArrayList<>();
        double trainSeconds = 0;
        long passes = 0;
        double lastTrainLoss = Double.NaN;
        Evaluation lastTest = null;

        Corruption corruption = new Corruption(spec, seeds, data);
        Evaluator.Batches testRun = corruption.testReconstructions(model);
        if (model instanceof ClosedFormModel closedForm) {
            long t0 = System.nanoTime();
            closedForm.fit(data.trainX());
            trainSeconds = (System.nanoTime() - t0) / 1e9;
            passes = data.trainCount();
        } else if (model instanceof TrainableModel trainable) {
            int n = data.trainCount();
            int batch = spec.batchSize();
            for (int epoch = 1; epoch <= cell.epochs(); epoch++) {
                INDArray shuffled = Nd4j.pullRows(data.trainX(), 1, permutation(n, seeds.shuffle(epoch)));
                double lossSum = 0;
                int batches = 0;
                long t0 = System.nanoTime();
                for (int start = 0; start < n; start += batch) {
                    INDArray x = shuffled.get(NDArrayIndex.interval(start, Math.min(n, start + batch)), NDArrayIndex.all());
                    double l = trainable.fitBatch(corruption.trainingInput(x), x);
                    if (!Double.isFinite(l)) {
                        return failed(model, "training loss became " + l + " in epoch " + epoch, curve, data);
                    }
                    lossSum += l;
                    batches++;
                    if (batches % 50 == 0) listener.batchProgress(epoch, (double) (start + batch) / n);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                trainSeconds += seconds;
                passes += n;
                lastTrainLoss = lossSum / batches;
                lastTest = Evaluator.evaluate(testRun, data.testX(), loss);
                EpochRecord record = new EpochRecord(epoch, lastTrainLoss, lastTest.loss(), lastTest.mse(), seconds);
                curve.add(record);
                listener.epochFinished(record, cell.epochs());
            }
        } else {
            throw new IllegalStateException(model.getClass() + " is neither trainable nor closed-form");
        }

        // the last epoch's evaluation is of the final model already
        Evaluation eval = lastTest != null ? lastTest : Evaluator.evaluate(testRun, data.testX(), loss);
        String[] verdict = classify(eval, spec.family().trained());
        if (eval.finite()) artifacts.write(model, data, corruption);
        String status = verdict[0];
        String reason = verdict[1];
        return new CellOutcome(status, reason, model.describe(), eval, curve, lastTrainLoss, trainSeconds, passes,
                data.trainCount(), data.testCount(), Probes.measure(model, spec, data, eval, corruption, loss));
    }

    /**
     * ok, collapsed or failed, with the reason. Only trained families can collapse: the trivial
     * baselines are constant by design.
     */
    static String[] classify(Evaluation eval, boolean trained) {
        if (!eval.finite()) return new String[] {"failed", "the output contains NaN or infinite values"};
        if (trained && eval.outputStd() < COLLAPSE_STD) {
            return new String[] {"collapsed", String.format(java.util.Locale.ROOT,
                    "output does not depend on the input (largest per-pixel std %.2e < %.0e)", eval.outputStd(), COLLAPSE_STD)};
        }
        return new String[] {"ok", ""};
    }

    private static CellOutcome failed(Reconstructor model, String reason, List<EpochRecord> curve, Dataset data) {
        return new CellOutcome("failed", reason, model.describe(), null, curve, Double.NaN, Double.NaN, 0,
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
