package org.aebench.optim;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The optimiser step every trained family shares. All of a model's parameters live in one flat
 * buffer, and so do their gradients, so one step is one pass over the whole buffer instead of one
 * per weight array: a fused Java loop for Adam and AdaDelta (float32), ND4J's updater op otherwise. Every
 * {@value #FLUSH_EVERY} steps the optimiser state is flushed of denormal floats: after an epoch a
 * large share of Adam's first moments are denormal, and each one takes a slow path in the CPU
 * (measured: the step runs about twice as slow).
 */
public final class FlatOptimizer {
    /**
     * Adam as one fused loop over Java arrays. libnd4j's adam_updater op, like its sqrt, is
     * scalar per parameter (docs/performance.md, "Optimizers"), while C2 vectorises this loop,
     * square root included; copying gradients in and updates out is a
     * memcpy each. The moments live on the Java heap.
     */
    /** An update rule run as one loop over Java arrays (see {@link FusedAdam} for why). */
    private interface HeapRule {
        /** Turns the gradients in {@code g} into the update, in place; {@code t} counts steps from 1. */
        void update(float[] g, int t);

        void flushDenormals();
    }

    /** AdaDelta (Zeiler 2012, as Keras and DL4J run it): no learning rate, rho and eps only. */
    private static final class FusedAdaDelta implements HeapRule {
        private final float rho;
        private final float eps;
        private final float[] msg;
        private final float[] msdx;

        FusedAdaDelta(org.nd4j.linalg.learning.config.AdaDelta config, int n) {
            this.rho = (float) config.getRho();
            this.eps = (float) config.getEpsilon();
            this.msg = new float[n];
            this.msdx = new float[n];
        }

        @Override
        public void update(float[] g, int t) {
            float a = 1 - rho;
            for (int i = 0; i < g.length; i++) {
                float gi = g[i];
                float sg = rho * msg[i] + a * gi * gi;
                float dx = (float) Math.sqrt(msdx[i] + eps) / (float) Math.sqrt(sg + eps) * gi;
                msg[i] = sg;
                msdx[i] = rho * msdx[i] + a * dx * dx;
                g[i] = dx;
            }
        }

        @Override
        public void flushDenormals() {
            for (int i = 0; i < msg.length; i++) {
                if (msg[i] < DENORMAL_CUTOFF) msg[i] = 0f;
                if (msdx[i] < DENORMAL_CUTOFF) msdx[i] = 0f;
            }
        }
    }

    private static final class FusedAdam implements HeapRule {
        private final float beta1;
        private final float beta2;
        private final double lr;
        private final double eps;
        private final float[] m;
        private final float[] v;

        FusedAdam(org.nd4j.linalg.learning.config.Adam config, int n) {
            this.lr = config.getLearningRate();
            this.beta1 = (float) config.getBeta1();
            this.beta2 = (float) config.getBeta2();
            this.eps = config.getEpsilon();
            this.m = new float[n];
            this.v = new float[n];
        }

        /** PyTorch's rule: update = lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps). */
        @Override
        public void update(float[] g, int t) {
            double c1 = 1 - Math.pow(beta1, t);
            double c2 = Math.sqrt(1 - Math.pow(beta2, t));
            float stepSize = (float) (lr * c2 / c1);
            float epsHat = (float) (eps * c2);
            float a1 = 1 - beta1;
            float a2 = 1 - beta2;
            for (int i = 0; i < g.length; i++) {
                float gi = g[i];
                float mi = beta1 * m[i] + a1 * gi;
                float vi = beta2 * v[i] + a2 * gi * gi;
                m[i] = mi;
                v[i] = vi;
                g[i] = stepSize * mi / ((float) Math.sqrt(vi) + epsHat);
            }
        }

        @Override
        public void flushDenormals() {
            for (int i = 0; i < m.length; i++) {
                if (Math.abs(m[i]) < DENORMAL_CUTOFF) m[i] = 0f;
                if (v[i] < DENORMAL_CUTOFF) v[i] = 0f;
            }
        }
    }

    static final int FLUSH_EVERY = 50;
    /** Optimiser state smaller than this is set to 0; far below anything that moves a float32 weight. */
    static final double DENORMAL_CUTOFF = 1e-30;

    private final INDArray params;
    private final INDArray grads;
    private final INDArray state;
    private final GradientUpdater<?> updater;
    private final HeapRule rule;
    private final float[] heapGradients;
    private final FloatBuffer gradientBuffer;
    private final double weightDecay;
    private int iteration;

    public FlatOptimizer(INDArray params, INDArray grads, IUpdater config) {
        this(params, grads, config, 0);
    }

    /**
     * @param weightDecay L2 coefficient added to each gradient before the update rule sees it, as
     *                    PyTorch's Adam(weight_decay=...) does (coupled, not AdamW)
     */
    public FlatOptimizer(INDArray params, INDArray grads, IUpdater config, double weightDecay) {
        this.weightDecay = weightDecay;
        this.params = params;
        this.grads = grads;
        int n = Math.toIntExact(params.length());
        HeapRule heap = null;
        if (params.dataType() == DataType.FLOAT) {
            if (config instanceof org.nd4j.linalg.learning.config.Adam a) heap = new FusedAdam(a, n);
            else if (config instanceof org.nd4j.linalg.learning.config.AdaDelta d) heap = new FusedAdaDelta(d, n);
        }
        this.rule = heap;
        if (heap != null) {
            this.heapGradients = new float[n];
            this.gradientBuffer = grads.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
            this.state = null;
            this.updater = null;
        } else {
            this.heapGradients = null;
            this.gradientBuffer = null;
            long stateSize = config.stateSize(params.length());
            this.state = stateSize > 0 ? Nd4j.create(params.dataType(), 1, stateSize) : null;
            this.updater = config.instantiate(state, true);
        }
    }

    /** Applies the gradients now in the gradient buffer (which then holds the update). */
    public void step() {
        iteration++;
        if (weightDecay > 0) Nd4j.getBlasWrapper().level1().axpy(grads.length(), weightDecay, params, grads);
        if (rule != null) {
            gradientBuffer.get(0, heapGradients);
            rule.update(heapGradients, iteration);
            gradientBuffer.put(0, heapGradients);
        } else {
            updater.applyUpdater(grads, iteration - 1, 0);
        }
        params.subi(grads);
        if (iteration % FLUSH_EVERY == 0) {
            if (rule != null) rule.flushDenormals();
            else if (state != null) BooleanIndexing.replaceWhere(state, 0.0, Conditions.absLessThan(DENORMAL_CUTOFF));
        }
    }
}
