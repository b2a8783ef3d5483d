package org.aebench.graph;

import org.aebench.optim.Updaters;
import org.aebench.optim.FlatOptimizer;
import org.aebench.model.GradientStep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.aebench.matrix.ExperimentSpec;
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
 * Base of every model whose graph SameDiff differentiates (convolutional autoencoders, the VAE,
 * the downstream classifier). A subclass builds its graph from {@link #input()} and calls
 * {@link #finishWithLoss}; a family with layers that behave
 * differently while training (dropout, batch norm, sampling) feeds them through the training
 * hooks, {@link #trainingFeeds}, {@link #stepOutputs} and {@link #afterStep}. Training does not use SameDiff's own
 * fit loop: each step gets the loss and the gradients in one pass (SameDiff's, or from the second
 * step on a {@link StepPlan} replay of it), copies them into one flat buffer, lets
 * {@link FlatOptimizer} update every weight with one op and copies the weights back; that is also
 * how the loss of the step is known.
 */
public abstract class SameDiffModel implements GradientStep {
    protected final SameDiff sd = SameDiff.create();
    private final WeightInit init;
    private final SDVariable x;
    private final SDVariable y;
    private final List<String> paramNames = new ArrayList<>();
    private final Map<String, INDArray> gradViews = new LinkedHashMap<>();
    private final Map<String, INDArray> paramViews = new LinkedHashMap<>();
    private INDArray params;
    private FlatOptimizer optimizer;
    private final double weightDecay;
    /** Training steps, by batch size: recorded and replayed (see {@link StepPlan}). */
    private final RecordedPasses steps = new RecordedPasses(false);
    /** Inference, by placeholder, output and shape (see {@link #evaluate}). */
    private final RecordedPasses inferences = new RecordedPasses(true);
    /** Each parameter's gradient variable, in {@link #paramNames} order. */
    private final List<String> gradientNames = new ArrayList<>();
    /** The name under which SameDiff keeps its gradient function ({@code SameDiff.GRAD_FN_KEY}, protected in M2.1). */
    private static final String GRADIENT_FUNCTION = "grad";

    /**
     * @param features    input width
     * @param targetWidth width of the target rows (the image for autoencoders, one-hot classes for a classifier)
     */
    protected SameDiffModel(WeightInit init, double weightDecay, long seed, int features, int targetWidth) {
        this.init = init;
        this.weightDecay = weightDecay;
        Nd4j.getRandom().setSeed(seed);
        x = sd.placeHolder("x", DataType.FLOAT, -1, features);
        y = sd.placeHolder("y", DataType.FLOAT, -1, targetWidth);
    }

    /** The targets, {@code [batch, targetWidth]}. */
    protected SDVariable target() { return y; }

    /** The input images, {@code [batch, 784]}. */
    protected SDVariable input() { return x; }

    /** Ends a graph that already named its output {@code out} and built its own training loss. */
    protected final void finishWithLoss(SDVariable total, ExperimentSpec spec) {
        finishWithLoss(total, Updaters.of(spec));
    }

    protected final void finishWithLoss(SDVariable total, org.nd4j.linalg.learning.config.IUpdater updater) {
        sd.identity("loss", total);
        sd.setLossVariables("loss");
        flatten(updater);
    }

    /** Extra placeholders for one training step of {@code batch} images (dropout masks, noise). */
    protected Map<String, INDArray> trainingFeeds(long batch) { return Map.of(); }

    /** Extra placeholders for inference (e.g. batch norm's running statistics). */
    protected Map<String, INDArray> inferenceFeeds() { return Map.of(); }

    /** Graph values the step should also return to {@link #afterStep} (e.g. batch statistics). */
    protected List<String> stepOutputs() { return List.of(); }

    /** Called after each step with the values named by {@link #stepOutputs}. */
    protected void afterStep(Map<String, INDArray> outputs) { }

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
        optimizer = new FlatOptimizer(params, grads, updater, weightDecay);
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
        Map<String, INDArray> feeds = new HashMap<>(trainingFeeds(input.rows()));
        feeds.put("x", input);
        feeds.put("y", target);
        List<String> extraOutputs = stepOutputs();
        List<String> outputs = new ArrayList<>(extraOutputs);
        outputs.add("loss");
        Function<String, INDArray> pass = gradientPass(feeds, outputs, input.rows());
        for (int i = 0; i < paramNames.size(); i++) gradViews.get(paramNames.get(i)).assign(pass.apply(gradientNames.get(i)));
        optimizer.step();
        // SameDiff's gradient function keeps the variables' own arrays (a graph built on views of the
        // flat buffer stops learning), so the new values are copied back into them.
        for (String name : paramNames) sd.getVariable(name).getArr().assign(paramViews.get(name));
        Map<String, INDArray> stepValues = new HashMap<>();
        for (String name : extraOutputs) stepValues.put(name, pass.apply(name));
        afterStep(stepValues);
        double loss = pass.apply("loss").getDouble(0);
        NativeGarbage.collectIfGrown();
        return loss;
    }

    /**
     * The loss and gradient pass: replayed from this batch size's {@link StepPlan}, or run by
     * SameDiff, which records the plan once {@link StepMemory} serves its session. Returns the
     * pass's arrays by their names in the gradient graph.
     */
    private Function<String, INDArray> gradientPass(Map<String, INDArray> feeds, List<String> outputs, long rows) {
        Supplier<List<String>> wanted = () -> {
            List<String> names = new ArrayList<>(outputs);
            names.addAll(gradientNames);
            return names;
        };
        return steps.run(Long.toString(rows), feeds, sd, () -> sd.getFunction(GRADIENT_FUNCTION), wanted, f -> {
            OutAndGrad og = sd.calculateGradientsAndOutputs(f, outputs, paramNames);
            if (gradientNames.isEmpty()) for (String p : paramNames) gradientNames.add(sd.getVariable(p).getGradient().name());
            Map<String, INDArray> byName = new HashMap<>(og.getOutputs());
            for (int i = 0; i < paramNames.size(); i++) byName.put(gradientNames.get(i), og.getGradients().get(paramNames.get(i)));
            return byName::get;
        });
    }

    /** Any named activation of the inference graph for a batch (codes, activation maps). */
    public INDArray activation(INDArray batch, String name) {
        return evaluate("x", batch, name);
    }

    /**
     * The inference graph's {@code output} with {@code placeholder} set to {@code value}: replayed
     * from a {@link StepPlan} once the same question has been asked for the same batch size
     * before (the runner evaluates the test set every epoch), else run by SameDiff. Why: SameDiff's
     * per-op bookkeeping is there in inference too; replayed, r003's denoiser at 64 filters
     * reconstructs 3,140-3,210 test images/s instead of 2,540-2,950, and r002's dropout-bn codec
     * 1,840-1,990 instead of 1,580-1,680. The result is a copy: the plan's arrays are written again
     * by its next run.
     */
    protected INDArray evaluate(String placeholder, INDArray value, String output) {
        Map<String, INDArray> feeds = new HashMap<>(inferenceFeeds());
        feeds.put(placeholder, value);
        String key = placeholder + ">" + output + "@" + Arrays.toString(value.shape());
        INDArray out = inferences.run(key, feeds, sd, () -> sd, () -> List.of(output), f -> {
            INDArray o = sd.outputSingle(f, output);
            return name -> o;
        }).apply(output).dup();  // the plan's, or the step memory's, array is written again by the next call
        NativeGarbage.collectIfGrown();
        return out;
    }

    /** A trained weight array by name (filters for the site). */
    public INDArray weightArray(String name) {
        return paramViews.get(name);
    }

    public INDArray parameters() { return params; }

    /** Training steps replayed from a recorded {@link StepPlan} so far. */
    public long stepsReplayed() { return steps.replayed(); }

    /** Inference calls replayed from a recorded {@link StepPlan} so far. */
    public long inferencesReplayed() { return inferences.replayed(); }
}
