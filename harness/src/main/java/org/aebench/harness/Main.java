package org.aebench.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.aebench.data.DataCatalog;
import org.aebench.data.DataException;
import org.aebench.matrix.Cell;
import org.aebench.matrix.MatrixException;
import org.aebench.matrix.MatrixLoader;
import org.aebench.reference.ReferenceTable;
import org.aebench.results.ResultStore;
import org.aebench.site.SiteRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: {@code aebench run | list | site}. */
@Command(name = "aebench", mixinStandardHelpOptions = true, version = "aebench 0.1",
        description = "Reproduces the reference reports' autoencoder experiments and renders the comparison site.",
        subcommands = {Main.Run.class, Main.ListCells.class, Main.Site.class, Main.Bench.class})
public final class Main {
    /** Exit code for bad input (matrix, data, usage): nothing was run. */
    static final int BAD_INPUT = 2;
    /** Exit code when every cell ran but at least one failed. */
    static final int CELLS_FAILED = 3;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
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

        List<Cell> cells() {
            List<Cell> all = new MatrixLoader().load(matrix, profile);
            if (filters == null || filters.isEmpty()) return all;
            List<Pattern> patterns = filters.stream().map(Selection::glob).toList();
            List<Cell> chosen = all.stream().filter(c -> filters.stream().anyMatch(f -> c.id().startsWith(f))
                    || patterns.stream().anyMatch(p -> p.matcher(c.id()).matches())).toList();
            if (chosen.isEmpty()) throw new MatrixException("no cell of profile " + profile + " matches " + filters + " (try `aebench list`)");
            return chosen;
        }

        static Pattern glob(String g) {
            StringBuilder re = new StringBuilder();
            for (char c : g.toCharArray()) {
                if (c == '*') re.append(".*");
                else if (c == '?') re.append('.');
                else re.append(Pattern.quote(String.valueOf(c)));
            }
            return Pattern.compile(re.toString());
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

        @Override
        public Integer call() throws IOException {
            List<Cell> cells = selection.cells();
            // SameDiff prints graph-building chatter to stdout; `run` reports on stderr only.
            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            Provenance provenance = Provenance.collect(Path.of("").toAbsolutePath());
            if (dryRun) {
                DataCatalog catalog = new DataCatalog(data);
                var rates = Estimator.calibrate(cells, catalog, workers, System.err);
                double[] est = Estimator.print(cells, rates, workers, System.err);
                // Kept for the site's performance page, which shows it as the profile's estimate: a
                // filtered one predicts only some cells.
                if (selection.filters != null && !selection.filters.isEmpty()) {
                    System.err.println("estimate: of the filtered cells only; not kept in " + results.resolve("estimate.csv"));
                    return 0;
                }
                var table = new org.aebench.results.CsvTable<>(results.resolve("estimate.csv"), org.aebench.results.EstimateColumn.class);
                java.nio.file.Files.createDirectories(results);
                table.openForAppend();
                table.append(List.of(new org.aebench.results.Row<>(org.aebench.results.EstimateColumn.class)
                        .set(org.aebench.results.EstimateColumn.PROFILE, selection.profile)
                        .set(org.aebench.results.EstimateColumn.CELLS, cells.size())
                        .set(org.aebench.results.EstimateColumn.WORKERS, workers)
                        .set(org.aebench.results.EstimateColumn.ESTIMATED_SECONDS, Math.round(est[0]))
                        .set(org.aebench.results.EstimateColumn.CELL_SECONDS, Math.round(est[1]))
                        .set(org.aebench.results.EstimateColumn.ESTIMATED_AT, java.time.Instant.now().toString())
                        .set(org.aebench.results.EstimateColumn.GIT_COMMIT, provenance.gitCommit())
                        .set(org.aebench.results.EstimateColumn.NATIVE_CLASSIFIER, provenance.nativeClassifier())));
                return 0;
            }
            Progress progress = new Progress(System.err, System.console() != null);
            if (workers < 1) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--workers must be at least 1");
            Path profileDir = results.resolve(selection.profile);
            Runner runner = new Runner(new TrainingExecutor(new DataCatalog(data), profileDir.resolve("artifacts")), provenance, progress, workers);
            Runner.Summary s = runner.run(cells, results.resolve(selection.profile), force);
            return s.failed() > 0 ? CELLS_FAILED : 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the cells of a profile without running them.")
    static final class ListCells implements Callable<Integer> {
        @CommandLine.Mixin
        Selection selection = new Selection();

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

        @Override
        public Integer call() throws Exception {
            Provenance provenance = Provenance.collect(Path.of("").toAbsolutePath());
            var rows = python != null ? org.aebench.bench.PyTorchReference.run(out, quick, models, python, provenance)
                    : org.aebench.bench.BenchRunner.run(out, quick, models, provenance);
            for (var r : rows) {
                System.err.printf(Locale.ROOT, "%-40s %-6s %12.0f ± %.0f samples/s%n", r.get(org.aebench.results.BenchColumn.MODEL),
                        r.get(org.aebench.results.BenchColumn.PHASE), r.number(org.aebench.results.BenchColumn.SAMPLES_PER_SECOND),
                        r.number(org.aebench.results.BenchColumn.ERROR));
            }
            System.err.println("aebench: " + rows.size() + " benchmarks -> " + out.resolve(python != null ? "pytorch.csv" : "summary.csv"));
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

        @Option(names = "--bench", defaultValue = "results/bench/summary.csv", description = "JMH summary for the performance section, if present; PyTorch's figures are read from pytorch.csv beside it (default: ${DEFAULT-VALUE})")
        Path bench;

        @Override
        public Integer call() throws IOException {
            Path csv = results.resolve(profile).resolve(ResultStore.RESULTS_FILE);
            if (!csv.toFile().isFile()) throw new IOException(csv + " does not exist: run `make reproduce PROFILE=" + profile + "` first");
            var rows = new org.aebench.results.CsvTable<>(csv, org.aebench.results.ResultColumn.class).read();
            var benchRows = new org.aebench.results.CsvTable<>(bench, org.aebench.results.BenchColumn.class).read();
            var pytorchRows = new org.aebench.results.CsvTable<>(bench.resolveSibling("pytorch.csv"), org.aebench.results.BenchColumn.class).read();
            var curves = new org.aebench.results.CsvTable<>(results.resolve(profile).resolve(ResultStore.CURVES_FILE),
                    org.aebench.results.CurveColumn.class).read();
            var estimates = new org.aebench.results.CsvTable<>(results.resolve("estimate.csv"), org.aebench.results.EstimateColumn.class).read();
            Path index = new SiteRenderer().render(new org.aebench.site.SiteInput(profile, rows, curves,
                    results.resolve(profile).resolve("artifacts"), benchRows, pytorchRows, estimates),
                    references == null ? ReferenceTable.load() : ReferenceTable.load(references), out.resolve(profile));
            System.err.println("aebench: site written to " + index);
            return 0;
        }
    }
}
