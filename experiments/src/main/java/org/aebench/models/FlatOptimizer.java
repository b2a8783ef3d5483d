package org.aebench.models;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The optimiser step every trained family shares. All of a model's parameters live in one flat
 * buffer (the model's weights are views into it), and so do their gradients; one step is one
 * native updater op over the whole buffer instead of one per weight array. Every
 * {@value #FLUSH_EVERY} steps the optimiser state is flushed of denormal floats: after an epoch a
 * large share of Adam's first moments are denormal, and each one takes a slow path in the CPU
 * (measured: the step runs about twice as slow).
 */
final class FlatOptimizer {
    static final int FLUSH_EVERY = 50;
    /** Optimiser state smaller than this is set to 0; far below anything that moves a float32 weight. */
    static final double DENORMAL_CUTOFF = 1e-30;

    private final INDArray params;
    private final INDArray grads;
    private final INDArray state;
    private final GradientUpdater<?> updater;
    private int iteration;

    FlatOptimizer(INDArray params, INDArray grads, IUpdater config) {
        this.params = params;
        this.grads = grads;
        long stateSize = config.stateSize(params.length());
        this.state = stateSize > 0 ? org.nd4j.linalg.factory.Nd4j.create(params.dataType(), 1, stateSize) : null;
        this.updater = config.instantiate(state, true);
    }

    /** Applies the gradients now in the gradient buffer (which then holds the update). */
    void step() {
        updater.applyUpdater(grads, iteration, 0);
        params.subi(grads);
        iteration++;
        if (state != null && iteration % FLUSH_EVERY == 0) {
            BooleanIndexing.replaceWhere(state, 0.0, Conditions.absLessThan(DENORMAL_CUTOFF));
        }
    }
}
