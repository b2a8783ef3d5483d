package org.aebench.harness;

import java.util.List;
import org.aebench.data.DataCatalog;
import org.aebench.data.Dataset;
import org.aebench.matrix.Cell;
import org.aebench.train.Artifacts;
import org.aebench.train.CellOutcome;
import org.aebench.train.Trainer;
import org.aebench.train.TrainingListener;

/** Loads the cells' data (verified) and hands it to the one training loop. */
public final class TrainingExecutor implements CellExecutor {
    private final DataCatalog catalog;
    private final java.nio.file.Path artifactsRoot;

    /** @param artifactsRoot folder for each cell's pictures (null: none are written) */
    public TrainingExecutor(DataCatalog catalog, java.nio.file.Path artifactsRoot) {
        this.catalog = catalog;
        this.artifactsRoot = artifactsRoot;
    }

    @Override
    public void prepare(List<Cell> cells) {
        cells.stream().map(c -> c.spec().dataset()).distinct().forEach(catalog::load);
    }

    @Override
    public List<Executed> execute(List<Cell> cells, TrainingListener listener) {
        Cell first = cells.get(0);
        Dataset data = catalog.load(first.spec().dataset(), first.trainLimit(), first.testLimit());
        // probes read the first test images of another data set (e.g. Fashion-MNIST items shown to an MNIST AE)
        List<CellOutcome> outcomes = Trainer.run(cells, data, listener, this::artifacts, id -> catalog.load(id, 1, first.testLimit()));
        return outcomes.stream().map(o -> new Executed(o, data.sha256())).toList();
    }

    private Artifacts artifacts(Cell cell) {
        return artifactsRoot == null ? Artifacts.none() : new Artifacts(artifactsRoot.resolve(org.aebench.contract.Artifact.folder(cell.id())));
    }
}
