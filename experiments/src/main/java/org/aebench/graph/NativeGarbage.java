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
 * <p>It also holds the process to a resident-memory limit ({@link #LIMIT_PROPERTY}, such as 14G;
 * without it, JavaCPP's {@code maxphysicalbytes}): a process still above it after a collection ends
 * the step with an {@link OutOfMemoryError} that names the setting, before the kernel kills it.
 * Why here and not JavaCPP's own check: JavaCPP reads the resident size at every native allocation,
 * and ND4J allocates a few per op (shape information), which was a sixth of a small dense
 * network's step (docs/performance.md, "Workers side by side"); once a step is enough.
 *
 * <p>Collection changes no number: it only decides when memory is freed, not what is computed.
 */
public final class NativeGarbage {
    static final long BUDGET = 128L << 20;
    /** System property with the resident-memory limit, in JavaCPP's notation (14G, 800M; 0 = none). */
    public static final String LIMIT_PROPERTY = "aebench.maxresident";
    private static final long LIMIT = limitFrom(System.getProperty(LIMIT_PROPERTY), Pointer.maxPhysicalBytes());
    private static long baseline = -1;

    private NativeGarbage() { }

    /** Called after each unit of allocating work (a training step, an inference batch). */
    public static synchronized void collectIfGrown() {
        long resident = Pointer.physicalBytes();
        if (baseline >= 0 && resident - baseline <= BUDGET) return;
        if (baseline >= 0) {
            System.gc();
            resident = Pointer.physicalBytes();
            if (LIMIT > 0 && resident > LIMIT) {
                throw new OutOfMemoryError(String.format(java.util.Locale.ROOT,
                        "resident memory %.1f GB after a collection is above the limit of %.1f GB (-D%s)", resident / 1e9, LIMIT / 1e9, LIMIT_PROPERTY));
            }
        }
        baseline = resident;
    }

    /** The resident-memory limit in bytes, 0 for none. */
    public static long limit() {
        return LIMIT;
    }

    static long limitFrom(String setting, long fallback) {
        if (setting == null || setting.isBlank()) return fallback;
        try {
            return Pointer.parseBytes(setting.strip(), Runtime.getRuntime().maxMemory());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + LIMIT_PROPERTY + "=" + setting + ": not a size such as 14G or 800M", e);
        }
    }
}
