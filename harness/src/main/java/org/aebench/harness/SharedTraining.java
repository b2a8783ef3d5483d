package org.aebench.harness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aebench.matrix.Cell;

/**
 * Cells with one {@link Cell#trainingKey}: one network trained once, then scored once per cell.
 * Why: reports 000 and 001 are the same assignment, so their convolutional AEs, hidden-size AEs
 * and one denoiser are the same training; each report also scores its standard AE on noisy
 * images (the h = 256 network trained on clean ones) and report 001 its manifold AE with noise on
 * the code. Of the full profile's 61 cells, 18 are scored on another's training (43 trainings).
 */
record SharedTraining(List<Cell> cells) {
    /** The run's order: by the cost of the training (see {@link CellCost#ORDER}). */
    static final Comparator<SharedTraining> ORDER = Comparator.comparing(SharedTraining::first, CellCost.ORDER);

    /** The cells grouped by training, in the order each training's first cell comes. */
    static List<SharedTraining> of(List<Cell> cells) {
        Map<Cell.TrainingKey, List<Cell>> byKey = new LinkedHashMap<>();
        for (Cell c : cells) byKey.computeIfAbsent(c.trainingKey(), k -> new ArrayList<>()).add(c);
        return byKey.values().stream().map(SharedTraining::new).toList();
    }

    /** The cell the training is run as: its settings, seed and epochs are every cell's. */
    Cell first() { return cells.get(0); }
}
