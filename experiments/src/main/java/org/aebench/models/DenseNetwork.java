package org.aebench.models;

import org.aebench.ops.CrossEntropy;
import org.aebench.ops.PreparedOp;
import org.aebench.optim.FlatOptimizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aebench.matrix.Activation;
import org.aebench.matrix.LayerSpec;
import org.aebench.matrix.Loss;
import org.aebench.matrix.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarReverseSubtraction;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A fully connected network trained with hand-written forward and backward passes on ND4J.
 *
 * <p>Why not MultiLayerNetwork: for these small layers the time goes into per-op overhead and
 * the updater, not into matrix products. Here weights and biases are views into one flat buffer
 * stepped by {@link FlatOptimizer}, and every activation, delta and gradient has a buffer
 * allocated once per batch size, with the ops of a step bound to it.
 */
public final class DenseNetwork {
    private final int inputs;
    private final List<LayerSpec> layers;
    private final Loss loss;
    private final DataType dtype;
    private final INDArray params;
    private final INDArray grads;
    private final INDArray[] w;
    private final INDArray[] b;
    private final INDArray[] dw;
    private final INDArray[] db;
    private final FlatOptimizer optimizer;
    private final Penalties penalties;
    private final Map<Long, Buffers> buffers = new HashMap<>();

    public DenseNetwork(int inputs, List<LayerSpec> layers, Loss loss, IUpdater updaterConfig, WeightInit init,
                        long seed, DataType dtype) {
        this(inputs, layers, loss, updaterConfig, init, seed, dtype, Penalties.NONE);
    }

    public DenseNetwork(int inputs, List<LayerSpec> layers, Loss loss, IUpdater updaterConfig, WeightInit init,
                        long seed, DataType dtype, Penalties penalties) {
        if (penalties.layer() < 0 || penalties.layer() >= layers.size() - 1) {
            throw new IllegalArgumentException("penalties act on a hidden layer: 0.." + (layers.size() - 2));
        }
        if (penalties.contractive() > 0 && (penalties.layer() != 0 || layers.get(0).activation() != Activation.SIGMOID)) {
            throw new IllegalArgumentException("the contractive penalty is written for a first hidden layer with sigmoid activation");
        }
        this.penalties = penalties;
        if (loss == Loss.BCE && layers.get(layers.size() - 1).activation() != Activation.SIGMOID) {
            throw new IllegalArgumentException("binary cross-entropy needs a sigmoid output layer");
        }
        this.inputs = inputs;
        this.layers = List.copyOf(layers);
        this.loss = loss;
        this.dtype = dtype;
        int n = layers.size();
        long count = 0;
        int in = inputs;
        for (LayerSpec l : layers) {
            count += (long) in * l.units() + l.units();
            in = l.units();
        }
        params = Nd4j.create(dtype, 1, count);
        grads = Nd4j.create(dtype, 1, count);
        w = new INDArray[n];
        b = new INDArray[n];
        dw = new INDArray[n];
        db = new INDArray[n];
        long offset = 0;
        in = inputs;
        for (int i = 0; i < n; i++) {
            int out = layers.get(i).units();
            w[i] = view(params, offset, in, out);
            dw[i] = view(grads, offset, in, out);
            offset += (long) in * out;
            b[i] = view(params, offset, 1, out);
            db[i] = view(grads, offset, 1, out);
            offset += out;
            in = out;
        }
        initialise(init, seed);
        optimizer = new FlatOptimizer(params, grads, updaterConfig);
    }

