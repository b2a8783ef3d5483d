package org.aebench.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aebench.matrix.Activation;
import org.aebench.matrix.LayerSpec;
import org.aebench.matrix.Loss;
import org.aebench.matrix.WeightInit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/** The hand-written backward pass against finite differences, in double precision. */
class DenseNetworkTest {
    private static final List<LayerSpec> LAYERS = List.of(new LayerSpec(6, Activation.RELU), new LayerSpec(4, Activation.TANH),
            new LayerSpec(3, Activation.IDENTITY), new LayerSpec(7, Activation.SIGMOID));

    @ParameterizedTest
    @EnumSource(Loss.class)
    void analyticGradientMatchesFiniteDifferences(Loss loss) {
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 5, 7);
        INDArray y = Nd4j.rand(DataType.DOUBLE, 5, 7);
        // SGD with rate 1: the "update" the net leaves in its gradient buffer is the gradient itself
        DenseNetwork trained = new DenseNetwork(7, LAYERS, loss, new Sgd(1.0), WeightInit.PYTORCH_UNIFORM, 3, DataType.DOUBLE);
        DenseNetwork probe = new DenseNetwork(7, LAYERS, loss, new Sgd(1.0), WeightInit.PYTORCH_UNIFORM, 3, DataType.DOUBLE);
        double before = probe.loss(x, y);
        double reported = trained.fit(x, y);
        assertEquals(before, reported, 1e-12, "fit reports the loss before its step");
        double worst = worstRelativeError(trained.gradients(), probe, x, y);
        assertTrue(worst < 1e-5, "largest relative gradient error " + worst);
    }

    @org.junit.jupiter.api.Test
    void penaltyGradientsMatchFiniteDifferences() {
        List<LayerSpec> layers = List.of(new LayerSpec(6, Activation.SIGMOID), new LayerSpec(4, Activation.RELU),
                new LayerSpec(7, Activation.SIGMOID));
        for (Penalties p : List.of(new Penalties(0.3, 0, 0), new Penalties(0.2, 0, 1), new Penalties(0, 0.5, 0), new Penalties(0.1, 0.4, 0))) {
            Nd4j.getRandom().setSeed(13);
            INDArray x = Nd4j.rand(DataType.DOUBLE, 5, 7);
            DenseNetwork trained = new DenseNetwork(7, layers, Loss.MSE, new Sgd(1.0), WeightInit.PYTORCH_UNIFORM, 3, DataType.DOUBLE, p);
            DenseNetwork probe = new DenseNetwork(7, layers, Loss.MSE, new Sgd(1.0), WeightInit.PYTORCH_UNIFORM, 3, DataType.DOUBLE, p);
            assertEquals(probe.loss(x, x), trained.fit(x, x), 1e-12, "reported loss includes the penalties: " + p);
            assertTrue(worstRelativeError(trained.gradients(), probe, x, x) < 1e-5, p.toString());
        }
    }

    private static double worstRelativeError(INDArray analytic, DenseNetwork probe, INDArray x, INDArray y) {
        INDArray p = probe.parameters();
        double h = 1e-6, worst = 0;
        for (long i = 0; i < p.length(); i++) {
            double v = p.getDouble(0, i);
            p.putScalar(new long[] {0, i}, v + h);
            double up = probe.loss(x, y);
            p.putScalar(new long[] {0, i}, v - h);
            double down = probe.loss(x, y);
            p.putScalar(new long[] {0, i}, v);
            double numeric = (up - down) / (2 * h);
            double a = analytic.getDouble(0, i);
            worst = Math.max(worst, Math.abs(numeric - a) / Math.max(1e-8, Math.abs(numeric) + Math.abs(a)));
        }
        return worst;
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void sameSeedSameParametersAfterTraining(Loss loss) {
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 64, 7);
        DenseNetwork a = new DenseNetwork(7, LAYERS, loss, new org.nd4j.linalg.learning.config.Adam(1e-3), WeightInit.GLOROT_UNIFORM, 9, DataType.FLOAT);
        DenseNetwork b = new DenseNetwork(7, LAYERS, loss, new org.nd4j.linalg.learning.config.Adam(1e-3), WeightInit.GLOROT_UNIFORM, 9, DataType.FLOAT);
        for (int i = 0; i < 120; i++) { // past a denormal flush (every 50 steps)
            a.fit(x, x);
            b.fit(x, x);
        }
        assertEquals(a.parameters(), b.parameters());
    }
}
