package org.aebench.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aebench.data.Dataset;
import org.aebench.images.ImageWriter;
import org.aebench.images.ImageWriter.GridRow;
import org.aebench.models.DenseProbes;
import org.aebench.models.Reconstructor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The pictures a cell keeps for the site, in its own folder: a reconstruction grid (input, noisy
 * input where the cell has one, output) for the first {@value #SHOWN} test images, and for dense
 * AEs the hidden activations of the first test image. Small PNGs only.
 */
public final class Artifacts {
    public static final int SHOWN = 10;
    private final Path dir;

    public Artifacts(Path dir) {
        this.dir = dir;
    }

    /** Writes nothing (tests). */
    public static Artifacts none() {
        return new Artifacts(null);
    }

    void write(Reconstructor model, Dataset data, Corruption corruption) {
        if (dir == null) return;
        try {
            INDArray clean = data.testX().get(NDArrayIndex.interval(0, SHOWN), NDArrayIndex.all());
            List<GridRow> rows = new ArrayList<>();
            rows.add(new GridRow(clean, 28, false));
            Evaluator.Batches run = corruption.testReconstructions(model);
            if (corruption.noisy(data.testX())) rows.add(new GridRow(corruption.testInputRows(0, SHOWN), 28, false));
            rows.add(new GridRow(run.reconstruct(0, SHOWN), 28, false));
            ImageWriter.write(dir.resolve("reconstructions.png"), rows);
            if (model instanceof DenseProbes probes) {
                INDArray h = probes.hidden(clean.getRow(0, true));
                int side = (int) Math.ceil(Math.sqrt(h.length()));
                ImageWriter.write(dir.resolve("activations.png"), List.of(new GridRow(h, side, true)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
