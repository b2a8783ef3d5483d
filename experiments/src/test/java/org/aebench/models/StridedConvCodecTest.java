package org.aebench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import org.aebench.data.DatasetId;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.families.ConvVaeFamily;
import org.aebench.families.NoSettings;
import org.aebench.families.StridedConvAeFamily;
import org.aebench.matrix.Families;
import org.aebench.matrix.ModelFamily;
import org.aebench.matrix.Loss;
import org.aebench.matrix.Optimizer;
import org.aebench.matrix.WeightInit;
import org.aebench.train.Synthetic;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class StridedConvCodecTest {
    /** Synthetic grayscale images repeated in three colour planes: [n, 2352]. */
    private static final INDArray COLOUR = colour(Synthetic.dataset(96, 0, 5).trainX());

    static INDArray colour(INDArray gray) {
        return Nd4j.hstack(gray.mul(0.9), gray.mul(0.5), gray.mul(0.2));
    }

    static ExperimentSpec spec(Class<? extends ModelFamily<?>> family, Double dropout, Boolean batchNorm) {
        ModelFamily<?> f = Families.get(family);
        Record settings = f instanceof StridedConvAeFamily ? new StridedConvAeFamily.Settings(dropout, batchNorm) : new NoSettings();
        return new ExperimentSpec("c", "t", null, f, DatasetId.COLORED_MNIST, Loss.MSE, Optimizer.ADAM,
                1e-3, 32, 1, WeightInit.PYTORCH_UNIFORM, List.of(1), new LinkedHashMap<>(), null, null, null, 1e-5, settings);
    }

    private static double[] train(SameDiffAutoencoder m, int steps) {
        double[] losses = new double[steps];
        for (int i = 0; i < steps; i++) {
            int s = (i % 3) * 32;
            INDArray x = COLOUR.get(NDArrayIndex.interval(s, s + 32), NDArrayIndex.all());
            losses[i] = m.fitBatch(x, x);
        }
        return losses;
    }

    @Test
    void regularisedAutoencoderIsReproducibleLearnsAndDecodesItsOwnCodes() {
        ExperimentSpec spec = spec(StridedConvAeFamily.class, 0.2, true);
        var a = (StridedConvAutoencoder) spec.build(2352, 11, 12);
        var b = (StridedConvAutoencoder) spec.build(2352, 11, 12);
        double[] la = train(a, 30), lb = train(b, 30);
        assertEquals(la[29], lb[29], 0.0, "same seeds, same dropout masks, same losses");
        assertTrue(la[29] < la[0] * 0.8, "loss should fall: " + la[0] + " -> " + la[29]);
        INDArray x = COLOUR.get(NDArrayIndex.interval(0, 8), NDArrayIndex.all());
        INDArray out = a.reconstruct(x);
        assertEquals(out, a.reconstruct(x), "inference has no dropout: the same input gives the same output");
        assertEquals(2352, out.columns());
        INDArray codes = a.encode(x);
        assertEquals(64, codes.columns(), "2x2x16 code");
        assertTrue(a.decode(codes).equalsWithEps(out, 1e-5), "decode(encode(x)) is the reconstruction");
        assertEquals(a.parameters(), b.parameters());
    }

    @Test
    void variationalAutoencoderSamplesWhileTrainingAndUsesTheMeanCodeAtTest() {
        var vae = (ConvVariationalAutoencoder) spec(ConvVaeFamily.class, null, null).build(2352, 21, 22);
        double[] l = train(vae, 30);
        for (double v : l) assertTrue(Double.isFinite(v));
        assertTrue(l[29] < l[0], "ELBO loss should fall: " + l[0] + " -> " + l[29]);
        INDArray x = COLOUR.get(NDArrayIndex.interval(0, 8), NDArrayIndex.all());
        INDArray out = vae.reconstruct(x);
        assertEquals(out, vae.reconstruct(x), "test-time code is the mean: deterministic");
        assertTrue(vae.decode(vae.encode(x)).equalsWithEps(out, 1e-5));
    }

    @Test
    void batchNormOnTheBatchNormalisesEachChannelOverBatchAndPixels() {
        org.nd4j.autodiff.samediff.SameDiff sd = org.nd4j.autodiff.samediff.SameDiff.create();
        Nd4j.getRandom().setSeed(5);
        INDArray z = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 5, 3, 4, 4).muli(3).addi(
                Nd4j.createFromArray(1f, -2f, 4f).reshape(1, 3, 1, 1));
        INDArray gamma = Nd4j.createFromArray(0.5f, 2f, -1f).reshape(1, 3, 1, 1), beta = Nd4j.createFromArray(0.1f, 0f, 3f).reshape(1, 3, 1, 1);
        INDArray out = StridedConvCodec.batchNormOnBatch(sd, "bn", sd.constant(z.permute(0, 2, 3, 1).dup()),
                sd.constant(gamma.reshape(1, 1, 1, 3)), sd.constant(beta.reshape(1, 1, 1, 3)), sd.constant(Nd4j.ones(80, 1)), sd.constant(Nd4j.ones(80, 1).divi(80)), 3, 4).eval().permute(0, 3, 1, 2);
        INDArray mean = z.mean(true, 0, 2, 3);
        INDArray centred = z.sub(mean);
        INDArray var = centred.mul(centred).mean(true, 0, 2, 3);
        INDArray expected = centred.div(org.nd4j.linalg.ops.transforms.Transforms.sqrt(var.add(1e-5))).mul(gamma).add(beta);
        assertTrue(expected.equalsWithEps(out, 1e-5), "channels-last batch norm differs from the NCHW formula:\n" + expected.sub(out));
    }
}
