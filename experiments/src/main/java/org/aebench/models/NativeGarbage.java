package org.aebench.models;

import org.bytedeco.javacpp.Pointer;

/**
 * Collects the JVM's garbage whenever the process has grown by {@link #BUDGET} since the last
 * collection.
 *
 * <p>Why: ND4J frees an array's native buffer only when the JVM collects the small Java object
 * that owns it, and SameDiff's sessions in 1.0.0-M2.1 give back almost nothing themselves. A pass
 * makes hundreds of MB of such native garbage but almost no Java heap garbage, so the JVM rarely
 * collects: the process grows by GBs and every new buffer is fresh memory the kernel must zero.
 * Measured on r003's 64-filter denoiser before {@link StepMemory} took over the training step: the
 * process grew to 15 GB in 30 steps and page zeroing ({@code clear_page_erms}) was half the time
 * (151 samples/s); collecting on 128 MB of growth gave 656 samples/s with the process near 4 GB
 * (512 MB: 419). Training steps now recycle their own arrays; this still bounds inference and
 * everything else. JavaCPP's own {@code maxbytes} trigger never fires: it does not count ND4J's buffers.
 *
 * <p>Every model's training step and inference call it (SameDiff models and the dense AE), so
 * the runner, JMH and the estimator all get it. It measures the whole process, so the same call
 * also bounds the training loop's noise and shuffled copies and the evaluator's temporaries.
 * Before the dense AE called it, the ci profile's 15 dense cells of report 001 grew the process
 * to 7.1 GB with 17 s of system time in 52 s (page faults on fresh memory); with it, 3.0 GB, 7 s
 * and 43 s. A call costs about 1 us (one read of the resident size).
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
