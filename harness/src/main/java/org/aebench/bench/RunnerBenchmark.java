package org.aebench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.aebench.contract.Row;
import org.aebench.contract.RunnerBenchColumn;
import org.aebench.contract.WorkerKind;
import org.aebench.data.Dataset;
import org.aebench.matrix.Cell;
import org.aebench.model.TrainableModel;
import org.aebench.provenance.Provenance;
import org.aebench.results.CsvTable;
import org.aebench.train.CellModel;
import org.aebench.train.Trainer;

/**
 * The runner's throughput, measured as JMH measures a step but in the runner's own step
 * ({@link Trainer#steps}: the cell's corruption, then one optimiser step) and with the runner's
 * neighbours: each benchmarked model trains for a common window once on one worker alone, then on
 * {@code workers} worker threads of one process at once, as the runner runs cells, and with
 * {@code processes} also in {@code workers} JVMs at once, as {@code aebench run --worker-processes}
 * runs them (their common window is agreed as a wall-clock time). Each model gets
 * a fresh JVM (as a JMH fork), so one model's JIT profile and native heap do not slow the next.
 *
 * <p>Why: JMH times one model in a quiet fork; what a user waits for also pays for the other
 * worker's use of memory bandwidth, caches, the allocator and the collector, and for the first
 * steps' JIT and graph recording. Efficiency is the summed throughput of N workers over N times
 * one worker alone.
 */
public final class RunnerBenchmark {
    /** Steps timed from the model's construction, for the first-steps overhead. */
    static final int FIRST_STEPS = 50;
    /** Fewest warm-up and measured steps: a SameDiff graph reaches speed after ~100 steps, and a conv step of r002 takes 0.1-0.2 s. */
    static final int WARMUP_STEPS = 120, WINDOW_STEPS = 30;
    private static final String RESULT = "runner-benchmark: ";

    /** Seconds of warm-up (from construction) and of the measured window, per worker count. */
    record Settings(double warmupSeconds, double windowSeconds) {
        static Settings of(boolean quick) {
            // SameDiff graphs reach speed after ~10 s and ~100 steps (docs/performance.md, "Scheduling and the estimate")
            return quick ? new Settings(12, 8) : new Settings(20, 30);
        }
    }

    /** One worker's timings: its first steps from construction, then its steps in the common window. */
    record WorkerTiming(double firstStepsSeconds, long steps, double seconds) {
        double stepSeconds() { return seconds / steps; }
    }

    private RunnerBenchmark() {}

    /** Measures each model in its own JVM and writes {@code runner.csv}, keeping other models' rows. */
    public static List<Row<RunnerBenchColumn>> run(Path outDir, boolean quick, List<String> models, int workers, boolean processes,
                                                    Provenance provenance) throws IOException, InterruptedException {
        if (workers < 2) throw new IllegalArgumentException("--workers must be at least 2 to measure neighbours, got " + workers);
        Files.createDirectories(outDir);
        List<Row<RunnerBenchColumn>> rows = new ArrayList<>();
        String measuredAt = Instant.now().toString();
        for (String model : models == null || models.isEmpty() ? ModelBenchmark.models() : models) {
            Cell cell = ModelBenchmark.cell(model);
            JsonNode result = fork(model, workers, quick);
            List<WorkerTiming> alone = timings(result.get("alone"));
            List<WorkerTiming> together = timings(result.get("together"));
            Row<RunnerBenchColumn> one = row(cell, alone, alone, WorkerKind.THREADS, provenance, measuredAt, quick);
            rows.add(one);
            rows.add(report(model, one, row(cell, together, alone, WorkerKind.THREADS, provenance, measuredAt, quick)));
            if (processes) rows.add(report(model, one, row(cell, forkProcesses(model, workers, quick), alone, WorkerKind.PROCESSES, provenance, measuredAt, quick)));
        }
        CsvTable<RunnerBenchColumn> table = new CsvTable<>(outDir.resolve("runner.csv"), RunnerBenchColumn.class);
        List<Row<RunnerBenchColumn>> all = new ArrayList<>();
        for (Row<RunnerBenchColumn> old : table.read()) {
            if (rows.stream().noneMatch(r -> r.get(RunnerBenchColumn.MODEL).equals(old.get(RunnerBenchColumn.MODEL))
                    && r.get(RunnerBenchColumn.WORKERS).equals(old.get(RunnerBenchColumn.WORKERS))
                    && WorkerKind.parse(r.get(RunnerBenchColumn.WORKER_KIND)) == WorkerKind.parse(old.get(RunnerBenchColumn.WORKER_KIND)))) all.add(old);
        }
        all.addAll(rows);
        table.rewrite(all);
        return rows;
    }

