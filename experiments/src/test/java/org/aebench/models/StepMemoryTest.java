package org.aebench.models;

import org.aebench.graph.SameDiffModel;
import org.aebench.model.Reconstructor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;
import org.aebench.data.DatasetId;
import org.aebench.matrix.ConvVariant;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.families.ConvAeFamily;
import org.aebench.families.ConvDenoiserFamily;
import org.aebench.families.ConvVaeFamily;
import org.aebench.families.StridedConvAeFamily;
import org.aebench.matrix.Families;
import org.aebench.matrix.ModelFamily;
import org.aebench.matrix.Loss;
import org.aebench.matrix.Optimizer;
import org.aebench.matrix.WeightInit;
import org.aebench.train.Synthetic;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Recycling a step's arrays and replaying recorded steps and inferences ({@link StepPlan}) must not change a single trained or reconstructed number. */
class StepMemoryTest {
    private static final INDArray GRAY = Synthetic.dataset(80, 0, 7).trainX();
    /** Batch sizes cycled through: a short batch (an epoch's last) changes every shape, then the full size returns. */
    private static final int[] BATCHES = {32, 32, 16, 32, 32, 16, 32};

    private static ExperimentSpec conv(ModelFamily<?> family, Record settings) {
        return new ExperimentSpec("c", "t", null, family, DatasetId.MNIST, Loss.MSE, Optimizer.ADAM,
                1e-3, 32, 1, WeightInit.GLOROT_UNIFORM, List.of(1), new LinkedHashMap<>(), null, null, null, null, settings);
    }

    private static ExperimentSpec conv(ConvVariant variant) {
        return conv(Families.get(ConvAeFamily.class), new ConvAeFamily.Settings(variant));
    }

    /** Parameters after training on BATCHES, then each step's reconstruction of its batch; replayed = {training steps, inferences}. */
    private static List<INDArray> trainAndReconstruct(Supplier<SameDiffModel> model, INDArray images, boolean stepMemory, long[] replayed) {
        String old = System.getProperty("aebench.stepMemory");
        System.setProperty("aebench.stepMemory", Boolean.toString(stepMemory));
        SameDiffModel m;
        try {
            m = model.get();
        } finally {
            if (old == null) System.clearProperty("aebench.stepMemory"); else System.setProperty("aebench.stepMemory", old);
        }
        List<INDArray> results = new ArrayList<>();
        results.add(null);
        int start = 0;
        for (int b : BATCHES) {
            if (start + b > images.rows()) start = 0;
            INDArray x = images.get(NDArrayIndex.interval(start, start + b), NDArrayIndex.all());
            m.fitBatch(x, x);
            // after every step, so a replayed inference must read the weights (and batch statistics) just updated
            results.add(((Reconstructor) m).reconstruct(x));
            start += b;
        }
        replayed[0] = m.stepsReplayed();
        replayed[1] = m.inferencesReplayed();
        results.set(0, m.parameters().dup());
        return results;
    }

    private static void assertSameTraining(String what, Supplier<SameDiffModel> model, INDArray images) {
        long[] replayed = new long[2];
        List<INDArray> with = trainAndReconstruct(model, images, true, replayed);
        // The first step runs SameDiff alone, the first of each batch size after it records a plan.
        assertEquals(BATCHES.length - 3, replayed[0], what + ": steps replayed from a recorded plan");
        // Inference records a batch size's plan the second time it is asked: 32 at step 2, 16 at step 6.
        assertEquals(BATCHES.length - 4, replayed[1], what + ": reconstructions replayed from a recorded plan");
        List<INDArray> without = trainAndReconstruct(model, images, false, new long[2]);
        assertEquals(without.get(0), with.get(0), what + ": parameters after " + BATCHES.length + " steps differ with step memory and plans");
        for (int i = 1; i < with.size(); i++) assertEquals(without.get(i), with.get(i), what + ": reconstruction after step " + i + " differs");
    }

    @Test
    void convolutionalAutoencodersTrainBitIdentically() {
        assertSameTraining("keras-denoise", () -> (SameDiffModel) conv(Families.get(ConvDenoiserFamily.class), new ConvDenoiserFamily.Settings(8)).build(784, 3, 4), GRAY);
        assertSameTraining("deconv", () -> (SameDiffModel) conv(ConvVariant.DECONV).build(784, 3, 4), GRAY);
        assertSameTraining("unpool", () -> (SameDiffModel) conv(ConvVariant.UNPOOL).build(784, 3, 4), GRAY);
    }

    @Test
    void dropoutBatchNormAndVariationalModelsTrainBitIdentically() {
        INDArray colour = StridedConvCodecTest.colour(GRAY);
        assertSameTraining("dropout-bn", () -> (SameDiffModel) StridedConvCodecTest.spec(StridedConvAeFamily.class, 0.2, true).build(2352, 11, 12), colour);
        assertSameTraining("vae", () -> (SameDiffModel) StridedConvCodecTest.spec(ConvVaeFamily.class, null, null).build(2352, 21, 22), colour);
    }
}
