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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.apache.commons.math3.stat.descriptive.rank.Median;
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
 * neighbours: {@code workers} fresh models of one benchmarked model train on worker threads of one
 * JVM, as the runner runs cells, and with {@code processes} also in {@code workers} JVMs of one
 * thread each, as {@code aebench run --worker-processes} runs them. After a warm-up, a
 * {@link Schedule} of wall-clock windows alternates between all workers training and one worker
 * training alone while the others wait; each model gets fresh JVMs (as a JMH fork), so one model's
 * JIT profile and native heap do not slow the next.
 *
 * <p>Why: JMH times one model in a quiet fork; what a user waits for also pays for the other
 * worker's use of memory bandwidth, caches, the allocator and the collector, and for the first
 * steps' JIT and graph recording. Efficiency is the throughput of a worker among N over that of one
 * worker alone; the windows interleave because this machine's speed drifts by ±10 % over minutes
 * (another tenant of the host), which moved efficiencies measured minutes apart from 72 % to 96 %
 * (docs/performance.md).
 */
public final class RunnerBenchmark {
    /** Steps timed from the model's construction, for the first-steps overhead. */
    static final int FIRST_STEPS = 50;
    /** Fewest warm-up steps: a SameDiff graph reaches speed after ~100 steps. */
    static final int WARMUP_STEPS = 120;
    private static final String RESULT = "runner-benchmark: ";

    /** Seconds of warm-up (from construction), seconds of each measured window, and rounds of windows. */
    record Settings(double warmupSeconds, double windowSeconds, int rounds) {
        static Settings of(boolean quick) {
            // SameDiff graphs reach speed after ~10 s and ~100 steps (docs/performance.md, "Scheduling and the estimate")
            return quick ? new Settings(12, 4, 1) : new Settings(20, 8, 2);
        }
    }

    /**
     * Measured windows one after another from {@code startMillis}: each round gives, per worker, a
     * window in which every worker trains, then one in which that worker trains alone.
     */
    record Schedule(long startMillis, double windowSeconds, int workers, int rounds) {
        int windows() { return 2 * workers * rounds; }

        long startOf(int window) { return startMillis + Math.round(window * windowSeconds * 1000); }

        static boolean together(int window) { return window % 2 == 0; }

        /** Whether {@code worker} trains in {@code window}. */
        boolean active(int window, int worker) { return together(window) || (window / 2) % workers == worker; }
    }

    /** Steps a worker made in one window, and the seconds they took. */
    record Window(int index, long steps, double seconds) {
        double rate(int batch) { return batch * steps / seconds; }
    }

    /** One worker's timings: its first steps from construction, then its windows. */
    record WorkerTiming(int worker, double firstStepsSeconds, List<Window> windows) {
        List<Window> together() { return windows.stream().filter(w -> Schedule.together(w.index())).toList(); }
    }

    /** Images per second of one worker: alone, and the mean of the workers together (both medians over windows). */
    record Figures(double alone, double together, double slowest, double overheadSeconds, String windows) {
        double efficiency() { return together / alone; }
    }

    private RunnerBenchmark() {}

