package org.aebench.train;

import org.aebench.contract.Artifact;
import org.aebench.contract.CodesFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aebench.data.Dataset;
import org.aebench.images.ImageWriter;
import org.aebench.images.ImageWriter.GridRow;
import org.aebench.model.DenseProbes;
import org.aebench.model.FilterImages;
import org.aebench.model.LatentModel;
import org.aebench.model.Reconstructor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The pictures (and small data) a cell keeps for the site, in its own folder, all small:
 * <ul>
 * <li>{@code reconstructions.png}: input, noisy input where the cell has one, output, for the first {@value #SHOWN} test images;
 * <li>{@code training.png}: the output for the same inputs after epochs 1, 2, 5, 10, 20, 50 and the last (report 002 shows outputs during training);
 * <li>{@code activations.png}: dense AEs, the measured hidden layer's activations for the first test image;
 * <li>{@code filters-NAME.png}: learned filters, where the model has some worth showing;
 * <li>{@code probes.png}: non-digit probe items and noisy digits, each with its output (reports 000/001 section 3);
 * <li>{@code codes.json} and {@code interpolation.png}: models with a readable code, the codes of the first
 *     {@value #CODES} test images with their labels and a 2-D t-SNE of them, and the images decoded along the
 *     straight line between the codes of two test digits of different classes.
 * </ul>
 */
public final class Artifacts {
    public static final int SHOWN = 10;
    static final int CODES = 1000;
    static final int INTERPOLATION_STEPS = 10;
    private static final java.util.Set<Integer> SNAPSHOT_EPOCHS = java.util.Set.of(1, 2, 5, 10, 20, 50);
    private final Path dir;
    private final List<GridRow> snapshots = new ArrayList<>();
    private int channels = 1;

    public Artifacts(Path dir) {
        this.dir = dir;
    }

    /** Writes nothing (tests). */
    public static Artifacts none() {
        return new Artifacts(null);
    }

    void trainingStarts(Dataset data, Corruption corruption) {
        if (dir == null) return;
        channels = data.id().channels();
        snapshots.clear();
        snapshots.add(row(corruption.testInputRows(0, SHOWN), false));
    }

    void epochFinished(Reconstructor model, Corruption corruption, int epoch, int total) {
        if (dir == null || !(SNAPSHOT_EPOCHS.contains(epoch) || epoch == total)) return;
        snapshots.add(row(corruption.testReconstructions(model).reconstruct(0, SHOWN), false));
    }

    private GridRow row(INDArray tiles, boolean normalise) {
        return new GridRow(tiles.dup(), 28, normalise, channels);
    }

    void write(Reconstructor model, Dataset data, Corruption corruption, ProbeData probes) {
        if (dir == null) return;
        channels = data.id().channels();
        try {
            INDArray clean = Corruption.rows(data.testX(), 0, SHOWN);
            List<GridRow> rows = new ArrayList<>();
            rows.add(row(clean, false));
            if (corruption.noisy(data.testX())) rows.add(row(corruption.testInputRows(0, SHOWN), false));
            rows.add(row(corruption.testReconstructions(model).reconstruct(0, SHOWN), false));
            ImageWriter.write(dir.resolve(Artifact.RECONSTRUCTIONS.file()), rows);
            if (snapshots.size() > 1) {
                List<GridRow> training = new ArrayList<>(snapshots);
                training.add(row(clean, false));
                ImageWriter.write(dir.resolve(Artifact.TRAINING.file()), training);
            }
            if (model instanceof DenseProbes dense) {
                INDArray h = dense.hidden(clean.getRow(0, true));
                int side = (int) Math.ceil(Math.sqrt(h.length()));
                ImageWriter.write(dir.resolve(Artifact.ACTIVATIONS.file()), List.of(new GridRow(h, side, true)));
            }
            if (model instanceof FilterImages f) {
                for (Map.Entry<Artifact, FilterImages.Filters> e : f.filters().entrySet()) {
                    ImageWriter.write(dir.resolve(e.getKey().file()),
                            List.of(new GridRow(e.getValue().tiles(), e.getValue().side(), true)));
                }
            }
            if (probes.hasNonDigit()) {
                INDArray items = probes.nonDigits(SHOWN);
                INDArray noisy = probes.noisyDigits(SHOWN);
                ImageWriter.write(dir.resolve(Artifact.PROBES.file()), List.of(row(items, false), row(model.reconstruct(items), false),
                        row(noisy, false), row(model.reconstruct(noisy), false)));
            }
            if (model instanceof LatentModel latent) writeCodes(latent, data, probes.seeds());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeCodes(LatentModel model, Dataset data, CellSeeds seeds) throws IOException {
        int n = Math.min(CODES, data.testCount());
        INDArray codes = model.encode(Corruption.rows(data.testX(), 0, n)).castTo(DataType.DOUBLE);
        double[][] x = codes.toDoubleMatrix();
        // t-SNE draws its start from Smile's thread-local generator: seed it from the cell
        smile.math.MathEx.setSeed(seeds.derive("tsne"));
        double[][] tsne = new smile.manifold.TSNE(x, 2, Math.min(30, (n - 1) / 3.0), 200, 1000).coordinates;
        // report 002 section 5.4 also shows a 3-D t-SNE: its own start, seeded from the cell as well
        smile.math.MathEx.setSeed(seeds.derive("tsne-3d"));
        double[][] tsne3 = new smile.manifold.TSNE(x, 3, Math.min(30, (n - 1) / 3.0), 200, 1000).coordinates;
        CodesFile file = new CodesFile("codes of the first " + n + " test images (clean input) and a 2-D and a 3-D t-SNE of them "
                + "(perplexity 30, 1000 iterations, Smile 2.6)", java.util.Arrays.copyOf(data.testLabels(), n), round(tsne), round(x), round(tsne3));
        Files.createDirectories(dir);
        new ObjectMapper().writeValue(dir.resolve(Artifact.CODES.file()).toFile(), file);

        int a = 0, b = 1;
        while (b < n && data.testLabels()[b] == data.testLabels()[a]) b++;
        INDArray ca = codes.getRow(a, true), cb = codes.getRow(b, true);
        INDArray line = Nd4j.create(DataType.DOUBLE, INTERPOLATION_STEPS, codes.columns());
        for (int i = 0; i < INTERPOLATION_STEPS; i++) {
            double t = i / (double) (INTERPOLATION_STEPS - 1);
            line.putRow(i, ca.mul(1 - t).add(cb.mul(t)));
        }
        ImageWriter.write(dir.resolve(Artifact.INTERPOLATION.file()), List.of(row(model.decode(line.castTo(DataType.FLOAT)), false)));
    }

    private static double[][] round(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = new double[m[i].length];
            for (int j = 0; j < m[i].length; j++) out[i][j] = Math.round(m[i][j] * 1e4) / 1e4;
        }
        return out;
    }
}
