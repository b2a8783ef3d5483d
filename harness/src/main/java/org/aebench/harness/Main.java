package org.aebench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aebench.compare.Baselines;
import org.aebench.compare.ComparisonInputException;
import org.aebench.compare.MarkdownReport;
import org.aebench.compare.Mode;
import org.aebench.compare.RegressionGate;
import org.aebench.compare.RegressionReport;
import org.aebench.compare.ReportJson;
import org.aebench.compare.ResultFolder;
import org.aebench.compare.TerminalReport;
import org.aebench.contract.BenchColumn;
import org.aebench.contract.CurveColumn;
import org.aebench.contract.EstimateColumn;
import org.aebench.contract.ResultColumn;
import org.aebench.contract.Row;
import org.aebench.data.DataCatalog;
import org.aebench.data.DataException;
import org.aebench.matrix.Cell;
import org.aebench.matrix.MatrixException;
import org.aebench.matrix.MatrixLoader;
import org.aebench.provenance.Provenance;
import org.aebench.reference.ReferenceTable;
import org.aebench.results.AtomicFile;
import org.aebench.results.CellFilter;
import org.aebench.results.CsvTable;
import org.aebench.results.ResultStore;
import org.aebench.results.TrainingCode;
import org.aebench.site.SiteRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The command line: {@code aebench run | list | site}. */
@Command(name = "aebench", mixinStandardHelpOptions = true, version = "aebench 0.1",
        description = "Reproduces the reference reports' autoencoder experiments and renders the comparison site.",
        subcommands = {Main.Run.class, Main.ListCells.class, Main.Site.class, Main.Bench.class, Main.Compare.class, Main.Baseline.class, Main.CrosscheckCells.class,
                Main.Merge.class, Main.Worker.class})
public final class Main {
    /** Exit code for bad input (matrix, data, usage): nothing was run. */
    static final int BAD_INPUT = 2;
    /** Exit code when every cell ran but at least one failed. */
    static final int CELLS_FAILED = 3;

    public static void main(String[] args) {
        try {
            System.exit(execute(args));
        } catch (OutOfMemoryError e) {
            System.err.println("aebench: " + outOfMemory(e));
            System.exit(BAD_INPUT);
        }
    }

