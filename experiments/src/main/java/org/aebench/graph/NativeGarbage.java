package org.aebench.graph;

import org.bytedeco.javacpp.Pointer;

/**
 * Collects the JVM's garbage whenever the process has grown by {@link #BUDGET} since the last
 * collection.
 *
 * <p>Why: ND4J frees an array's native buffer only when the JVM collects the small Java object
 * that owns it, and SameDiff's sessions in 1.0.0-M2.1 give back almost nothing themselves. A pass
 * makes hundreds of MB of such native garbage but almost no Java heap garbage, so the JVM rarely
 * collects: the process grows by GBs and every new buffer is fresh memory the kernel must zero.
 * Page zeroing of that fresh memory was once half of a conv step (figures: docs/performance.md,
 * "Native memory"). Training steps now recycle their own arrays; this still bounds inference and
 * everything else. JavaCPP's own {@code maxbytes} trigger never fires: it does not count ND4J's buffers.
 *
 * <p>Every model's training step and inference call it (SameDiff models and the dense AE), so
 * the runner, JMH and the estimator all get it. It measures the whole process, so the same call
 * also bounds the training loop's noise and shuffled copies and the evaluator's temporaries.
 * A call costs one read of the resident size.
 *
 * <p>Collection changes no number: it only decides when memory is freed, not what is computed.
 */
public final class NativeGarbage {
    static final long BUDGET = 128L << 20;
    private static long baseline = -1;

    private NativeGarbage() { }

    /** Called after each unit of allocating work (a training step, an inference batch). */
    public static synchronized void collectIfGrown() {
        long resident = Pointer.physicalBytes();
        if (baseline >= 0 && resident - baseline <= BUDGET) return;
        if (baseline >= 0) {
            System.gc();
            resident = Pointer.physicalBytes();
        }
        baseline = resident;
    }
}