    private static INDArray view(INDArray flat, long offset, int rows, int cols) {
        return flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + (long) rows * cols)).reshape('c', rows, cols);
    }

    /** Weights (and, for PyTorch, biases) from one stream seeded by the cell's weight seed, layer by layer. */
    private void initialise(WeightInit init, long seed) {
        Nd4j.getRandom().setSeed(seed);
        int in = inputs;
        for (int i = 0; i < layers.size(); i++) {
            int out = layers.get(i).units();
            double bound = switch (init) {
                case PYTORCH_UNIFORM -> 1 / Math.sqrt(in);           // nn.Linear's kaiming_uniform(a=sqrt(5))
                case GLOROT_UNIFORM -> Math.sqrt(6.0 / (in + out));  // Keras Dense default
            };
            w[i].assign(Nd4j.rand(dtype, in, out).muli(2 * bound).subi(bound));
            if (init == WeightInit.PYTORCH_UNIFORM) b[i].assign(Nd4j.rand(dtype, 1, out).muli(2 * bound).subi(bound));
            else b[i].assign(0);
            in = out;
        }
    }

    /**
     * Per-batch-size work arrays: activations a[0..n] (a[0] is the input), deltas, and a scratch per
     * layer; and every op of a step bound to them once ({@link PreparedOp} says why).
     */
    private final class Buffers {
        final INDArray[] a;
        final INDArray[] delta;
        final INDArray[] scratch;
        /** a[i] w[i] into a[i+1]; input 0 of layer 0 is the batch. */
        final PreparedOp[] product;
        final PreparedOp[] addBias;
        final Runnable[] activate;
        /** a[i]^T delta[i+1] into dw[i]; input 0 of layer 0 is the batch. */
        final PreparedOp[] weightGradient;
        /** Column sums of delta[i+1] into db[i]. */
        final PreparedOp[] biasGradient;
        /** delta[i+1] w[i]^T into delta[i], for i > 0. */
        final PreparedOp[] backProduct;
        /** delta[i+1] *= f'(z) of layer i. */
        final Runnable[] backActivate;

        Buffers(long batch) {
            int n = layers.size();
            a = new INDArray[n + 1];
            delta = new INDArray[n + 1];
            scratch = new INDArray[n + 1];
            a[0] = Nd4j.create(dtype, batch, inputs);  // replaced by each batch; gives the products their input shape
            for (int i = 0; i < n; i++) {
                a[i + 1] = Nd4j.create(dtype, new long[] {batch, layers.get(i).units()}, 'c');
                delta[i + 1] = Nd4j.create(dtype, new long[] {batch, layers.get(i).units()}, 'c');
                scratch[i + 1] = Nd4j.create(dtype, new long[] {batch, layers.get(i).units()}, 'c');
            }
            product = new PreparedOp[n];
            addBias = new PreparedOp[n];
            activate = new Runnable[n];
            weightGradient = new PreparedOp[n];
            biasGradient = new PreparedOp[n];
            backProduct = new PreparedOp[n];
            backActivate = new Runnable[n];
            for (int i = 0; i < n; i++) {
                Activation act = layers.get(i).activation();
                product[i] = gemm(a[i], w[i], a[i + 1], false, false);
                // the custom ops, not addiRowVector's broadcast and sum(true, 0)'s reduction: the same sums
                // (PreparedOpTest), without a tensor-along-dimension pack made in Java on every call
                addBias[i] = PreparedOp.of(new AddOp(a[i + 1], b[i], a[i + 1]));
                activate[i] = activation(a[i + 1], act);
                weightGradient[i] = gemm(a[i], delta[i + 1], dw[i], true, false);
                biasGradient[i] = PreparedOp.of(DynamicCustomOp.builder("reduce_sum").addInputs(delta[i + 1]).addOutputs(db[i])
                        .addIntegerArguments(0).addBooleanArguments(true).build());
                if (i > 0) backProduct[i] = gemm(delta[i + 1], w[i], delta[i], false, true);
                backActivate[i] = backActivation(delta[i + 1], a[i + 1], act, scratch[i + 1]);
            }
        }

        /** Points the ops that read the input at this batch. */
        void input(INDArray x) {
            a[0] = x;
            product[0].input(0, x);
            weightGradient[0].input(0, x);
        }
    }

    /** What {@code Nd4j.gemm(x, y, z, transposeX, transposeY, 1, 0)} runs. */
    private static PreparedOp gemm(INDArray x, INDArray y, INDArray z, boolean transposeX, boolean transposeY) {
        return PreparedOp.of(new Mmul(x, y, z, 1.0, 0.0, MMulTranspose.builder().transposeA(transposeX).transposeB(transposeY).build()));
    }

    private Buffers buffers(long batch) {
        return buffers.computeIfAbsent(batch, Buffers::new);
    }

    /** Forward pass into the batch-size buffers; returns them (a[n] is the output). */
    private Buffers forward(INDArray x) {
        return forward(x, -1, null);
    }

    /** Forward pass that adds {@code noise} to the activations of layer {@code noisyLayer} (-1: none). */
    private Buffers forward(INDArray x, int noisyLayer, INDArray noise) {
        Buffers buf = buffers(x.rows());
        buf.input(x);
        for (int i = 0; i < layers.size(); i++) {
            buf.product[i].run();
            buf.addBias[i].run();
            buf.activate[i].run();
            if (i == noisyLayer) buf.a[i + 1].addi(noise);
        }
        return buf;
    }

    /**
     * In place on {@code z}. Sigmoid and tanh go through libnd4j's custom {@code tanh} op, which
     * oneDNN runs vectorised, where the legacy {@code sigmoid} and {@code tanh} transforms are scalar
     * libm and were a quarter of a small dense AE's step (docs/performance.md).
     * sigmoid(z) = (1 + tanh(z / 2)) / 2 is the same function; the values differ by
     * float rounding (below 1e-7 absolute).
     */
    private static Runnable activation(INDArray z, Activation a) {
        OpExecutioner exec = Nd4j.getExecutioner();
        return switch (a) {
            case RELU -> {
                ScalarOp relu = new RectifiedLinear(z, z);
                yield () -> exec.exec(relu);
            }
            case SIGMOID -> {
                ScalarOp half = new ScalarMultiplication(z, null, z, 0.5);
                PreparedOp tanh = tanh(z);
                ScalarOp shift = new ScalarAdd(z, null, z, 0.5);
                yield () -> {
                    exec.exec(half);
                    tanh.run();
                    exec.exec(half);
                    exec.exec(shift);
                };
            }
            case TANH -> tanh(z)::run;
            case IDENTITY -> () -> { };
        };
    }

    private static PreparedOp tanh(INDArray z) {
        return PreparedOp.of(DynamicCustomOp.builder("tanh").addInputs(z).addOutputs(z).build());
    }

    /**
     * delta := delta * f'(z), written with the layer's output a = f(z); {@code scratch} has a's shape.
     * ReLU multiplies by step(a): the same result as libnd4j's thresholdedrelu_bp, many times faster.
     */
    private static Runnable backActivation(INDArray delta, INDArray a, Activation act, INDArray scratch) {
        OpExecutioner exec = Nd4j.getExecutioner();
        PreparedOp times = PreparedOp.of(new MulOp(delta, scratch, delta));
        return switch (act) {
            case RELU -> {
                ScalarOp step = new Step(a, scratch, 0.0);
                yield () -> {
                    exec.exec(step);
                    times.run();
                };
            }
            case SIGMOID -> {
                // a (1 - a)
                ScalarOp oneMinus = new ScalarReverseSubtraction(a, null, scratch, 1.0);
                PreparedOp timesA = PreparedOp.of(new MulOp(scratch, a, scratch));
                yield () -> {
                    exec.exec(oneMinus);
                    timesA.run();
                    times.run();
                };
            }
            case TANH -> {
                // 1 - a^2
                PreparedOp square = PreparedOp.of(new MulOp(a, a, scratch));
                ScalarOp oneMinus = new ScalarReverseSubtraction(scratch, null, scratch, 1.0);
                yield () -> {
                    square.run();
                    exec.exec(oneMinus);
                    times.run();
                };
            }
            case IDENTITY -> () -> { };
        };
    }

    /** Forward, backward and one optimiser step on a batch; returns the batch loss (mean over pixels and images). */
    public double fit(INDArray input, INDArray target) {
        Buffers buf = forward(input);
        int n = layers.size();
        INDArray out = buf.a[n];
        INDArray delta = buf.delta[n];
        double scale = 1.0 / ((double) out.rows() * out.columns());
        double lossValue;
        if (loss == Loss.MSE) {
            delta.assign(out).subi(target);                       // a - y
            lossValue = delta.norm2Number().doubleValue();
            lossValue = lossValue * lossValue * scale;
            delta.muli(2 * scale);
            buf.backActivate[n - 1].run();
        } else {
            lossValue = CrossEntropy.sum(out, target) * scale;
            delta.assign(out).subi(target).muli(scale);           // sigmoid + BCE: dL/dz = (a - y) / N
        }
        int p = penalties.layer();
        double perImage = 1.0 / out.rows();
        INDArray contractiveScale = null;
        for (int i = n - 1; i >= 0; i--) {
            buf.weightGradient[i].run();
            if (i == 0 && contractiveScale != null) dw[0].addi(w[0].mulRowVector(contractiveScale));
            buf.biasGradient[i].run();
            if (i > 0) {
                INDArray d = buf.delta[i];
                buf.backProduct[i].run();
                INDArray a = buf.a[i];
                if (i - 1 == p && penalties.activityL1() > 0) {
                    lossValue += penalties.activityL1() * perImage * Transforms.abs(a, true).sumNumber().doubleValue();
                    d.addi(Transforms.sign(a, true).muli(penalties.activityL1() * perImage));
                }
                buf.backActivate[i - 1].run();
                if (i == 1 && penalties.contractive() > 0) {
                    // P = lambda/B sum_b sum_j (h(1-h))^2 S_j with S_j = sum_i W_ij^2;
                    // dP/dz = lambda/B * 2 (h(1-h))^2 (1-2h) S_j;  dP/dW_ij = 2 lambda/B * sum_b (h(1-h))^2 * W_ij
                    INDArray hd = a.rsub(1.0).muli(a);
                    INDArray hd2 = hd.mul(hd);
                    INDArray s2 = w[0].mul(w[0]).sum(true, 0);
                    lossValue += penalties.contractive() * perImage * hd2.mulRowVector(s2).sumNumber().doubleValue();
                    d.addi(hd2.mul(a.mul(-2.0).addi(1.0)).muliRowVector(s2).muli(2 * penalties.contractive() * perImage));
                    contractiveScale = hd2.sum(true, 0).muli(2 * penalties.contractive() * perImage);
                }
            }
        }
        optimizer.step();
        return lossValue;
    }


    /** The training loss on a batch, penalties included, without changing anything (for gradient checks). */
    double loss(INDArray input, INDArray target) {
        Buffers buf = forward(input);
        INDArray out = buf.a[layers.size()];
        double scale = 1.0 / ((double) out.rows() * out.columns());
        double value;
        if (loss == Loss.BCE) {
            value = CrossEntropy.sum(out, target) * scale;
        } else {
            double norm = out.sub(target).norm2Number().doubleValue();
            value = norm * norm * scale;
        }
        INDArray hidden = buf.a[penalties.layer() + 1];
        if (penalties.activityL1() > 0) value += penalties.activityL1() * Transforms.abs(hidden, true).sumNumber().doubleValue() / out.rows();
        if (penalties.contractive() > 0) value += penalties.contractive() * contractivePenalty(input);
        return value;
    }

    /** Mean over the batch of ||d h / d x||_F^2 for the first (sigmoid) hidden layer. */
    public double contractivePenalty(INDArray input) {
        INDArray h = forward(input).a[1];
        INDArray hd = h.rsub(1.0).muli(h);
        INDArray s2 = w[0].mul(w[0]).sum(true, 0);
        return hd.muli(hd).muliRowVector(s2).sumNumber().doubleValue() / input.rows();
    }

    /** The output when {@code noise} (same shape as the layer's activations) is added to layer {@code layer}. */
    public INDArray outputWithNoise(INDArray input, int layer, INDArray noise) {
        return forward(input, layer, noise).a[layers.size()].dup();
    }

    public int units(int layer) { return layers.get(layer).units(); }

    /** The network's output for a batch (a new array). */
    public INDArray output(INDArray input) {
        return forward(input).a[layers.size()].dup();
    }

    /** Activations of layer {@code index} (0-based, after its activation) for a batch (a new array). */
    public INDArray activations(INDArray input, int index) {
        return forward(input).a[index + 1].dup();
    }

    /** Gradients of the last step, flat (for tests). */
    INDArray gradients() { return grads; }

    public INDArray parameters() { return params; }

    /** Weights of layer {@code i}, {@code [in, out]} (a view: do not modify). */
    public INDArray weights(int i) { return w[i]; }

    public long parameterCount() { return params.length(); }
}
