package org.aebench.train;

import org.aebench.data.Dataset;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.model.DenseProbes;
import org.aebench.noise.NoiseStream;
import org.aebench.model.Reconstructor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The noise of a cell: Gaussian noise on training inputs (a fresh draw for every batch), on test
 * inputs (one fixed draw for the whole run, so every epoch is scored on the same noisy images)
 * and on the code at test time (also one fixed draw). Pixels are clipped back to [0, 1]; the code
 * is not. Each kind draws from its own stream of the cell's seed.
 */
public final class Corruption {
    private final double trainSigma;
    private final NoiseStream trainNoise;
    private final INDArray testInput;
    private final double codeSigma;
    private final long codeSeed;
    private INDArray codeNoise;
    private final java.util.Map<Integer, NoisyBatch> noisyBatches = new java.util.HashMap<>();

    Corruption(ExperimentSpec spec, CellSeeds seeds, Dataset data) {
        this.trainSigma = spec.trainingNoise();
        this.trainNoise = trainSigma > 0 ? new NoiseStream(seeds.noise("train-input")) : null;
        double testSigma = spec.evaluationNoise();
        this.testInput = testSigma > 0 ? new NoiseStream(seeds.noise("test-input")).corrupt(data.testX(), testSigma) : data.testX();
        this.codeSigma = spec.scoring().codeNoiseLevel();
        this.codeSeed = seeds.noise("code");
    }

    /** The batch the model trains on: {@code clean}, or its corrupted copy in an array the next call overwrites. */
    INDArray trainingInput(INDArray clean) {
        if (trainSigma == 0) return clean;
        NoisyBatch batch = noisyBatches.computeIfAbsent(clean.rows(), rows -> new NoisyBatch(clean));
        trainNoise.corruptInto(clean, trainSigma, batch.scratch(), batch.array());
        return batch.array();
    }

    /** Where a training batch of one size is corrupted, reused from batch to batch (the next call overwrites it). */
    private record NoisyBatch(INDArray array, float[] scratch) {
        NoisyBatch(INDArray like) {
            this(Nd4j.create(like.dataType(), like.shape(), 'c'), new float[Math.toIntExact(like.length())]);
        }
    }

    /** True when the cell is scored on anything but the clean test images. */
    boolean noisy(INDArray cleanTest) {
        return testInput != cleanTest || codeSigma > 0;
    }

    /** True when the test input itself carries noise (not only the code). */
    boolean noisyInput(INDArray cleanTest) {
        return testInput != cleanTest;
    }

    /** Reconstructions of the (possibly noisy) test input, with the code noise when the cell has it. */
    Evaluator.Batches testReconstructions(Reconstructor model) {
        if (codeSigma > 0) {
            if (!(model instanceof DenseProbes probes)) throw new IllegalArgumentException("code_noise needs a dense autoencoder");
            if (codeNoise == null) {
                codeNoise = new NoiseStream(codeSeed).gaussian(codeSigma, testInput.rows(), probes.hiddenUnits());
            }
            return (start, end) -> probes.reconstructWithHiddenNoise(rows(testInput, start, end), rows(codeNoise, start, end));
        }
        return (start, end) -> model.reconstruct(rows(testInput, start, end));
    }

    /** Rows [start, end) of the test input as the model sees it. */
    INDArray testInputRows(long start, long end) {
        return rows(testInput, start, end);
    }

    static INDArray rows(INDArray x, long start, long end) {
        return x.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
    }
}
