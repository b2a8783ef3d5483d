package org.aebench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aebench.data.Dataset;
import org.aebench.families.ConvAeFamily;
import org.aebench.families.MeanImageFamily;
import org.aebench.families.NoSettings;
import org.aebench.families.ZeroImageFamily;
import org.aebench.matrix.Families;
import org.aebench.matrix.Loss;
import org.aebench.matrix.Optimizer;
import org.aebench.contract.Status;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static final Dataset DATA = Synthetic.dataset(512, 128, 42);

    @Test
    void sameCellSameSeedGivesBitIdenticalMetrics() {
        var spec = Synthetic.dense(List.of("64:relu", "16:identity", "64:relu", "784:sigmoid"), Loss.MSE, Optimizer.ADAM);
        CellOutcome a = Trainer.run(Synthetic.cell(spec, 3, 2), DATA, TrainingListener.NONE);
        CellOutcome b = Trainer.run(Synthetic.cell(spec, 3, 2), DATA, TrainingListener.NONE);
        assertEquals(Status.OK, a.status(), a.reason());
        assertEquals(a.final_().mse(), b.final_().mse(), 0.0);
        assertEquals(a.final_().mae(), b.final_().mae(), 0.0);
        assertEquals(a.epochs().get(0).trainLoss(), b.epochs().get(0).trainLoss(), 0.0);
        CellOutcome other = Trainer.run(Synthetic.cell(spec, 4, 2), DATA, TrainingListener.NONE);
        assertNotEquals(a.final_().mse(), other.final_().mse(), "another seed must give other weights and order");
    }

    @Test
    void cellsSharingATrainingAreScoredAsIfEachHadTrainedAlone() {
        var spec = Synthetic.dense(List.of("64:relu", "16:identity", "64:relu", "784:sigmoid"), Loss.MSE, Optimizer.ADAM);
        var plain = Synthetic.cell(spec, 5, 2);
        var noisyTest = Synthetic.cell(Synthetic.with(Synthetic.with(spec, "name", "noisy"), "testNoise", 0.3), 5, 2);
        var noisyCode = Synthetic.cell(Synthetic.with(Synthetic.with(spec, "name", "code"), "codeNoise", 0.5), 5, 2);
        List<org.aebench.matrix.Cell> cells = List.of(plain, noisyTest, noisyCode);
        List<CellOutcome> shared = Trainer.run(cells, DATA, TrainingListener.NONE, c -> Artifacts.none(), id -> {
            throw new IllegalStateException();
        });
        for (int i = 0; i < cells.size(); i++) {
            CellOutcome alone = Trainer.run(cells.get(i), DATA, TrainingListener.NONE);
            CellOutcome s = shared.get(i);
            assertEquals(alone.final_().mse(), s.final_().mse(), 0.0, cells.get(i).id());
            assertEquals(alone.extra(), s.extra(), cells.get(i).id());
            for (int e = 0; e < 2; e++) {
                assertEquals(alone.epochs().get(e).trainLoss(), s.epochs().get(e).trainLoss(), 0.0);
                assertEquals(alone.epochs().get(e).testMse(), s.epochs().get(e).testMse(), 0.0);
            }
        }
        assertTrue(shared.get(1).final_().mse() > shared.get(0).final_().mse(), "each cell keeps its own scoring: noisy inputs score worse");
        assertNotEquals(shared.get(0).final_().mse(), shared.get(2).final_().mse());

        // a probe that fails fails its own cell only
        var probed = Synthetic.cell(Synthetic.with(Synthetic.with(spec, "name", "probed"), "nonDigitProbe",
                org.aebench.data.DatasetId.FASHION_MNIST), 5, 2);
        List<CellOutcome> withFailure = Trainer.run(List.of(plain, probed), DATA, TrainingListener.NONE, c -> Artifacts.none(), id -> {
            throw new IllegalStateException("no " + id + " here");
        });
        assertEquals(Status.OK, withFailure.get(0).status());
        assertEquals(shared.get(0).final_().mse(), withFailure.get(0).final_().mse(), 0.0);
        assertEquals(Status.FAILED, withFailure.get(1).status());
        assertTrue(withFailure.get(1).reason().contains("no fashion-mnist here"), withFailure.get(1).reason());
        assertEquals(2, withFailure.get(1).epochs().size(), "its curve is kept");

        var noisyTraining = Synthetic.cell(Synthetic.with(spec, "inputNoise", 0.3), 5, 2);
        assertThrows(IllegalArgumentException.class, () -> Trainer.run(List.of(plain, noisyTraining), DATA, TrainingListener.NONE,
                c -> Artifacts.none(), id -> null), "noise on the training inputs is another training");
    }

    @Test
    void convAutoencoderTrainedTwiceWithOneSeedEndsWithIdenticalParameters() {
        var spec = new org.aebench.matrix.ExperimentSpec("conv", "t", null, Families.get(ConvAeFamily.class), org.aebench.data.DatasetId.MNIST,
                Loss.MSE, Optimizer.ADAM, 1e-3, 32, 1, org.aebench.matrix.WeightInit.PYTORCH_UNIFORM, List.of(1), new java.util.LinkedHashMap<>(), null,
                null, null, null, new ConvAeFamily.Settings(org.aebench.matrix.ConvVariant.DECONV));
        var small = Synthetic.dataset(128, 32, 3);
        var a = (org.aebench.models.ConvAutoencoder) spec.build(784, 77, 78);
        var b = (org.aebench.models.ConvAutoencoder) spec.build(784, 77, 78);
        for (int i = 0; i < 4; i++) {
            var x = small.trainX().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(i * 32, i * 32 + 32), org.nd4j.linalg.indexing.NDArrayIndex.all());
            assertEquals(a.fitBatch(x, x), b.fitBatch(x, x), 0.0);
        }
        assertEquals(a.parameters(), b.parameters());
        assertEquals(a.reconstruct(small.testX()), b.reconstruct(small.testX()));
    }

    /** The estimate times these steps: the batches the runner takes, with the cell's input noise on the inputs only. */
    @Test
    void stepsTakeConsecutiveBatchesWithTheCellsInputNoise() {
        var clean = Synthetic.dense(List.of("16:relu", "784:sigmoid"), Loss.MSE, Optimizer.ADAM);
        var noisy = Synthetic.with(clean, "inputNoise", 0.3);
        List<org.nd4j.linalg.api.ndarray.INDArray[]> seen = new java.util.ArrayList<>();
        org.aebench.model.TrainableModel recorder = new org.aebench.model.TrainableModel() {
            @Override public double fitBatch(org.nd4j.linalg.api.ndarray.INDArray input, org.nd4j.linalg.api.ndarray.INDArray target) {
                seen.add(new org.nd4j.linalg.api.ndarray.INDArray[] {input.dup(), target.dup()});
                return 0;
            }
            @Override public org.nd4j.linalg.api.ndarray.INDArray reconstruct(org.nd4j.linalg.api.ndarray.INDArray batch) { return batch; }
            @Override public String describe() { return "records its batches"; }
        };
        Runnable step = Trainer.steps(Synthetic.cell(noisy, 1, 1), DATA, recorder);
        for (int i = 0; i < 17; i++) step.run();  // 512 images in batches of 32: the 17th wraps around
        var first = DATA.trainX().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 32), org.nd4j.linalg.indexing.NDArrayIndex.all());
        var second = DATA.trainX().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(32, 64), org.nd4j.linalg.indexing.NDArrayIndex.all());
        assertEquals(first, seen.get(0)[1]);
        assertEquals(second, seen.get(1)[1]);
        assertEquals(first, seen.get(16)[1]);
        double noise = seen.get(0)[0].sub(first).stdNumber().doubleValue();
        assertTrue(noise > 0.1 && noise < 0.3, "input noise of sigma 0.3, clipped to [0, 1]: std " + noise);
        assertNotEquals(seen.get(0)[0], seen.get(16)[0], "fresh noise for every batch");

        seen.clear();
        Trainer.steps(Synthetic.cell(clean, 1, 1), DATA, recorder).run();
        assertEquals(seen.get(0)[1], seen.get(0)[0], "no noise: the inputs are the targets");
    }

    @Test
    void denseAutoencoderLearnsAndBeatsTheMeanImage() {
        var spec = Synthetic.dense(List.of("128:relu", "784:sigmoid"), Loss.MSE, Optimizer.ADAM);
        CellOutcome ae = Trainer.run(Synthetic.cell(spec, 1, 8), DATA, TrainingListener.NONE);
        CellOutcome mean = Trainer.run(Synthetic.cell(Synthetic.closedForm(Families.get(MeanImageFamily.class), new NoSettings()), 1, 0), DATA, TrainingListener.NONE);
        assertEquals(8, ae.epochs().size());
        assertTrue(ae.epochs().get(7).trainLoss() < ae.epochs().get(0).trainLoss());
        assertTrue(ae.final_().mse() < 0.5 * mean.final_().mse(), ae.final_().mse() + " vs mean image " + mean.final_().mse());
        assertEquals(ae.final_().mse(), ae.epochs().get(7).testMse(), 1e-12);
        assertEquals(512L * 8, ae.trainSamplePasses());
    }

    @Test
    void bceWithAdadeltaTrains() {
        var spec = Synthetic.dense(List.of("32:relu", "784:sigmoid"), Loss.BCE, Optimizer.ADADELTA);
        CellOutcome o = Trainer.run(Synthetic.cell(spec, 1, 4), DATA, TrainingListener.NONE);
        assertEquals(Status.OK, o.status(), o.reason());
        assertTrue(o.epochs().get(3).testLoss() < o.epochs().get(0).testLoss(), o.epochs().toString());
        // the reported loss is a per-pixel mean (Keras's scale), not DL4J's per-image sum
        assertTrue(o.finalTrainLoss() < 1.0, "per-pixel BCE is below ln 2 ~ 0.69 for any sensible model: " + o.finalTrainLoss());
    }

    @Test
    void constantOutputOfATrainedModelIsCollapsedButABaselineIsNot() {
        CellOutcome zero = Trainer.run(Synthetic.cell(Synthetic.closedForm(Families.get(ZeroImageFamily.class), new NoSettings()), 1, 0), DATA, TrainingListener.NONE);
        assertEquals(0.0, zero.final_().outputStd(), 0.0);
        assertEquals(Status.OK, zero.status(), "baselines are constant by design and are not 'collapsed'");
        assertEquals(Status.COLLAPSED, Trainer.classify(zero.final_(), true).status());
        assertTrue(Trainer.classify(zero.final_(), true).reason().contains("does not depend on the input"));
        var spec = Synthetic.dense(List.of("64:relu", "784:sigmoid"), Loss.MSE, Optimizer.ADAM);
        CellOutcome trained = Trainer.run(Synthetic.cell(spec, 1, 1), DATA, TrainingListener.NONE);
        assertEquals(Status.OK, Trainer.classify(trained.final_(), true).status());
        Evaluation nan = new Evaluation(Double.NaN, 0, 0, 0, false, 1, 1, Double.NaN);
        assertEquals(Status.FAILED, Trainer.classify(nan, true).status());
    }

}