    private static Row<RunnerBenchColumn> report(String model, Row<RunnerBenchColumn> alone, Row<RunnerBenchColumn> together) {
        System.err.printf(Locale.ROOT, "runner: %-50s alone %,8.0f  %d %-9s %,8.0f each (efficiency %.0f%%)  first %d steps %+.1f s%n",
                model, alone.number(RunnerBenchColumn.SAMPLES_PER_SECOND), (int) together.number(RunnerBenchColumn.WORKERS),
                together.get(RunnerBenchColumn.WORKER_KIND), together.number(RunnerBenchColumn.SAMPLES_PER_SECOND),
                100 * together.number(RunnerBenchColumn.EFFICIENCY), FIRST_STEPS, together.number(RunnerBenchColumn.FIRST_STEPS_OVERHEAD_SECONDS));
        return together;
    }

    static Row<RunnerBenchColumn> row(Cell cell, List<WorkerTiming> timings, List<WorkerTiming> alone, WorkerKind kind, Provenance provenance,
                                      String measuredAt, boolean quick) {
        int batch = cell.spec().batchSize();
        double mean = timings.stream().mapToDouble(t -> batch / t.stepSeconds()).average().orElseThrow();
        double slowest = timings.stream().mapToDouble(t -> batch / t.stepSeconds()).min().orElseThrow();
        double aloneRate = batch / alone.get(0).stepSeconds();
        // the construction and first steps, less what those steps cost at the measured speed
        double overhead = timings.stream().mapToDouble(t -> t.firstStepsSeconds() - FIRST_STEPS * t.stepSeconds()).average().orElseThrow();
        return new Row<>(RunnerBenchColumn.class)
                .set(RunnerBenchColumn.MODEL, cell.experimentId())
                .set(RunnerBenchColumn.WORKERS, timings.size())
                .set(RunnerBenchColumn.WORKER_KIND, kind.key())
                .set(RunnerBenchColumn.SAMPLES_PER_SECOND, mean)
                .set(RunnerBenchColumn.SLOWEST_WORKER, slowest)
                .set(RunnerBenchColumn.EFFICIENCY, mean / aloneRate)
                .set(RunnerBenchColumn.FIRST_STEPS, FIRST_STEPS)
                .set(RunnerBenchColumn.FIRST_STEPS_OVERHEAD_SECONDS, overhead)
                .set(RunnerBenchColumn.WINDOW_SECONDS, Settings.of(quick).windowSeconds())
                .set(RunnerBenchColumn.BATCH_SIZE, batch)
                .set(RunnerBenchColumn.THREADS, BenchRunner.threads())
                .set(RunnerBenchColumn.NATIVE_BUILD, provenance.nativeClassifier())
                .set(RunnerBenchColumn.GIT_COMMIT, provenance.gitCommit() + ("true".equals(provenance.gitDirty()) ? "+dirty" : ""))
                .set(RunnerBenchColumn.MEASURED_AT, measuredAt);
    }

    /** Runs {@link #main} for one model in a JVM with this one's settings and reads the line it prints. */
    private static JsonNode fork(String model, int workers, boolean quick) throws IOException, InterruptedException {
        return result(model, start(model, workers, quick, 0));
    }

    /**
     * {@code workers} JVMs training the model at once, each one worker alone in its JVM, their
     * windows starting at one wall-clock time that leaves every JVM time to start, load its data
     * and warm up (a JVM that is not ready by then starts its window late, and says so).
     */
    private static List<WorkerTiming> forkProcesses(String model, int workers, boolean quick) throws IOException, InterruptedException {
        long windowAt = System.currentTimeMillis() + (long) (1000 * (PROCESS_START_SECONDS + Settings.of(quick).warmupSeconds()));
        List<Process> forks = new ArrayList<>();
        for (int w = 0; w < workers; w++) forks.add(start(model, 1, quick, windowAt));
        List<WorkerTiming> timings = new ArrayList<>();
        for (Process p : forks) timings.addAll(timings(result(model, p).get("alone")));
        return timings;
    }

