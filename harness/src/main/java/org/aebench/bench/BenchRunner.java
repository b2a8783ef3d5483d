package org.aebench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.aebench.provenance.Provenance;
import org.aebench.contract.BenchColumn;
import org.aebench.results.CsvTable;
import org.aebench.contract.Row;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ModelBenchmark} with JMH and writes JMH's own JSON plus {@code summary.csv} in
 * samples per second. Honest settings by default: one fork per benchmark, warm-up, several
 * measurement iterations; {@code quick} trims the iterations for development, never the fork.
 */
public final class BenchRunner {
    private BenchRunner() {}

    /** JMH's iteration settings, which the PyTorch reference ({@link PyTorchReference}) copies. */
    record Iterations(int warmup, int warmupSeconds, int measured, int measuredSeconds) {
        static Iterations of(boolean quick) {
            // SameDiff graphs need ~10 s of steps before they run at speed (measured on the conv AE)
            return quick ? new Iterations(2, 4, 2, 3) : new Iterations(4, 5, 5, 4);
        }
    }

    public static List<Row<BenchColumn>> run(Path outDir, boolean quick, List<String> models, Provenance provenance)
            throws IOException, RunnerException {
        Files.createDirectories(outDir);
        Iterations iterations = Iterations.of(quick);
        ChainedOptionsBuilder opts = new OptionsBuilder()
                .include(ModelBenchmark.class.getName())
                .forks(1)
                .threads(1)
                .warmupIterations(iterations.warmup())
                .warmupTime(TimeValue.seconds(iterations.warmupSeconds()))
                .measurementIterations(iterations.measured())
                .measurementTime(TimeValue.seconds(iterations.measuredSeconds()))
                .jvmArgsAppend("-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=6G", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-Daebench.data=" + System.getProperty("aebench.data", "data"),
                        "-Daebench.matrix=" + System.getProperty("aebench.matrix", "experiments/matrix"))
                .resultFormat(ResultFormatType.JSON)
                .result(outDir.resolve("jmh.json").toString());
        opts.param("model", (models != null && !models.isEmpty() ? models : ModelBenchmark.models()).toArray(String[]::new));
        Collection<RunResult> results = new Runner(opts.build()).run();

        List<Row<BenchColumn>> rows = new ArrayList<>();
        String measuredAt = Instant.now().toString();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            String phase = method.substring(method.lastIndexOf('.') + 1);
            String model = r.getParams().getParam("model");
            int batch = phase.equals("infer") ? ModelBenchmark.INFER_BATCH : ModelBenchmark.cell(model).spec().batchSize();
            Result<?> primary = r.getPrimaryResult();
            double error = primary.getScoreError();
            rows.add(row(method, model, phase, provenance.nativeClassifier(), primary.getScore() * batch, error * batch, batch,
                    r.getParams().getForks(), r.getParams().getMeasurement().getCount(), provenance, measuredAt));
        }
        keepOthers(outDir.resolve("summary.csv"), rows);
        return rows;
    }

    /**
     * Writes {@code rows} to a bench CSV, keeping the rows of earlier runs for models, phases and
     * thread counts not measured this time: {@code MODEL=} re-measures some models without losing
     * the rest of the table.
     */
    static void keepOthers(Path file, List<Row<BenchColumn>> rows) throws IOException {
        CsvTable<BenchColumn> table = new CsvTable<>(file, BenchColumn.class);
        List<Row<BenchColumn>> all = new ArrayList<>();
        for (Row<BenchColumn> old : table.read()) {
            if (rows.stream().noneMatch(r -> sameMeasurement(r, old))) all.add(old);
        }
        all.addAll(rows);
        table.rewrite(all);
    }

    private static boolean sameMeasurement(Row<BenchColumn> a, Row<BenchColumn> b) {
        return a.get(BenchColumn.MODEL).equals(b.get(BenchColumn.MODEL)) && a.get(BenchColumn.PHASE).equals(b.get(BenchColumn.PHASE))
                && a.get(BenchColumn.THREADS).equals(b.get(BenchColumn.THREADS));
    }

    /** One row of a bench CSV; {@code error} NaN when there is none, threads from OMP_NUM_THREADS. */
    static Row<BenchColumn> row(String benchmark, String model, String phase, String build, double samplesPerSecond, double error,
                                int batch, int forks, int iterations, Provenance provenance, String measuredAt) {
        return new Row<>(BenchColumn.class)
                .set(BenchColumn.BENCHMARK, benchmark)
                .set(BenchColumn.MODEL, model)
                .set(BenchColumn.PHASE, phase)
                .set(BenchColumn.THREADS, threads())
                .set(BenchColumn.NATIVE_BUILD, build)
                .set(BenchColumn.SAMPLES_PER_SECOND, samplesPerSecond)
                .set(BenchColumn.ERROR, Double.isNaN(error) ? "" : error)
                .set(BenchColumn.BATCH_SIZE, batch)
                .set(BenchColumn.FORKS, forks)
                .set(BenchColumn.ITERATIONS, iterations)
                .set(BenchColumn.GIT_COMMIT, provenance.gitCommit() + ("true".equals(provenance.gitDirty()) ? "+dirty" : ""))
                .set(BenchColumn.MEASURED_AT, measuredAt);
    }

    /** Native threads per process, as the Makefile sets them for every run. */
    static String threads() {
        return System.getenv().getOrDefault("OMP_NUM_THREADS", "unset");
    }
}
