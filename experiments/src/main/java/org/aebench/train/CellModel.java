package org.aebench.train;

import org.aebench.matrix.Cell;
import org.aebench.model.Reconstructor;
import org.nd4j.linalg.factory.Nd4j;

/** The one place a cell's model is built, seeded from the cell: for the trainer, the estimate and the benchmark alike. */
public final class CellModel {
    private CellModel() {}

    /** @param inputs pixels per image of the cell's data set */
    public static Reconstructor of(Cell cell, int inputs) {
        CellSeeds seeds = new CellSeeds(cell.seed());
        Nd4j.getRandom().setSeed(seeds.weights());
        return cell.spec().build(inputs, seeds.weights(), seeds.derive("model-noise"));
    }
}
