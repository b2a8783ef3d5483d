package org.aebench.harness;

import java.util.List;
import org.aebench.data.DataCatalog;
import org.aebench.data.Dataset;
import org.aebench.matrix.Cell;
import org.aebench.train.Trainer;
import org.aebench.train.TrainingListener;

/** Loads the cell's data (verified) and hands it to the one training loop. */
public final class TrainingExecutor implements CellExecutor {
    private final DataCatalog catalog;

    public TrainingExecutor(DataCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void prepare(List<Cell> cells) {
        cells.stream().map(c -> c.spec().dataset()).distinct().forEach(catalog::load);
    }

    @Override
    public Executed execute(Cell cell, TrainingListener listener) {
        Dataset data = catalog.load(cell.spec().dataset(), cell.trainLimit(), cell.testLimit());
        return new Executed(Trainer.run(cell, data, listener), data.sha256());
    }
}
