package org.aebench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.aebench.harness.Provenance;
import org.aebench.results.BenchColumn;
import org.aebench.results.CsvTable;
import org.aebench.results.Row;
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

    public static List<Row<BenchColumn>> run(Path outDir, boolean quick, List<String> models, Provenance provenance)
            throws IOException, RunnerException {
        Files.createDirectories(outDir);
        ChainedOptionsBuilder opts = new OptionsBuilder()
                .include(ModelBenchmark.class.getName())
                .forks(1)
                .threads(1)
                // SameDiff graphs need ~10 s of steps before they run at speed (measured on the conv AE)
                .warmupIterations(quick ? 2 : 4)
                .warmupTime(TimeValue.seconds(quick ? 4 : 5))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.seconds(quick ? 3 : 4))
                .jvmArgsAppend("-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=6G", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-Daebench.data=" + System.getProperty("aebench.data", "data"),
                        "-Daebench.matrix=" + System.getProperty("aebench.matrix", "experiments/matrix"))
                .resultFormat(ResultFormatType.JSON)
                .result(outDir.resolve("jmh.json").toString());
        if (models != null && !models.isEmpty()) opts.param("model", models.toArray(String[]::new));
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
            rows.add(new Row<>(BenchColumn.class)
                    .set(BenchColumn.BENCHMARK, method)
                    .set(BenchColumn.MODEL, model)
                    .set(BenchColumn.PHASE, phase)
                    .set(BenchColumn.THREADS, System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"))
                    .set(BenchColumn.NATIVE_BUILD, provenance.nativeClassifier())
                    .set(BenchColumn.SAMPLES_PER_SECOND, primary.getScore() * batch)
                    .set(BenchColumn.ERROR, Double.isNaN(error) ? "" : error * batch)
                    .set(BenchColumn.BATCH_SIZE, batch)
                    .set(BenchColumn.FORKS, r.getParams().getForks())
                    .set(BenchColumn.ITERATIONS, r.getParams().getMeasurement().getCount())
                    .set(BenchColumn.GIT_COMMIT, provenance.gitCommit() + ("true".equals(provenance.gitDirty()) ? "+dirty" : ""))
                    .set(BenchColumn.MEASURED_AT, measuredAt));
        }
        new CsvTable<>(outDir.resolve("summary.csv"), BenchColumn.class).rewrite(rows);
        return rows;
    }
}