    /** Seconds a fork is given to start its JVM and load its data before its warm-up counts. */
    static final double PROCESS_START_SECONDS = 15;

    private static Process start(String model, int workers, boolean quick, long windowAt) throws IOException {
        List<String> command = ForkCommand.of(RunnerBenchmark.class, UnaryOperator.identity(),
                List.of(model, String.valueOf(workers), String.valueOf(quick), String.valueOf(windowAt)));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static JsonNode result(String model, Process p) throws IOException, InterruptedException {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        String line = out.lines().filter(l -> l.startsWith(RESULT)).reduce((a, b) -> b).orElse(null);
        if (code != 0 || line == null) throw new IOException("the runner benchmark of " + model + " exited with " + code);
        return new ObjectMapper().readTree(line.substring(RESULT.length()));
    }

    private static List<WorkerTiming> timings(JsonNode array) {
        List<WorkerTiming> list = new ArrayList<>();
        array.forEach(t -> list.add(new WorkerTiming(t.get(0).asDouble(), t.get(1).asLong(), t.get(2).asDouble())));
        return list;
    }

    /**
     * The fork: {@code model workers quick windowAt}; prints one line of timings, alone then
     * together; with a {@code windowAt} (epoch milliseconds, not 0) one worker alone whose window
     * starts then, as one of several processes.
     */
    public static void main(String[] args) throws Exception {
        Cell cell = ModelBenchmark.cell(args[0]);
        int workers = Integer.parseInt(args[1]);
        Settings settings = Settings.of(Boolean.parseBoolean(args[2]));
        long windowAt = Long.parseLong(args[3]);
        Dataset data = ModelBenchmark.data(cell);
        ObjectMapper json = new ObjectMapper();
        var result = json.createObjectNode();
        result.set("alone", tree(json, measure(cell, data, 1, settings, windowAt)));
        if (windowAt == 0) result.set("together", tree(json, measure(cell, data, workers, settings, 0)));
        System.out.println(RESULT + json.writeValueAsString(result));
        System.exit(0);
    }

    /** Timings as {@link #timings} reads them: [first steps' seconds, steps, seconds] each. */
    private static JsonNode tree(ObjectMapper json, List<WorkerTiming> timings) {
        return json.valueToTree(timings.stream().map(t -> new double[] {t.firstStepsSeconds(), t.steps(), t.seconds()}).toList());
    }

    /**
     * {@code workers} fresh models of {@code cell} trained at once, each from its construction
     * through a common window; with a {@code windowAt} (epoch milliseconds), the warm-up lasts until
     * then as well, so that workers in several processes measure the same seconds.
     */
    static List<WorkerTiming> measure(Cell cell, Dataset data, int workers, Settings settings, long windowAt) throws Exception {
        CyclicBarrier start = new CyclicBarrier(workers), window = new CyclicBarrier(workers);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<WorkerTiming>> runs = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    long t0 = System.nanoTime();
                    Runnable step = Trainer.steps(cell, data, (TrainableModel) CellModel.of(cell, data.features()));
                    for (int i = 0; i < FIRST_STEPS; i++) step.run();
                    double first = (System.nanoTime() - t0) / 1e9;
                    for (int i = FIRST_STEPS; i < WARMUP_STEPS || (System.nanoTime() - t0) / 1e9 < settings.warmupSeconds()
                            || System.currentTimeMillis() < windowAt; i++) step.run();
                    if (windowAt > 0 && System.currentTimeMillis() > windowAt + 1000) {
                        System.err.printf(Locale.ROOT, "runner: %s: this process's window starts %.1f s after the agreed time%n",
                                cell.experimentId(), (System.currentTimeMillis() - windowAt) / 1e3);
                    }
                    window.await();
                    long t1 = System.nanoTime();
                    long deadline = t1 + (long) (settings.windowSeconds() * 1e9);
                    long steps = 0;
                    while (steps < WINDOW_STEPS || System.nanoTime() < deadline) {
                        step.run();
                        steps++;
                    }
                    return new WorkerTiming(first, steps, (System.nanoTime() - t1) / 1e9);
                }));
            }
            List<WorkerTiming> timings = new ArrayList<>();
            for (Future<WorkerTiming> f : runs) timings.add(f.get());
            return timings;
        } finally {
            pool.shutdownNow();
        }
    }
}
