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
    private final java.nio.file.Path artifactsRoot;

    /** @param artifactsRoot folder for each cell's pictures (null: none are written) */
    public TrainingExecutor(DataCatalog catalog, java.nio.file.Path artifactsRoot) {
        this.catalog = catalog;
        this.artifactsRoot = artifactsRoot;
    }

    /** A cell's artifact folder name: its id with '/' spelled '~' (ids never contain '~'). */
    public static String folderName(String cellId) {
        return cellId.replace('/', '~');
    }

    @Override
    public void prepare(List<Cell> cells) {
        cells.stream().map(c -> c.spec().dataset()).distinct().forEach(catalog::load);
    }

    @Override
    public Executed execute(Cell cell, TrainingListener listener) {
        Dataset data = catalog.load(cell.spec().dataset(), cell.trainLimit(), cell.testLimit());
        org.aebench.train.Artifacts artifacts = artifactsRoot == null ? org.aebench.train.Artifacts.none()
                : new org.aebench.train.Artifacts(artifactsRoot.resolve(folderName(cell.id())));
        // probes read the first test images of another data set (e.g. Fashion-MNIST items shown to an MNIST AE)
        return new Executed(Trainer.run(cell, data, listener, artifacts, id -> catalog.load(id, 1, cell.testLimit())), data.sha256());
    }
}
