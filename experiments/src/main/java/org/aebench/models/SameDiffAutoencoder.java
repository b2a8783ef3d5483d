package org.aebench.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.matrix.Loss;
import org.aebench.matrix.WeightInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Base of the families whose graph SameDiff differentiates (convolutional, and any with a loss
 * term DL4J's layers cannot express). A subclass builds its graph from {@link #input()} to a
 * {@code [batch, 784]} output and calls {@link #finish}. Training does not use SameDiff's own
 * fit loop: each step asks SameDiff for the loss and the gradients in one pass, copies them into
 * one flat buffer, lets {@link FlatOptimizer} update every weight with one op and copies the
 * weights back; that is also how the loss of the step is known.
 */
public abstract class SameDiffAutoencoder implements TrainableModel {
    protected final SameDiff sd = SameDiff.create();
    private final WeightInit init;
    private final SDVariable x;
    private final SDVariable y;
    private final List<String> paramNames = new ArrayList<>();
    private final Map<String, INDArray> gradViews = new LinkedHashMap<>();
    private final Map<String, INDArray> paramViews = new LinkedHashMap<>();
    private INDArray params;
    private FlatOptimizer optimizer;

    protected SameDiffAutoencoder(ExperimentSpec spec, long seed) {
        this.init = spec.init();
        Nd4j.getRandom().setSeed(seed);
        x = sd.placeHolder("x", DataType.FLOAT, -1, 784);
        y = sd.placeHolder("y", DataType.FLOAT, -1, 784);
    }

    /** The input images, {@code [batch, 784]}. */
    protected SDVariable input() { return x; }

    /** Ends the graph: names the output, adds the loss (plus {@code penalty} when not null), flattens the weights. */
    protected final void finish(SDVariable output, Loss loss, SDVariable penalty, ExperimentSpec spec) {
        SDVariable out = sd.identity("out", output);
        SDVariable reconstruction = switch (loss) {
            case MSE -> sd.math().squaredDifference(out, y).mean();
            case BCE -> {
                SDVariable p = sd.math().clipByValue(out, 1e-7, 1 - 1e-7);
                yield y.mul(sd.math().log(p)).add(y.rsub(1.0).mul(sd.math().log(p.rsub(1.0)))).mean().neg();
            }
        };
        SDVariable total = penalty == null ? reconstruction : reconstruction.add(penalty);
        sd.identity("loss", total);
        sd.setLossVariables("loss");
        flatten(DenseAutoencoder.updater(spec));
    }

    private void flatten(org.nd4j.linalg.learning.config.IUpdater updater) {
        long total = 0;
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                paramNames.add(v.name());
                total += v.getArr().length();
            }
        }
        params = Nd4j.create(DataType.FLOAT, 1, total);
        INDArray grads = Nd4j.create(DataType.FLOAT, 1, total);
        long offset = 0;
        for (String name : paramNames) {
            SDVariable v = sd.getVariable(name);
            INDArray arr = v.getArr();
            long n = arr.length();
            INDArray view = params.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + n)).reshape('c', arr.shape());
            view.assign(arr);
            paramViews.put(name, view);
            gradViews.put(name, grads.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + n)).reshape('c', arr.shape()));
            offset += n;
        }
        optimizer = new FlatOptimizer(params, grads, updater);
    }

    /** A weight drawn uniformly in +-bound, the bound set by the initialisation scheme. */
    protected SDVariable weight(String name, long[] shape, long fanIn, long fanOut) {
        double bound = init == WeightInit.GLOROT_UNIFORM ? Math.sqrt(6.0 / (fanIn + fanOut)) : 1 / Math.sqrt(fanIn);
        return sd.var(name, Nd4j.rand(DataType.FLOAT, shape).muli(2 * bound).subi(bound));
    }

    /** A bias: 0 for Keras's scheme, uniform in +-1/sqrt(fan_in) for PyTorch's. */
    protected SDVariable bias(String name, long n, long fanIn) {
        if (init == WeightInit.GLOROT_UNIFORM) return sd.var(name, Nd4j.zeros(DataType.FLOAT, n));
        double bound = 1 / Math.sqrt(fanIn);
        return sd.var(name, Nd4j.rand(DataType.FLOAT, n).muli(2 * bound).subi(bound));
    }

    @Override
    public double fitBatch(INDArray input, INDArray target) {
        OutAndGrad og = sd.calculateGradientsAndOutputs(Map.of("x", input, "y", target), List.of("loss"), paramNames);
        for (String name : paramNames) gradViews.get(name).assign(og.getGradients().get(name));
        optimizer.step();
        // SameDiff's gradient function keeps the variables' own arrays (a graph built on views of the
        // flat buffer stops learning), so the new values are copied back into them.
        for (String name : paramNames) sd.getVariable(name).getArr().assign(paramViews.get(name));
        return og.getOutputs().get("loss").getDouble(0);
    }

    @Override
    public INDArray reconstruct(INDArray batch) {
        return sd.outputSingle(Map.of("x", batch), "out");
    }

    /** Any named activation of the graph for a batch (filters, codes, activation maps). */
    public INDArray activation(INDArray batch, String name) {
        return sd.outputSingle(Map.of("x", batch), name);
    }

    public INDArray parameters() { return params; }
}
