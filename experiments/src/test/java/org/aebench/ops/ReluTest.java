package org.aebench.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link Relu} computes SameDiff's relu and the same gradient, value for value. */
class ReluTest {

    @Test
    void sameValuesAndGradientsAsSameDiffsRelu() {
        Nd4j.getRandom().setSeed(7);
        // negatives, positives and exact zeros, where the two gradients could disagree
        INDArray x = Nd4j.rand(DataType.FLOAT, 64, 50).subi(0.5);
        for (int i = 0; i < 64; i++) x.putScalar(i, i % 50, 0f);
        INDArray upstream = Nd4j.rand(DataType.FLOAT, 64, 50).subi(0.5);

        INDArray[] theirs = run(x, upstream, (sd, v) -> sd.nn().relu(v, 0));
        INDArray[] ours = run(x, upstream, Relu::of);

        float[] a = theirs[0].ravel().toFloatVector(), b = ours[0].ravel().toFloatVector();
        float[] ga = theirs[1].ravel().toFloatVector(), gb = ours[1].ravel().toFloatVector();
        int passed = 0;
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 0f, "relu value " + i);
            // == rather than bits: 0 * (negative gradient) is -0, which no later sum can tell from 0
            assertTrue(ga[i] == gb[i], "gradient " + i + ": " + ga[i] + " vs " + gb[i]);
            if (gb[i] != 0) passed++;
        }
        assertTrue(passed > 1000 && passed < a.length - 1000, "the test must hold both passed and blocked gradients: " + passed);
    }

    /** relu(x) and d(sum(relu(x) * upstream))/dx. */
    private static INDArray[] run(INDArray x, INDArray upstream, BiFunction<SameDiff, SDVariable, SDVariable> relu) {
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.var("x", x.dup());
        SDVariable out = relu.apply(sd, in);
        SDVariable loss = out.mul(sd.constant("upstream", upstream)).sum();
        sd.setLossVariables(loss.name());
        INDArray value = out.eval();
        INDArray gradient = sd.calculateGradients(Map.of(), "x").get("x");
        return new INDArray[] {value, gradient};
    }
}
