package org.aebench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aebench.contract.CrosscheckColumn;
import org.aebench.contract.Row;
import org.aebench.contract.Status;
import org.aebench.data.DataCatalog;
import org.aebench.data.Dataset;
import org.aebench.matrix.Cell;
import org.aebench.provenance.Provenance;
import org.aebench.results.CsvTable;
import org.aebench.train.Trainer;

/**
 * The cells of a profile trained to completion by PyTorch ({@code pytorch_reference.py --train}):
 * same architecture, data, epochs, batch size, optimiser and seed number, PyTorch's own
 * initialisation and shuffling. Rows go to {@code <profile>/crosscheck.csv}, resumed cell by cell.
 *
 * <p>Why: a collapse or a number of ours that the reference framework does not share is a defect
 * of our port; one it shares is a property of the architecture. Models with a penalty, dropout or
 * batch norm are not built by the script, and cells scored with noise on the code are left out;
 * input noise is added as {@code NoiseStream} adds it. Every cell is scored on the clean test
 * images, beside our {@code noise_free_test_mse}, and on noisy ones where the cell has them.
 */
public final class Crosscheck {
    /** One intra-op thread, as each of the runner's workers trains: the cost is then comparable cell by cell. */
    static final int THREADS = 1;

    private Crosscheck() {}

    /**
     * Trains every eligible cell not yet in {@code out}; returns the rows written now. A dry run
     * lists them (which needs PyTorch, asked which models it builds) and trains nothing.
     */
    public static List<Row<CrosscheckColumn>> run(List<Cell> cells, DataCatalog catalog, Path out, String python, Provenance provenance,
                                                  boolean dryRun) throws IOException, InterruptedException {
        Files.createDirectories(out.getParent());
        CsvTable<CrosscheckColumn> table = new CsvTable<>(out, CrosscheckColumn.class);
        Set<String> done = new HashSet<>();
        for (Row<CrosscheckColumn> r : table.openForAppend()) done.add(r.get(CrosscheckColumn.CELL_ID));
        Path work = Files.createTempDirectory("aebench-crosscheck");
        List<Row<CrosscheckColumn>> written = new ArrayList<>();
        Map<String, Boolean> built = new HashMap<>();
        try {
            Path script = PyTorchReference.script(work);
            List<Cell> todo = new ArrayList<>();
            for (Cell c : cells) {
                if (done.contains(c.id()) || !c.spec().family().trained() || c.spec().scoring().codeNoiseLevel() > 0) continue;
                List<String> command = PyTorchReference.command(python, script, c.spec(), c.spec().dataset().features());
                if (built.computeIfAbsent(c.experimentId(), k -> has(command))) todo.add(c);
            }
            System.err.printf(Locale.ROOT, "crosscheck: %d cells to train in PyTorch (%d already in %s, %d closed-form, scored with noise on the code or without a PyTorch version)%n",
                    todo.size(), done.size(), out, cells.size() - todo.size() - done.size());
            if (dryRun) {
                long trainings = todo.stream().map(Cell::trainingKey).distinct().count();
                for (Cell c : todo) System.err.printf(Locale.ROOT, "crosscheck: would train %s (%d epochs)%n", c.id(), c.epochs());
                System.err.printf(Locale.ROOT, "crosscheck: %d cells in %d PyTorch trainings; nothing trained (dry run)%n", todo.size(), trainings);
                return written;
            }
            int i = 0;
            // cells that train the very same network (they differ only in how they are scored) share one PyTorch training
            Map<Cell.TrainingKey, JsonNode> trained = new HashMap<>();
            for (Cell c : todo) {
                Dataset data = catalog.load(c.spec().dataset(), c.trainLimit(), c.testLimit());
                Path train = work.resolve("train.f32"), test = work.resolve("test.f32");
                List<String> command = PyTorchReference.command(python, script, c.spec(), data.features());
                command.addAll(List.of("--train", "--images", train.toString(), "--test-images", test.toString(), "--epochs", String.valueOf(c.epochs()),
                        "--seed", String.valueOf(c.seed()), "--threads", String.valueOf(THREADS), "--collapse-std", String.valueOf(Trainer.COLLAPSE_STD),
                        "--input-noise", String.valueOf(c.spec().trainingNoise()), "--test-noise", String.valueOf(c.spec().evaluationNoise())));
                System.err.printf(Locale.ROOT, "crosscheck [%d/%d] %s: %d epochs of %,d images%n", ++i, todo.size(), c.id(), c.epochs(), data.trainCount());
                JsonNode result = trained.get(c.trainingKey());
                if (result == null) {
                    // images are written only for a training that runs: cells sharing one reuse its result
                    PyTorchReference.writeImages(data.trainX(), train);
                    PyTorchReference.writeImages(data.testX(), test);
                    result = PyTorchReference.execute(command);
                    trained.put(c.trainingKey(), result);
                }
                boolean collapsed = result.get("output_std").asDouble() < Trainer.COLLAPSE_STD;
                Row<CrosscheckColumn> row = new Row<>(CrosscheckColumn.class)
                        .set(CrosscheckColumn.CELL_ID, c.id()).set(CrosscheckColumn.EXPERIMENT_ID, c.experimentId())
                        .set(CrosscheckColumn.SEED, c.seed()).set(CrosscheckColumn.PROFILE, c.profile())
                        .set(CrosscheckColumn.FRAMEWORK, "torch " + result.get("torch").asText())
                        .set(CrosscheckColumn.EPOCHS, c.epochs()).set(CrosscheckColumn.TRAIN_SAMPLES, data.trainCount())
                        .set(CrosscheckColumn.TEST_MSE, result.get("test_mse").asDouble()).set(CrosscheckColumn.TEST_MAE, result.get("test_mae").asDouble())
                        .set(CrosscheckColumn.NOISY_TEST_MSE, result.get("noisy_test_mse").isNull() ? "" : result.get("noisy_test_mse").asText())
                        .set(CrosscheckColumn.DEAD_AT_INIT, result.get("dead_at_init").asBoolean())
                        .set(CrosscheckColumn.STATUS, (collapsed ? Status.COLLAPSED : Status.OK).key())
                        .set(CrosscheckColumn.TRAIN_SECONDS, result.get("train_seconds").asDouble())
                        .set(CrosscheckColumn.THREADS, THREADS)
                        .set(CrosscheckColumn.GIT_COMMIT, provenance.gitCommit())
                        .set(CrosscheckColumn.FINISHED_AT, Instant.now().toString());
                table.append(List.of(row));  // one row at a time: a crash loses at most the cell in training
                written.add(row);
                System.err.printf(Locale.ROOT, "crosscheck [%d/%d] %s: test MSE %.5f, %s%s, %.0f s%n", i, todo.size(), c.id(),
                        row.number(CrosscheckColumn.TEST_MSE), row.get(CrosscheckColumn.STATUS),
                        result.get("dead_at_init").asBoolean() ? " (dead at initialisation)" : "", row.number(CrosscheckColumn.TRAIN_SECONDS));
            }
        } finally {
            PyTorchReference.delete(work);
        }
        return written;
    }

    private static boolean has(List<String> command) {
        try {
            return PyTorchReference.has(command);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