    /** One line for an out-of-memory end: which limit, and the setting that raises it. */
    static String outOfMemory(OutOfMemoryError e) {
        String m = String.valueOf(e.getMessage());
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) m += "; " + t.getMessage();
        if (m.contains("Java heap space") || m.contains("GC overhead")) {
            return "out of Java heap (" + e.getMessage() + "): raise -Xmx in JAVA_OPTS or run fewer --workers; finished cells are kept and a rerun resumes";
        }
        return "out of native memory (" + m.replaceAll("\\s+", " ") + "): raise -Daebench.maxresident (and -Dorg.bytedeco.javacpp.maxbytes) in JAVA_OPTS"
                + " (the Makefile sets 14G and 8G) or run fewer --workers; finished cells are kept and a rerun resumes";
    }

    static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IOException io && org.aebench.train.DiskFull.is(io)) {
                cmd.getErr().println("aebench: " + io.getMessage() + ": free space there or choose another RESULTS_DIR (--results);"
                        + " every finished cell's row is kept and a rerun runs only the unfinished cells");
                return BAD_INPUT;
            }
            if (e instanceof MatrixException || e instanceof DataException || e instanceof IOException) {
                cmd.getErr().println("aebench: " + e.getMessage());
                return BAD_INPUT;
            }
            throw e;
        });
        return cl.execute(args);
    }

    static class Selection {
        @Option(names = "--profile", defaultValue = "ci", description = "smoke, ci or full (default: ${DEFAULT-VALUE})")
        String profile;

        @Option(names = "--matrix", defaultValue = "experiments/matrix", description = "folder of matrix files (default: ${DEFAULT-VALUE})")
        Path matrix;

        @Option(names = "--filter", split = ",", description = "only cells whose id matches one of these globs (* matches anything) or starts with one")
        List<String> filters;

        @Option(names = "--shard", description = "only shard i of n (1-based: 1/3, 2/3, 3/3), dealt the same on every machine;"
                + " auto: from SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT or JOB_COMPLETION_INDEX/AEBENCH_SHARD_COUNT")
        String shard;

        /** The profile's cells that the filter keeps, before sharding. */
        List<Cell> unsharded() {
            List<Cell> all = new MatrixLoader().load(matrix, profile);
            CellFilter filter = new CellFilter(filters);
            List<Cell> chosen = all.stream().filter(c -> filter.matches(c.id())).toList();
            if (chosen.isEmpty()) throw new MatrixException("no cell of profile " + profile + " matches " + filters + " (try `aebench list`)");
            return chosen;
        }

        /** The cells to work on: the filter's, then this shard's share of them. */
        List<Cell> cells() {
            List<Cell> chosen = unsharded();
            Shard s = shard();
            return s == null ? chosen : s.select(chosen, ModelRates.shipped());
        }

        Shard shard() {
            return shard == null ? null : Shard.parse(shard, System.getenv());
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run the cells of a profile and append their results.")
    static final class Run implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Selection selection = new Selection();

        @Option(names = "--data", defaultValue = "data", description = "data folder filled by `make data` (default: ${DEFAULT-VALUE})")
        Path data;

        @Option(names = "--results", defaultValue = "results", description = "results root; files go to <root>/<profile>/ (default: ${DEFAULT-VALUE})")
        Path results;

        @Option(names = "--force", description = "start a fresh results file instead of resuming")
        boolean force;

        @Option(names = "--dry-run", description = "print the estimated wall time (measuring each model for a few seconds) and stop")
        boolean dryRun;

        @Option(names = "--workers", description = "cells trained at once, each on one native thread (default: the number of cores, ${DEFAULT-VALUE})")
        int workers = Runtime.getRuntime().availableProcessors();

        @Option(names = "--worker-processes", description = "train each worker's cells in a JVM of its own instead of a thread of this one:"
                + " workers then share no heap, allocator or JIT (docs/performance.md: two threads lose up to 40 %% on small networks)")
        boolean workerProcesses;

        @Option(names = "--shards", split = ",", description = "with --dry-run: also deal the cells into this many shards (or each of several counts: 1,4,16)"
                + " and predict each shard's wall time")
        List<Integer> shards;

        @Option(names = "--rates", description = "with --dry-run: predict from this table of model speeds (as --save-rates writes) instead of measuring;"
                + " a model it lacks is costed by its multiply-adds")
        Path ratesFile;

        @Option(names = "--save-rates", description = "with --dry-run: write each model's measured speed to this CSV (the table sharding deals by)")
        Path saveRates;

        @Override
        public Integer call() throws IOException {
            if (ratesFile != null && !Files.isRegularFile(ratesFile)) throw new IOException("--rates " + ratesFile + ": no such file (make estimate SAVE_RATES=1 writes one)");
            if (shards != null && shards.stream().anyMatch(n -> n < 1)) throw new MatrixException("--shards must be at least 1, got " + shards);
            List<Cell> cells = selection.cells();
            // SameDiff prints graph-building chatter to stdout; `run` reports on stderr only.
            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            Provenance provenance = Provenance.collect(Path.of("").toAbsolutePath());
            if (dryRun) {
                DataCatalog catalog = new DataCatalog(data);
                var rates = ratesFile != null ? ModelRates.read(ratesFile).covering(cells) : Estimator.calibrate(cells, catalog, workers, System.err);
                if (saveRates != null) {
                    ModelRates.write(saveRates, rates, cells, workers, provenance);
                    System.err.println("estimate: model rates written to " + saveRates + " (the harness ships harness/src/main/resources" + ModelRates.RESOURCE + ")");
                }
                double[] est = Estimator.print(cells, rates, workers, System.err);
                if (shards != null) shards.forEach(n -> Estimator.printShards(cells, rates, workers, n, System.err));
                // Kept for the site's performance page, which shows it as the profile's estimate: a
                // filtered one predicts only some cells.
                if (selection.filters != null && !selection.filters.isEmpty()) {
                    System.err.println("estimate: of the filtered cells only; not kept in " + results.resolve("estimate.csv"));
                    return 0;
                }
                var table = new CsvTable<>(results.resolve("estimate.csv"), EstimateColumn.class);
                Files.createDirectories(results);
                table.openForAppend();
                table.append(List.of(new Row<>(EstimateColumn.class)
                        .set(EstimateColumn.PROFILE, selection.profile)
                        .set(EstimateColumn.CELLS, cells.size())
                        .set(EstimateColumn.WORKERS, workers)
                        .set(EstimateColumn.ESTIMATED_SECONDS, Math.round(est[0]))
                        .set(EstimateColumn.CELL_SECONDS, Math.round(est[1]))
                        .set(EstimateColumn.ESTIMATED_AT, java.time.Instant.now().toString())
                        .set(EstimateColumn.GIT_COMMIT, provenance.gitCommit())
                        .set(EstimateColumn.NATIVE_CLASSIFIER, provenance.nativeClassifier())));
                return 0;
            }
            if (selection.shard() != null) {
                System.err.printf(Locale.ROOT, "shard %s: %d of the %d cells%n", selection.shard(), cells.size(), selection.unsharded().size());
            }
            Progress progress = new Progress(System.err, System.console() != null);
            if (workers < 1) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--workers must be at least 1");
            Path profileDir = results.resolve(selection.profile);
            CellExecutor executor = new TrainingExecutor(new DataCatalog(data), profileDir.resolve("artifacts"));
            ProcessExecutor processes = null;
            if (workerProcesses) {
                processes = new ProcessExecutor(executor, workers, List.of("--profile", selection.profile, "--matrix", selection.matrix.toAbsolutePath().toString(),
                        "--data", data.toAbsolutePath().toString(), "--artifacts", profileDir.resolve("artifacts").toAbsolutePath().toString()));
                executor = processes;
                progress.inWorkerProcesses();
                // a runner stopped by a signal stops its workers (the cells in progress stay unfinished)
                ProcessExecutor stop = processes;
                Runtime.getRuntime().addShutdownHook(new Thread(stop::destroy));
            }
            Runner runner = new Runner(executor, provenance, progress, workers);
            Runner.Summary s;
            java.time.Instant started = java.time.Instant.now();
            try (ProcessExecutor ignored = processes) {
                s = runner.run(cells, results.resolve(selection.profile), force);
            } catch (IOException e) {
                // name the folder when the file system did not (a full disk while opening or repairing the files)
                if (org.aebench.train.DiskFull.is(e) && !(e instanceof java.nio.file.FileSystemException)) {
                    throw new java.nio.file.FileSystemException(profileDir.toString(), null, e.getMessage());
                }
                throw e;
            }
            if (!s.ran().isEmpty()) RunLedger.record(profileDir, selection.profile, selection.shard(), s, started, provenance);
            return s.failed() > 0 ? CELLS_FAILED : 0;
        }
    }

    @Command(name = "worker", hidden = true, description = "Train what a runner started with --worker-processes asks for, on stdin;"
            + " answer on stdout (WorkerProtocol). Not for direct use.")
    static final class Worker implements Callable<Integer> {
        @Option(names = "--profile", required = true)
        String profile;

        @Option(names = "--matrix", required = true)
        Path matrix;

        @Option(names = "--data", required = true)
        Path data;

        @Option(names = "--artifacts")
        Path artifacts;

        @Override
        public Integer call() throws IOException {
            // the runner writes every result; a worker whose runner is gone stops at once, not at its next epoch's answer
            org.aebench.bench.ForkCommand.exitWithParent();
            java.io.PrintStream answers = System.out;
            // SameDiff and native code print to stdout too; only marked lines are answers
            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            java.util.Map<String, Cell> cells = new java.util.HashMap<>();
            for (Cell c : new MatrixLoader().load(matrix, profile)) cells.put(c.id(), c);
            new WorkerLoop(cells, new TrainingExecutor(new DataCatalog(data), artifacts), answers, () -> System.exit(1))
                    .serve(new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the cells of a profile without running them.")
    static final class ListCells implements Callable<Integer> {
        @CommandLine.Mixin
        Selection selection = new Selection();

        @Option(names = "--workers", description = "workers per shard for the predicted time (default: the number of cores, ${DEFAULT-VALUE})")
        int workers = Runtime.getRuntime().availableProcessors();

        @Override
        public Integer call() {
            List<Cell> cells = selection.cells();
            long passes = 0;
            for (Cell c : cells) {
                long p = CellCost.passes(c);
                passes += p;
                System.out.printf(Locale.ROOT, "%-60s %-13s epochs %3d  train %6s  test %6s%n", c.id(), c.spec().family(), c.epochs(),
                        c.trainLimit() == null ? "all" : c.trainLimit(), c.testLimit() == null ? "all" : c.testLimit());
            }
            System.out.printf(Locale.ROOT, "%d cells, %,d training sample-passes%n", cells.size(), passes);
            Shard shard = selection.shard();
            if (shard != null) {
                var rates = ModelRates.shipped().covering(cells);
                System.out.printf(Locale.ROOT, "shard %s of profile %s: predicted %s on %d workers (rates: harness%s)%n", shard, selection.profile,
                        Progress.duration(Estimator.makespan(cells, rates, workers)), workers, ModelRates.RESOURCE);
            }
            return 0;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Measure each family's training step and inference with JMH (results/bench/jmh.json, summary.csv),"
                    + " or with --pytorch PyTorch's training step for the same models on this machine (results/bench/pytorch.csv).")
    static final class Bench implements Callable<Integer> {
        @Option(names = "--quick", description = "fewer iterations, for development (still one fork per benchmark)")
        boolean quick;

        @Option(names = "--model", split = ",", description = "experiment ids to measure (default: all in the benchmark)")
        List<String> models;

        @Option(names = "--out", defaultValue = "results/bench", description = "output folder (default: ${DEFAULT-VALUE})")
        Path out;

        @Option(names = "--pytorch", description = "measure PyTorch instead, with this python3 (one that imports torch)")
        String python;

        @Option(names = "--runner", description = "measure the runner's own step instead, one worker alone and --workers at once"
                + " (results/bench/runner.csv)")
        boolean runner;

        @Option(names = "--workers", description = "workers at once for --runner (default: the number of cores, ${DEFAULT-VALUE})")
        int workers = Runtime.getRuntime().availableProcessors();

        @Option(names = "--worker-processes", description = "with --runner: also measure --workers JVMs training at once (aebench run --worker-processes)")
        boolean workerProcesses;

        @Option(names = "--pytorch-option", description = "passed to pytorch_reference.py: --channels-last, --keep-denormals")
        List<String> pytorchOptions = List.of();

        @Override
        public Integer call() throws Exception {
            Provenance provenance = Provenance.collect(Path.of("").toAbsolutePath());
            if (runner) {
                var rows = org.aebench.bench.RunnerBenchmark.run(out, quick, models, workers, workerProcesses, provenance);
                System.err.println("aebench: " + rows.size() + " runner measurements -> " + out.resolve("runner.csv"));
                return 0;
            }
            var rows = python != null ? org.aebench.bench.PyTorchReference.run(out, quick, models, python, pytorchOptions, provenance)
                    : org.aebench.bench.BenchRunner.run(out, quick, models, provenance);
            for (var r : rows) {
                System.err.printf(Locale.ROOT, "%-40s %-6s %12.0f ± %.0f samples/s%n", r.get(BenchColumn.MODEL),
                        r.get(BenchColumn.PHASE), r.number(BenchColumn.SAMPLES_PER_SECOND),
                        r.number(BenchColumn.ERROR));
            }
            System.err.println("aebench: " + rows.size() + " benchmarks -> " + out.resolve(python != null ? "pytorch.csv" : "summary.csv"));
            return 0;
        }
    }

    @Command(name = "crosscheck", mixinStandardHelpOptions = true,
            description = "Train the profile's cells that PyTorch has a version of to completion in PyTorch (same settings, data and seed"
                    + " number) into <results>/<profile>/crosscheck.csv, resuming; the site shows them beside ours.")
    static final class CrosscheckCells implements Callable<Integer> {
        @CommandLine.Mixin
        Selection selection = new Selection();

        @Option(names = "--data", defaultValue = "data", description = "data folder filled by `make data` (default: ${DEFAULT-VALUE})")
        Path data;

        @Option(names = "--results", defaultValue = "results", description = "results root; the file goes to <root>/<profile>/crosscheck.csv (default: ${DEFAULT-VALUE})")
        Path results;

        @Option(names = "--pytorch", defaultValue = "/usr/bin/python3", description = "a python3 that imports torch (default: ${DEFAULT-VALUE})")
        String python;

        @Option(names = "--dry-run", description = "list the cells still to train in PyTorch, and train nothing")
        boolean dryRun;

        @Override
        public Integer call() throws Exception {
            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            Path out = results.resolve(selection.profile).resolve("crosscheck.csv");
            var rows = org.aebench.bench.Crosscheck.run(selection.cells(), new DataCatalog(data), out, python,
                    Provenance.collect(Path.of("").toAbsolutePath()), dryRun);
            if (dryRun) return 0;
            System.err.println("aebench: " + rows.size() + " cells cross-checked -> " + out);
            return 0;
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Compare a candidate results folder with a baseline (the regression gate).",
                    "Each is a profile's folder holding results.csv (curves.csv optional), such as baselines/ci and results/regress/ci.",
                    "Exact mode (same native build, threads, CPU instruction set and data checksums, so training is bit-identical):"
                            + " any difference in any metric is reported and fails the gate. Statistical mode (anything else, or --mode):"
                            + " a metric's mean over seeds is worse beyond its tolerance and, with 3 or more seeds a side, Welch's t-test."
                            + " Speed is reported beside, never failing."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:no regression (in exact mode: every number identical)",
                    "1:a regression (missing cell, worse status, worse metric) or, in exact mode, any moved number",
                    "2:bad input (missing folder or file, another schema, different profiles, duplicate rows, a non-number where a number belongs)"})
    static final class Compare implements Callable<Integer> {
        @CommandLine.Parameters(index = "0", paramLabel = "BASELINE", description = "the reference folder, e.g. baselines/ci")
        Path baseline;

        @CommandLine.Parameters(index = "1", paramLabel = "CANDIDATE", description = "the folder to judge, e.g. results/regress/ci")
        Path candidate;

        @Option(names = "--mode", description = "exact or statistical (default: chosen from the rows' provenance)")
        String mode;

        @Option(names = "--filter", split = ",", description = "compare only cells whose id matches one of these globs or starts with one")
        List<String> filters;

        @Option(names = "--alpha", defaultValue = "0.05", description = "significance level of the tests (default: ${DEFAULT-VALUE})")
        double alpha;

        @Option(names = "--speed-factor", defaultValue = "1.10", description = "throughput ratio beyond which speed is reported as changed (default: ${DEFAULT-VALUE})")
        double speedFactor;

        @Option(names = "--markdown", description = "also write the summary as Markdown here (for a pull request or $GITHUB_STEP_SUMMARY)")
        Path markdown;

        @Option(names = "--json", description = "also write the whole report as JSON here; `aebench site` shows a comparison.json beside the results as a page")
        Path json;

        @Option(names = "--baseline-jmh", description = "JMH result file (results/bench/jmh.json) of the baseline, to compare benchmarks iteration by iteration")
        Path baselineJmh;

        @Option(names = "--candidate-jmh", description = "JMH result file of the candidate")
        Path candidateJmh;

        @Override
        public Integer call() throws IOException {
            if ((baselineJmh == null) != (candidateJmh == null)) {
                throw new ComparisonInputException("--baseline-jmh and --candidate-jmh go together");
            }
            if (!(alpha > 0 && alpha < 1)) throw new ComparisonInputException("--alpha must be between 0 and 1");
            if (!(speedFactor >= 1)) throw new ComparisonInputException("--speed-factor must be 1 or more");
            Mode forced = null;
            if (mode != null) {
                forced = Arrays.stream(Mode.values()).filter(m -> m.key().equals(mode)).findFirst()
                        .orElseThrow(() -> new ComparisonInputException("--mode must be exact or statistical, not '" + mode + "'"));
            }
            var b = ResultFolder.load(baseline, "baseline", true);
            var c = ResultFolder.load(candidate, "candidate");
            var report = new RegressionGate(new RegressionGate.Options(forced, alpha, speedFactor,
                    new CellFilter(filters), baselineJmh, candidateJmh, new TrainingCode(Path.of("").toAbsolutePath()))).compare(b, c);
            TerminalReport.print(report, System.out);
            if (markdown != null) {
                AtomicFile.write(markdown, MarkdownReport.render(report));
            }
            if (json != null) ReportJson.write(report, json);
            return report.exitCode();
        }
    }

    @Command(name = "baseline", mixinStandardHelpOptions = true,
            description = {"Write a committed baseline (baselines/<profile>/results.csv and curves.csv) from a finished run's folder,",
                    "rows sorted by cell. Refuses a run with failed cells, rows from uncommitted code or from several commits unless told to."})
    static final class Baseline implements Callable<Integer> {
        @Option(names = "--from", required = true, description = "the run's profile folder, e.g. results/baseline-run/ci")
        Path from;

        @Option(names = "--to", description = "baseline folder (default: baselines/<the run's profile>)")
        Path to;

        @Option(names = "--allow-dirty", description = "accept rows produced by uncommitted code or by several commits")
        boolean allowDirty;

        @Option(names = "--allow-failed", description = "accept failed cells as the baseline's result")
        boolean allowFailed;

        @Override
        public Integer call() throws IOException {
            var run = ResultFolder.load(from, "run");
            Path target = to != null ? to : Path.of("baselines", run.profile());
            System.err.println("aebench: " + Baselines.promote(run, target, allowDirty, allowFailed));
            return 0;
        }
    }

    @Command(name = "site", mixinStandardHelpOptions = true, description = "Render the static site from a profile's results.")
    static final class Site implements Callable<Integer> {
        @Option(names = "--profile", defaultValue = "ci", description = "profile whose results to render (default: ${DEFAULT-VALUE})")
        String profile;

        @Option(names = "--results", defaultValue = "results", description = "results root (default: ${DEFAULT-VALUE})")
        Path results;

        @Option(names = "--out", defaultValue = "site", description = "site root; pages go to <root>/<profile>/ (default: ${DEFAULT-VALUE})")
        Path out;

        @Option(names = "--references", description = "folder with reports.csv, reference-values.csv and claims.csv to use instead of the project's own")
        Path references;

        @Option(names = "--matrix", defaultValue = "experiments/matrix", description = "folder of matrix files, for the profile's cell count (default: ${DEFAULT-VALUE})")
        Path matrix;

        @Option(names = "--bench", defaultValue = "results/bench/summary.csv", description = "JMH summary for the performance section, if present; PyTorch's and the runner's figures are read from pytorch.csv and runner.csv beside it (default: ${DEFAULT-VALUE})")
        Path bench;

        @Override
        public Integer call() throws IOException {
            Path csv = results.resolve(profile).resolve(ResultStore.RESULTS_FILE);
            if (!csv.toFile().isFile()) throw new IOException(csv + " does not exist: run `make reproduce PROFILE=" + profile + "` first");
            var rows = new CsvTable<>(csv, ResultColumn.class).read();
            var benchRows = new CsvTable<>(bench, BenchColumn.class).read();
            var pytorchRows = new CsvTable<>(bench.resolveSibling("pytorch.csv"), BenchColumn.class).read();
            var curves = new CsvTable<>(results.resolve(profile).resolve(ResultStore.CURVES_FILE),
                    CurveColumn.class).read();
            var estimates = new CsvTable<>(results.resolve("estimate.csv"), EstimateColumn.class).read();
            var crosscheck = new CsvTable<>(results.resolve(profile).resolve(ResultStore.CROSSCHECK_FILE), org.aebench.contract.CrosscheckColumn.class).read();
            Path index = new SiteRenderer().render(new org.aebench.site.SiteInput(profile, rows, curves,
                    results.resolve(profile).resolve("artifacts"), benchRows, pytorchRows, estimates, comparison(results.resolve(profile)), crosscheck,
                    new CsvTable<>(bench.resolveSibling("runner.csv"), org.aebench.contract.RunnerBenchColumn.class).read(), origin(rows),
                    new CsvTable<>(results.resolve(profile).resolve(ResultStore.RUNS_FILE), org.aebench.contract.RunColumn.class).read()),
                    references == null ? ReferenceTable.load() : ReferenceTable.load(references), out.resolve(profile));
            System.err.println("aebench: site written to " + index);
            return 0;
        }

        /** Where the rows come from, for the index: the folder, the profile's size, each commit's training code against this checkout. */
        private org.aebench.site.Origin origin(List<Row<ResultColumn>> rows) {
            java.util.Map<String, Integer> cellsPerReport = new java.util.TreeMap<>();
            try {
                for (Cell c : new MatrixLoader().load(matrix, profile)) cellsPerReport.merge(c.id().substring(0, c.id().indexOf('/')), 1, Integer::sum);
            } catch (MatrixException e) {
                cellsPerReport.clear();  // a results folder of a profile this checkout's matrix no longer has: rendered all the same
            }
            boolean committed = results.toAbsolutePath().normalize().endsWith("baselines");
            String full = !profile.startsWith("full") && Files.isRegularFile(out.resolve(FULL_REPRODUCTION).resolve("index.html"))
                    ? "../" + FULL_REPRODUCTION + "/index.html" : null;
            return org.aebench.site.Origin.of(results.resolve(profile).toString(), committed, cellsPerReport, rows,
                    new TrainingCode(Path.of("").toAbsolutePath()), full);
        }

        /** The profile of the published reproduction, whose site a quick check's index links to when it sits beside it. */
        static final String FULL_REPRODUCTION = "full-seeds";

        /** The regression gate's report beside the results ({@code make regress} writes one), or null. */
        private static RegressionReport comparison(Path profileDir) throws IOException {
            Path file = profileDir.resolve(ReportJson.FILE);
            return Files.isRegularFile(file) ? ReportJson.read(file) : null;
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Join the result folders of a profile's shards (results, curves, pictures) into OUT, which may already hold"
                    + " merged shards: identical rows are kept once, a success beats a failure, different results for one cell are refused."
                    + " Exit 2, writing nothing, on a missing or unreadable folder or rows of different runs.")
    static final class Merge implements Callable<Integer> {
        @Parameters(index = "0", description = "the merged profile folder, such as results/full-seeds")
        Path out;

        @Parameters(index = "1..*", arity = "1..*", description = "shard profile folders, such as shards/1/full-seeds")
        List<Path> shards;

        @Option(names = "--matrix", defaultValue = "experiments/matrix", description = "folder of matrix files, for the profile's cell list (default: ${DEFAULT-VALUE})")
        Path matrix;

        @Option(names = "--allow-mixed", description = "merge rows of different training code, native builds, thread counts or data checksums"
                + " (rows of commits whose training code is the same merge without it)")
        boolean allowMixed;

        @Override
        public Integer call() throws IOException {
            for (Path shard : shards) {
                if (!Files.isDirectory(shard)) throw new IOException("shard folder " + shard + " does not exist");
            }
            try {
                String profile = profileOf(shards);
                List<String> expected = profile == null ? List.of() : new MatrixLoader().load(matrix, profile).stream().map(Cell::id).toList();
                var o = org.aebench.results.ShardMerge.merge(out, shards, expected, allowMixed, new TrainingCode(Path.of("").toAbsolutePath()));
                System.err.printf(Locale.ROOT, "merge: %d rows from %d folders into %s (%s); %d duplicate rows kept once%n", o.rows(), o.inputs(), out,
                        o.changed() ? "updated" : "unchanged", o.deduplicated());
                if (o.commits().size() > 1) System.err.println("merge: rows of " + o.commits().size() + " commits: " + String.join(", ", o.commits()));
                o.successesOverFailures().forEach(c -> System.err.println("merge: success kept over a failure: " + c));
                if (!o.failed().isEmpty()) System.err.println("merge: " + o.failed().size() + " cells failed: " + String.join(", ", o.failed()));
                if (!o.missing().isEmpty()) {
                    System.err.println("merge: " + o.missing().size() + " of the profile's " + expected.size() + " cells still missing: "
                            + String.join(", ", o.missing().subList(0, Math.min(10, o.missing().size()))) + (o.missing().size() > 10 ? ", ..." : ""));
                } else {
                    System.err.println("merge: every cell of profile " + profile + " is present");
                }
                return 0;
            } catch (ComparisonInputException e) {
                System.err.println("aebench merge: " + e.getMessage());
                return BAD_INPUT;
            }
        }

        /** The profile the first shard with rows ran, for the cell list. */
        private static String profileOf(List<Path> shards) throws IOException {
            for (Path s : shards) {
                Path csv = s.resolve(ResultStore.RESULTS_FILE);
                if (!Files.isRegularFile(csv)) continue;
                for (Row<ResultColumn> r : new CsvTable<>(csv, ResultColumn.class).read()) return r.get(ResultColumn.PROFILE);
            }
            return null;
        }
    }
}
