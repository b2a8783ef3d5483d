package org.aebench.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Runs one layer form forward and backward, so that tests can compare it with the libnd4j op it replaces. */
final class LayerGradients {
    private LayerGradients() {}

    interface Layer { SDVariable apply(SameDiff sd, SDVariable in, SDVariable w, SDVariable b); }

    record Result(INDArray out, INDArray gradX, INDArray gradW, INDArray gradB) {}

    /** Output, and gradients of sum(output * fixed random weights) with respect to input, kernel and bias. */
    static Result run(INDArray x, INDArray w, INDArray b, Layer layer) {
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.var("x", x.dup());
        SDVariable out = layer.apply(sd, in, sd.var("w", w.dup()), sd.var("b", b.dup()));
        sd.identity("out", out);
        INDArray value = sd.outputSingle(Map.of(), "out");
        Nd4j.getRandom().setSeed(11);
        SDVariable loss = sd.sum("loss", out.mul(sd.constant(Nd4j.rand(DataType.FLOAT, value.shape()))));
        sd.setLossVariables(loss);
        Map<String, INDArray> g = sd.calculateGradients(Map.of(), List.of("x", "w", "b"));
        return new Result(value, g.get("x"), g.get("w"), g.get("b"));
    }

    static void assertClose(INDArray expected, INDArray actual, String what) {
        double diff = expected.sub(actual).norm1Number().doubleValue() / Math.max(1e-12, expected.norm1Number().doubleValue());
        assertTrue(diff < 1e-5, what + ": relative L1 difference " + diff);
    }
}