    /** Measures each model in its own JVMs and writes {@code runner.csv}, keeping other models' rows. */
    public static List<Row<RunnerBenchColumn>> run(Path outDir, boolean quick, List<String> models, int workers, boolean processes,
                                                    Provenance provenance) throws IOException, InterruptedException {
        if (workers < 2) throw new IllegalArgumentException("--workers must be at least 2 to measure neighbours, got " + workers);
        Files.createDirectories(outDir);
        List<Row<RunnerBenchColumn>> rows = new ArrayList<>();
        String measuredAt = Instant.now().toString();
        Settings settings = Settings.of(quick);
        for (String model : models == null || models.isEmpty() ? ModelBenchmark.models() : models) {
            Cell cell = ModelBenchmark.cell(model);
            int batch = cell.spec().batchSize();
            Figures threads = figures(forkThreads(model, workers, quick), batch);
            rows.add(row(cell, 1, WorkerKind.THREADS, threads.alone(), threads.alone(), 1, threads.overheadSeconds(), settings, provenance, measuredAt));
            rows.add(report(model, threads, row(cell, workers, WorkerKind.THREADS, threads.together(), threads.slowest(),
                    threads.efficiency(), threads.overheadSeconds(), settings, provenance, measuredAt)));
            if (processes) {
                Figures forks = figures(forkProcesses(model, workers, quick), batch);
                rows.add(report(model, forks, row(cell, workers, WorkerKind.PROCESSES, forks.together(), forks.slowest(),
                        forks.efficiency(), forks.overheadSeconds(), settings, provenance, measuredAt)));
            }
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

    private static Row<RunnerBenchColumn> report(String model, Figures figures, Row<RunnerBenchColumn> together) {
        System.err.printf(Locale.ROOT, "runner: %s, %s, images/s by window: %s%n", model, together.get(RunnerBenchColumn.WORKER_KIND), figures.windows());
        System.err.printf(Locale.ROOT, "runner: %-50s alone %,8.0f  %d %-9s %,8.0f each (efficiency %.0f%%)  first %d steps %+.1f s%n",
                model, figures.alone(), (int) together.number(RunnerBenchColumn.WORKERS), together.get(RunnerBenchColumn.WORKER_KIND),
                figures.together(), 100 * figures.efficiency(), FIRST_STEPS, figures.overheadSeconds());
        return together;
    }

    /**
     * The figures of one measurement: alone, the median of every alone window; together, the median
     * over the together windows of the workers' mean; the slowest worker by its median together
     * window; the first steps' overhead beyond their cost at each worker's together speed (every
     * worker takes its first steps with the others).
     */
    static Figures figures(List<WorkerTiming> timings, int batch) {
        // every window once, by its place in the schedule: the figures and the printed line read the same grouping
        Map<Integer, List<Window>> byWindow = new TreeMap<>();
        timings.forEach(t -> t.windows().forEach(w -> byWindow.computeIfAbsent(w.index(), k -> new ArrayList<>()).add(w)));
        if (timings.stream().anyMatch(t -> t.together().isEmpty()) || byWindow.keySet().stream().allMatch(Schedule::together)) {
            throw new IllegalStateException("a worker was still warming up when its windows were over: no figure (a longer warm-up is needed)");
        }
        Median median = new Median();
        double alone = median.evaluate(byWindow.entrySet().stream().filter(e -> !Schedule.together(e.getKey()))
                .flatMap(e -> e.getValue().stream()).mapToDouble(w -> w.rate(batch)).toArray());
        double together = median.evaluate(byWindow.entrySet().stream().filter(e -> Schedule.together(e.getKey()))
                .mapToDouble(e -> e.getValue().stream().mapToDouble(w -> w.rate(batch)).average().orElseThrow()).toArray());
        double slowest = Double.POSITIVE_INFINITY, overhead = 0;
        for (WorkerTiming t : timings) {
            double own = median.evaluate(t.together().stream().mapToDouble(w -> w.rate(batch)).toArray());
            slowest = Math.min(slowest, own);
            overhead += (t.firstStepsSeconds() - FIRST_STEPS * batch / own) / timings.size();
        }
        // "w0+w1" where all train and "(w)" where one is alone: the spread a reader should see
        String windows = byWindow.entrySet().stream().map(e -> {
            List<String> rates = e.getValue().stream().map(w -> String.format(Locale.ROOT, "%.0f", w.rate(batch))).toList();
            return Schedule.together(e.getKey()) ? String.join("+", rates) : "(" + rates.get(0) + ")";
        }).collect(java.util.stream.Collectors.joining(" "));
        return new Figures(alone, together, slowest, overhead, windows);
    }

    private static Row<RunnerBenchColumn> row(Cell cell, int workers, WorkerKind kind, double rate, double slowest, double efficiency,
                                              double overhead, Settings settings, Provenance provenance, String measuredAt) {
        return new Row<>(RunnerBenchColumn.class)
                .set(RunnerBenchColumn.MODEL, cell.experimentId())
                .set(RunnerBenchColumn.WORKERS, workers)
                .set(RunnerBenchColumn.WORKER_KIND, kind.key())
                .set(RunnerBenchColumn.SAMPLES_PER_SECOND, rate)
                .set(RunnerBenchColumn.SLOWEST_WORKER, slowest)
                .set(RunnerBenchColumn.EFFICIENCY, efficiency)
                .set(RunnerBenchColumn.FIRST_STEPS, FIRST_STEPS)
                .set(RunnerBenchColumn.FIRST_STEPS_OVERHEAD_SECONDS, overhead)
                .set(RunnerBenchColumn.WINDOW_SECONDS, settings.windowSeconds())
                .set(RunnerBenchColumn.ROUNDS, settings.rounds())
                .set(RunnerBenchColumn.BATCH_SIZE, cell.spec().batchSize())
                .set(RunnerBenchColumn.THREADS, BenchRunner.threads())
                .set(RunnerBenchColumn.NATIVE_BUILD, provenance.nativeClassifier())
                .set(RunnerBenchColumn.GIT_COMMIT, provenance.gitCommit() + ("true".equals(provenance.gitDirty()) ? "+dirty" : ""))
                .set(RunnerBenchColumn.MEASURED_AT, measuredAt);
    }

    /** {@code workers} worker threads in one JVM; the fork sets the schedule once its data is loaded. */
    private static List<WorkerTiming> forkThreads(String model, int workers, boolean quick) throws IOException, InterruptedException {
        return timings(result(model, start(model, quick, 0, 0, workers, workers)));
    }

    /**
     * {@code workers} JVMs of one worker thread each, on one schedule whose start leaves every JVM
     * time to start, load its data and warm up (a JVM that is not ready by then starts late, and says so).
     */
    private static List<WorkerTiming> forkProcesses(String model, int workers, boolean quick) throws IOException, InterruptedException {
        long windowAt = System.currentTimeMillis() + (long) (1000 * (PROCESS_START_SECONDS + Settings.of(quick).warmupSeconds()));
        List<Process> forks = new ArrayList<>();
        for (int w = 0; w < workers; w++) forks.add(start(model, quick, windowAt, w, 1, workers));
        List<WorkerTiming> timings = new ArrayList<>();
        for (Process p : forks) timings.addAll(timings(result(model, p)));
        return timings;
    }

    /** Seconds a fork is given to start its JVM and load its data before its warm-up counts (coloured MNIST takes ~25). */
    static final double PROCESS_START_SECONDS = 30;

    private static Process start(String model, boolean quick, long windowAt, int firstWorker, int threads, int workers) throws IOException {
        List<String> command = ForkCommand.of(RunnerBenchmark.class, UnaryOperator.identity(), List.of(model, String.valueOf(quick),
                String.valueOf(windowAt), String.valueOf(firstWorker), String.valueOf(threads), String.valueOf(workers)));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static JsonNode result(String model, Process p) throws IOException, InterruptedException {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        String line = out.lines().filter(l -> l.startsWith(RESULT)).reduce((a, b) -> b).orElse(null);
        if (code != 0 || line == null) throw new IOException("the runner benchmark of " + model + " exited with " + code);
        return new ObjectMapper().readTree(line.substring(RESULT.length()));
    }

    static List<WorkerTiming> timings(JsonNode result) throws IOException {
        return new ObjectMapper().readerForListOf(WorkerTiming.class).readValue(result.get("workers"));
    }

    /**
     * The fork: {@code model quick windowAt firstWorker threads workers}; trains workers
     * {@code firstWorker} to {@code firstWorker + threads - 1} of {@code workers} on the schedule
     * starting at {@code windowAt} (epoch milliseconds; 0: after this JVM's own warm-up) and prints
     * one line of timings.
     */
    public static void main(String[] args) throws Exception {
        ForkCommand.exitWithParent();
        Cell cell = ModelBenchmark.cell(args[0]);
        Settings settings = Settings.of(Boolean.parseBoolean(args[1]));
        long windowAt = Long.parseLong(args[2]);
        int firstWorker = Integer.parseInt(args[3]), threads = Integer.parseInt(args[4]), workers = Integer.parseInt(args[5]);
        Dataset data = ModelBenchmark.data(cell);
        if (windowAt == 0) windowAt = System.currentTimeMillis() + (long) (1000 * settings.warmupSeconds());
        Schedule schedule = new Schedule(windowAt, settings.windowSeconds(), workers, settings.rounds());
        ObjectMapper json = new ObjectMapper();
        var result = json.createObjectNode();
        result.set("workers", json.valueToTree(measure(cell, data, schedule, firstWorker, threads)));
        System.out.println(RESULT + json.writeValueAsString(result));
        System.exit(0);
    }

    /**
     * Fresh models of {@code cell} on {@code threads} threads of this JVM, workers {@code firstWorker}
     * on: each from its construction through a warm-up that lasts until the schedule starts, then
     * through the schedule's windows (training in its own, waiting in the others').
     */
    static List<WorkerTiming> measure(Cell cell, Dataset data, Schedule agreed, int firstWorker, int threads) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        // threads of one JVM start their windows together once every one is warm, or at the agreed time if later
        AtomicReference<Schedule> shared = new AtomicReference<>(agreed);
        CyclicBarrier warm = new CyclicBarrier(threads, () -> shared.set(new Schedule(Math.max(agreed.startMillis(), System.currentTimeMillis() + 200),
                agreed.windowSeconds(), agreed.workers(), agreed.rounds())));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<WorkerTiming>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int worker = firstWorker + t;
                runs.add(pool.submit(() -> {
                    start.await();
                    long t0 = System.nanoTime();
                    Runnable step = Trainer.steps(cell, data, (TrainableModel) CellModel.of(cell, data.features()));
                    for (int i = 0; i < FIRST_STEPS; i++) step.run();
                    double first = (System.nanoTime() - t0) / 1e9;
                    stepUntil(step, agreed.startOf(0), WARMUP_STEPS - FIRST_STEPS);
                    warm.await();
                    Schedule schedule = shared.get();
                    if (System.currentTimeMillis() > schedule.startOf(0) + 1000) {
                        System.err.printf(Locale.ROOT, "runner: %s: worker %d was warm %.1f s after the agreed time and skips the windows that were over%n",
                                cell.experimentId(), worker, (System.currentTimeMillis() - schedule.startOf(0)) / 1e3);
                    }
                    List<Window> windows = new ArrayList<>();
                    for (int k = 0; k < schedule.windows(); k++) {
                        // a window half over when this worker gets to it would not be measured with its neighbours
                        if (!schedule.active(k, worker) || System.currentTimeMillis() > schedule.startOf(k) + 100) continue;
                        sleepUntil(schedule.startOf(k));
                        long t1 = System.nanoTime();
                        long steps = stepUntil(step, schedule.startOf(k + 1), 1);
                        windows.add(new Window(k, steps, (System.nanoTime() - t1) / 1e9));
                    }
                    return new WorkerTiming(worker, first, windows);
                }));
            }
            List<WorkerTiming> timings = new ArrayList<>();
            for (Future<WorkerTiming> f : runs) timings.add(f.get());
            return timings;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Steps until the next step would end after {@code endMillis} (judged by the last one), and at
     * least {@code fewest}: so a window's steps stay inside it and do not run into the next window,
     * where another worker may be training alone.
     */
    private static long stepUntil(Runnable step, long endMillis, int fewest) {
        long steps = 0;
        double last = 0;
        while (steps < fewest || System.currentTimeMillis() + last < endMillis) {
            long s = System.nanoTime();
            step.run();
            last = (System.nanoTime() - s) / 1e6;
            steps++;
        }
        return steps;
    }

    private static void sleepUntil(long millis) throws InterruptedException {
        long wait = millis - System.currentTimeMillis();
        if (wait > 0) Thread.sleep(wait);
    }
}
