package org.aebench.train;

import org.aebench.matrix.Loss;
import org.aebench.model.Reconstructor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Computes test metrics in batches; sums are kept in double so the order of batches cannot blur them. */
public final class Evaluator {
    static final int BATCH = 1000;

    private Evaluator() {}

    /** Reconstructs rows [start, end) of whatever input the caller evaluates. */
    public interface Batches {
        INDArray reconstruct(long start, long end);
    }

    public static Evaluation evaluate(Reconstructor model, INDArray inputs, INDArray targets, Loss loss) {
        return evaluate((start, end) -> model.reconstruct(inputs.get(NDArrayIndex.interval(start, end), NDArrayIndex.all())),
                targets, loss);
    }

    public static Evaluation evaluate(Batches model, INDArray targets, Loss loss) {
        long n = targets.rows();
        long features = targets.columns();
        double sq = 0, abs = 0, lossSum = 0, seconds = 0, snrSum = 0;
        boolean finite = true;
        INDArray sum = Nd4j.zeros(DataType.DOUBLE, 1, features);
        INDArray sumSq = Nd4j.zeros(DataType.DOUBLE, 1, features);
        for (long start = 0; start < n; start += BATCH) {
            long end = Math.min(n, start + BATCH);
            INDArray y = targets.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            long t0 = System.nanoTime();
            INDArray out = model.reconstruct(start, end);
            seconds += (System.nanoTime() - t0) / 1e9;
            // Squares and sums in double: libnd4j sums a float array in float, which lost 0.05% of
            // a batch's squared error (docs/fidelity.md, PCA-30).
            INDArray outD = out.castTo(DataType.DOUBLE);
            INDArray yD = y.castTo(DataType.DOUBLE);
            INDArray diff = outD.sub(yD);
            INDArray squared = diff.mul(diff);
            double batchSq = squared.sumNumber().doubleValue();
            if (!Double.isFinite(batchSq)) finite = false;
            sq += batchSq;
            abs += Transforms.abs(diff, false).sumNumber().doubleValue();
            double[] noisePower = squared.sum(1).toDoubleVector();
            double[] signalPower = yD.mul(yD).sum(1).toDoubleVector();
            // an exact reconstruction would be infinitely good; 1e-12 caps it at a finite, obviously perfect value
            for (int i = 0; i < noisePower.length; i++) snrSum += 10 * Math.log10(signalPower[i] / Math.max(noisePower[i], 1e-12));
            if (loss == Loss.BCE) lossSum += org.aebench.ops.CrossEntropy.sum(outD, yD);
            sum.addi(outD.sum(true, 0));
            sumSq.addi(outD.mul(outD).sum(true, 0));
        }
        double count = (double) n * features;
        double mse = sq / count;
        INDArray mean = sum.div(n);
        INDArray variance = sumSq.div(n).subi(mean.mul(mean));
        double maxStd = Math.sqrt(Math.max(0, variance.maxNumber().doubleValue()));
        double ownLoss = loss == Loss.BCE ? lossSum / count : mse;
        return new Evaluation(mse, abs / count, ownLoss, maxStd, finite, (int) n, seconds, snrSum / n);
    }
}
