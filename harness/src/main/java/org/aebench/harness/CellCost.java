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
}
