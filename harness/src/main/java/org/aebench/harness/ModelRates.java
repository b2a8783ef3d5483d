package org.aebench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aebench.contract.RateColumn;
import org.aebench.contract.Row;
import org.aebench.matrix.Cell;
import org.aebench.matrix.MatrixLoader;
import org.aebench.provenance.Provenance;
import org.aebench.results.CsvTable;

/**
 * Each model's measured speed ({@link Estimator.Rate}, by {@code speedKey}) as a fixed table: the
 * one the harness ships ({@code /aebench/model-rates.csv}, written by {@code make estimate
 * SAVE_RATES=1} and committed), so that sharding, which must come out the same on every machine,
 * predicts from numbers that do not change with the machine it runs on. A model missing from the
 * table (a new family) is costed by its multiply-adds at 10^9 a second (training; ten times that for
 * inference), about what the shipped conv models run at, until the table is measured again.
 */
public final class ModelRates {
    static final String RESOURCE = "/aebench/model-rates.csv";
    private final Map<String, Estimator.Rate> rates;

    ModelRates(Map<String, Estimator.Rate> rates) {
        this.rates = Map.copyOf(rates);
    }

    /** The table shipped with the harness, read once per process (a run asks for it to deal, show progress and log itself). */
    public static ModelRates shipped() {
        return Shipped.TABLE;
    }

    private static final class Shipped {
        static final ModelRates TABLE = readShipped();
    }

    private static ModelRates readShipped() {
        try (InputStream in = ModelRates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return new ModelRates(Map.of());
            Path tmp = Files.createTempFile("aebench-rates", ".csv");
            try {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return read(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading the harness's " + RESOURCE, e);
        }
    }

    static ModelRates read(Path file) throws IOException {
        Map<String, Estimator.Rate> rates = new HashMap<>();
        for (Row<RateColumn> r : new CsvTable<>(file, RateColumn.class).read()) {
            rates.put(r.get(RateColumn.SPEED_KEY), new Estimator.Rate(r.number(RateColumn.TRAIN_SAMPLES_PER_SECOND),
                    r.number(RateColumn.INFER_SAMPLES_PER_SECOND)));
        }
        return new ModelRates(rates);
    }

    /** Writes measured rates as a table this class reads, one row per model, in the order measured. */
    static void write(Path file, Map<String, Estimator.Rate> measured, List<Cell> cells, int workers, Provenance provenance) throws IOException {
        Map<String, String> example = new LinkedHashMap<>();
        for (Cell c : cells) example.putIfAbsent(c.spec().speedKey(), c.experimentId());
        String now = java.time.Instant.now().toString();
        List<Row<RateColumn>> rows = new ArrayList<>();
        measured.forEach((key, rate) -> rows.add(new Row<>(RateColumn.class)
                .set(RateColumn.SPEED_KEY, key).set(RateColumn.EXAMPLE, example.getOrDefault(key, ""))
                .set(RateColumn.TRAIN_SAMPLES_PER_SECOND, Math.round(rate.train())).set(RateColumn.INFER_SAMPLES_PER_SECOND, Math.round(rate.infer()))
                .set(RateColumn.WORKERS, workers).set(RateColumn.MEASURED_AT, now).set(RateColumn.GIT_COMMIT, provenance.gitCommit())
                .set(RateColumn.NATIVE_CLASSIFIER, provenance.nativeClassifier())));
        Files.createDirectories(file.toAbsolutePath().getParent());
        new CsvTable<>(file, RateColumn.class).rewrite(rows);
    }

    /** Predicted seconds of a training and its cells' scoring on one worker. */
    double seconds(SharedTraining t) {
        return Estimator.seconds(t, covering(t.cells()));
    }

    /** The table's rates for every model of {@code cells}, a multiply-add estimate for those it lacks. */
    Map<String, Estimator.Rate> covering(List<Cell> cells) {
        Map<String, Estimator.Rate> all = new HashMap<>(rates);
        for (Cell c : cells) {
            String key = c.spec().speedKey();
            if (!c.spec().family().trained() || all.containsKey(key)) continue;
            all.put(key, byMultiplyAdds(c));
        }
        return all;
    }

    private Estimator.Rate byMultiplyAdds(Cell c) {
        double madds = Math.max(1, c.spec().multiplyAddsPerImage(MatrixLoader.IMAGE_FEATURES));
        double perSecond = 1e9;
        return new Estimator.Rate(perSecond / madds, 10 * perSecond / madds);
    }
}
