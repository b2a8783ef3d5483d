package org.aebench.models;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aebench.matrix.Activation;
import org.aebench.matrix.LayerSpec;
import org.aebench.matrix.Loss;
import org.aebench.matrix.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.ThresholdReluBp;
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
 * allocated once per batch size.
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
    private final Map<Long, Buffers> buffers = new HashMap<>();

    public DenseNetwork(int inputs, List<LayerSpec> layers, Loss loss, IUpdater updaterConfig, WeightInit init,
                        long seed, DataType dtype) {
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

    /** Per-batch-size work arrays: activations a[0..n] (a[0] is the input), deltas, and a scratch. */
    private final class Buffers {
        final INDArray[] a;
        final INDArray[] delta;

        Buffers(long batch) {
            int n = layers.size();
            a = new INDArray[n + 1];
            delta = new INDArray[n + 1];
            for (int i = 0; i < n; i++) {
                a[i + 1] = Nd4j.create(dtype, new long[] {batch, layers.get(i).units()}, 'c');
                delta[i + 1] = Nd4j.create(dtype, new long[] {batch, layers.get(i).units()}, 'c');
            }
        }
    }

    private Buffers buffers(long batch) {
        return buffers.computeIfAbsent(batch, Buffers::new);
    }

    /** Forward pass into the batch-size buffers; returns them (a[n] is the output). */
    private Buffers forward(INDArray x) {
        Buffers buf = buffers(x.rows());
        buf.a[0] = x;
        for (int i = 0; i < layers.size(); i++) {
            INDArray z = buf.a[i + 1];
            Nd4j.gemm(buf.a[i], w[i], z, false, false, 1.0, 0.0);
            z.addiRowVector(b[i]);
            activate(z, layers.get(i).activation());
        }
        return buf;
    }

    private static void activate(INDArray z, Activation a) {
        switch (a) {
            case RELU -> Transforms.relu(z, false);
            case SIGMOID -> Transforms.sigmoid(z, false);
            case TANH -> Transforms.tanh(z, false);
            case IDENTITY -> { }
        }
    }

    /** delta := delta * f'(z), written with the layer's output a = f(z). */
    private static void backActivate(INDArray delta, INDArray a, Activation act) {
        switch (act) {
            case RELU -> Nd4j.exec(new ThresholdReluBp(a, delta, delta, 0.0));
            case SIGMOID -> delta.muli(a.rsub(1.0).muli(a));
            case TANH -> delta.muli(a.mul(a).rsubi(1.0));
            case IDENTITY -> { }
        }
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
            backActivate(delta, out, layers.get(n - 1).activation());
        } else {
            lossValue = bce(out, target) * scale;
            delta.assign(out).subi(target).muli(scale);           // sigmoid + BCE: dL/dz = (a - y) / N
        }
        for (int i = n - 1; i >= 0; i--) {
            Nd4j.gemm(buf.a[i], buf.delta[i + 1], dw[i], true, false, 1.0, 0.0);
            db[i].assign(buf.delta[i + 1].sum(true, 0));
            if (i > 0) {
                Nd4j.gemm(buf.delta[i + 1], w[i], buf.delta[i], false, true, 1.0, 0.0);
                backActivate(buf.delta[i], buf.a[i], layers.get(i - 1).activation());
            }
        }
        optimizer.step();
        return lossValue;
    }

    /** Sum over pixels of the binary cross-entropy, probabilities clipped as Keras does. */
    private static double bce(INDArray p, INDArray y) {
        double eps = 1e-7;
        INDArray pc = Transforms.max(Transforms.min(p, 1 - eps, true), eps, false);
        INDArray ll = y.mul(Transforms.log(pc, true)).addi(y.rsub(1).muli(Transforms.log(pc.rsubi(1), false)));
        return -ll.sumNumber().doubleValue();
    }

    /** The loss on a batch without changing anything (for gradient checks). */
    double loss(INDArray input, INDArray target) {
        INDArray out = forward(input).a[layers.size()];
        double scale = 1.0 / ((double) out.rows() * out.columns());
        if (loss == Loss.BCE) return bce(out, target) * scale;
        double norm = out.sub(target).norm2Number().doubleValue();
        return norm * norm * scale;
    }

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

    public long parameterCount() { return params.length(); }
}
