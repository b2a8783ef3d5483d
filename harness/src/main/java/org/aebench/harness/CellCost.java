package org.aebench.harness;

import org.aebench.matrix.Cell;
import org.aebench.matrix.MatrixLoader;

/** How much work a cell is, for scheduling and the run's ETA. */
final class CellCost {
    private CellCost() {}

    /** Training sample-passes: epochs x training images (0 for closed-form fits, which take seconds). */
    static long passes(Cell c) {
        int images = c.trainLimit() != null ? c.trainLimit() : 60_000;
        return (long) c.epochs() * images;
    }

    /**
     * The order a worker takes cells in: SameDiff graphs first, then by multiply-adds, largest
     * first. Measured: a conv AE trained after the deep dense AE in one JVM ran slower, while the
     * dense AE after the conv AE kept its speed (docs/performance.md); so graphs go first.
     */
    static final java.util.Comparator<Cell> ORDER = java.util.Comparator
            .comparing((Cell c) -> !c.spec().family().graph())
            .thenComparing(java.util.Comparator.comparingDouble(CellCost::multiplyAdds).reversed());

    /** Sample-passes x multiply-adds per image: comparable across architectures, unlike passes alone. */
    static double multiplyAdds(Cell c) {
        return (double) passes(c) * Math.max(1, c.spec().multiplyAddsPerImage(MatrixLoader.IMAGE_FEATURES));
    }

    /**
     * Bytes a cell's training needs at least: weights, gradients and Adam's two moments, 4 bytes
     * each, counting one weight per multiply-add of an image's forward pass (exact for dense
     * layers, generous for convolutions, which reuse each weight many times).
     */
    static long memoryBytes(Cell c) {
        long madds = c.spec().multiplyAddsPerImage(MatrixLoader.IMAGE_FEATURES);
        return madds > Long.MAX_VALUE / 16 ? Long.MAX_VALUE : 16 * madds;
    }

    /**
     * Refuses, before anything trains, a run with a cell that cannot fit in the native memory
     * limit ({@code limit} bytes; 0 = none): such a cell would otherwise end the process part-way.
     */
    static void refuseTooLarge(java.util.List<Cell> cells, long limit) {
        if (limit <= 0) return;
        for (Cell c : cells) {
            long need = memoryBytes(c);
            if (need > limit) {
                throw new org.aebench.matrix.MatrixException(String.format(java.util.Locale.ROOT,
                        "cell %s needs at least %.1f GB of native memory for its weights and optimiser state, more than the limit of %.1f GB"
                                + " (-Daebench.maxresident in JAVA_OPTS); nothing was run", c.id(), need / 1e9, limit / 1e9));
            }
        }
    }
}
