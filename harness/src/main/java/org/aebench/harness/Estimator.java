package org.aebench.harness;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.aebench.train.CellModel;
import org.aebench.data.DataCatalog;
import org.aebench.data.Dataset;
import org.aebench.matrix.Cell;
import org.aebench.model.Reconstructor;
import org.aebench.model.TrainableModel;
import org.aebench.train.Trainer;

/**
 * Predicts a run's wall time before it starts: each distinct model (by {@code speedKey}) is
 * trained here on real images with the runner's own code, after a warm-up long enough for
 * SameDiff graphs, for three seconds or, for the models the run spends hours on, 6 s per hour up
 * to 20; each training then costs its sample-passes at that rate, each
 * cell one test-set evaluation per epoch, and the trainings are dealt to the workers longest
 * first, as the runner deals them.
 */
final class Estimator {
    private static final int POOL = 6400;
    private static final int TEST_IMAGES = 10_000;

    /** Training and inference speed of one model, images per second. */
    record Rate(double train, double infer) {}

    private Estimator() {}

    /**
     * Measures each distinct model with {@code workers} copies training at once, one per thread,
     * as the runner would run them: on this 2-core machine two busy workers slow each other by
     * up to 2x (measured on the ci profile), so single-thread rates would flatter the estimate.
     */
    static Map<String, Rate> calibrate(List<Cell> cells, DataCatalog catalog, int workers, PrintStream log) {
        Map<String, Rate> rates = new LinkedHashMap<>();
        Map<String, Long> passes = new HashMap<>();  // what each model will train, summed over its trainings
        for (SharedTraining t : SharedTraining.of(cells)) passes.merge(t.first().spec().speedKey(), CellCost.passes(t.first()), Long::sum);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(workers);
        try {
            for (Cell c : cells.stream().sorted(CellCost.ORDER).toList()) {  // the runner's order: it changes speeds
                if (!c.spec().family().trained() || rates.containsKey(c.spec().speedKey())) continue;
                Dataset data = catalog.load(c.spec().dataset(), POOL, 1000);
                List<java.util.concurrent.Future<Rate>> runs = new ArrayList<>();
                long modelPasses = passes.getOrDefault(c.spec().speedKey(), 0L);
                for (int w = 0; w < workers; w++) runs.add(pool.submit(() -> measure(c, data, modelPasses)));
                double train = 0, infer = 0;
                for (var f : runs) {
                    Rate r = f.get();
                    train += r.train() / workers;
                    infer += r.infer() / workers;
                }
                rates.put(c.spec().speedKey(), new Rate(train, infer));
                log.printf(Locale.ROOT, "estimate: %-45s %9.0f train, %9.0f inference samples/s per worker%n", c.experimentId(), train, infer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("measuring a model failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return rates;
    }

    /**
     * Seconds of measurement per hour of predicted training, and at most: the models that decide
     * the estimate are timed longest. Why: this machine's speed wanders over seconds, and short
     * windows of the model that dominates the full profile read rates 15% apart minutes apart
     * (docs/performance.md, "Scheduling and the estimate").
     */
    private static final double MEASURED_SECONDS_PER_HOUR = 6, MAX_MEASURED_SECONDS = 20;

    private static Rate measure(Cell c, Dataset data, long passes) {
        Reconstructor model = CellModel.of(c, data.features());
        // with the cell's input noise, as the runner trains (drawing it is part of a denoiser's step)
        Runnable step = Trainer.steps(c, data, (TrainableModel) model);
        int batch = c.spec().batchSize();
        // SameDiff graphs run slowly for their first ~10 s and their first ~100 steps (docs/performance.md)
        boolean graph = c.spec().family().graph();
        timeSteps(step, graph ? 15 : 3, graph ? 100 : 1);
        // at least 20 steps: a conv step of batch 256 takes ~0.2-1 s, and 2-3 steps gave rates 2x apart
        double[] timed = timeSteps(step, 3.0, 20);
        double hours = passes / (timed[0] * batch / timed[1]) / 3600;
        double more = Math.min(MAX_MEASURED_SECONDS, hours * MEASURED_SECONDS_PER_HOUR) - timed[1];
        if (more > 0) {
            double[] longer = timeSteps(step, more, 1);
            timed = new double[] {timed[0] + longer[0], timed[1] + longer[1]};
        }
        double train = timed[0] * batch / timed[1];
        // the runner evaluates the test set every epoch: from the third time on, a graph replays a recorded plan
        for (int i = 0; i < 2; i++) model.reconstruct(data.testX());
        long t0 = System.nanoTime();
        model.reconstruct(data.testX());
        return new Rate(train, data.testCount() / ((System.nanoTime() - t0) / 1e9));
    }

    /** Runs {@code step} for at least {@code seconds} and {@code minSteps}: {steps, seconds}. */
    private static double[] timeSteps(Runnable step, double seconds, int minSteps) {
        long t0 = System.nanoTime();
        int n = 0;
        while (n < minSteps || (System.nanoTime() - t0) / 1e9 < seconds) {
            step.run();
            n++;
        }
        return new double[] {n, (System.nanoTime() - t0) / 1e9};
    }

    /** Seconds a graph spends below speed at the start of a cell (the warm-up above, at about a third of the speed). */
    private static final double GRAPH_WARM_UP = 10;
    /** Seconds a process spends before its first cell: JVM, native libraries, checksums and loading the data. */
    private static final double STARTUP = 5;

    /** Predicted seconds of a cell trained alone; closed-form fits count one second. */
    static double seconds(Cell c, Map<String, Rate> rates) {
        return seconds(c, rates, true);
    }

    /** Predicted seconds of a cell's scoring, one test-set evaluation per epoch, and of its training when it runs it. */
    private static double seconds(Cell c, Map<String, Rate> rates, boolean trains) {
        if (!c.spec().family().trained()) return trains ? 1 : 0;
        Rate r = rates.get(c.spec().speedKey());
        int test = c.testLimit() != null ? c.testLimit() : TEST_IMAGES;
        double scoring = c.epochs() * (double) test / r.infer();
        return trains ? CellCost.passes(c) / r.train() + scoring + (c.spec().family().graph() ? GRAPH_WARM_UP : 0) : scoring;
    }

    /** Predicted seconds of one training and the scoring of each of its cells. */
    static double seconds(SharedTraining t, Map<String, Rate> rates) {
        double s = 0;
        for (Cell c : t.cells()) s += seconds(c, rates, c == t.first());
        return s;
    }

    /** Longest-first onto the least-loaded worker: the runner's own schedule, one training at a time. */
    static double makespan(List<Cell> cells, Map<String, Rate> rates, int workers) {
        List<Double> times = new ArrayList<>(SharedTraining.of(cells).stream().map(t -> seconds(t, rates)).toList());
        times.sort(Comparator.reverseOrder());
        PriorityQueue<Double> load = new PriorityQueue<>();
        for (int i = 0; i < workers; i++) load.add(0.0);
        for (double t : times) load.add(load.poll() + t);
        return STARTUP + load.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /**
     * Prints the estimate per report and returns {wall seconds, summed cell seconds}. A shared
     * training counts in the report of the cell it runs as; its other cells count their scoring.
     */
    static double[] print(List<Cell> cells, Map<String, Rate> rates, int workers, PrintStream out) {
        Map<String, double[]> byReport = new TreeMap<>();
        List<SharedTraining> trainings = SharedTraining.of(cells);
        for (SharedTraining t : trainings) {
            for (Cell c : t.cells()) {
                boolean trains = c == t.first();
                double[] agg = byReport.computeIfAbsent(c.report(), k -> new double[4]);
                agg[0]++;
                agg[1] += trains ? CellCost.passes(c) : 0;
                agg[2] += seconds(c, rates, trains);
                agg[3] += trains ? 1 : 0;
            }
        }
        out.printf(Locale.ROOT, "%-10s %6s %10s %16s %14s%n", "report", "cells", "trainings", "sample-passes", "cell time");
        for (Map.Entry<String, double[]> e : byReport.entrySet()) {
            double[] a = e.getValue();
            out.printf(Locale.ROOT, "%-10s %6.0f %10.0f %,16.0f %14s%n", e.getKey(), a[0], a[3], a[1], Progress.duration(a[2]));
        }
        double wall = makespan(cells, rates, workers);
        out.printf(Locale.ROOT, "estimated wall time: %s on %d worker%s (rates measured with %d at once; %d cells, %d trainings)%n",
                Progress.duration(wall), workers, workers == 1 ? "" : "s", workers, cells.size(), trainings.size());
        return new double[] {wall, byReport.values().stream().mapToDouble(a -> a[2]).sum()};
    }

    /**
     * Deals {@code cells} into {@code count} shards as {@code --shard} does (by the shipped rates)
     * and prints each shard's trainings, cells and predicted wall time at the measured {@code rates},
     * then the slowest shard and what bounds it: no shard finishes before its longest training.
     */
    static void printShards(List<Cell> cells, Map<String, Rate> rates, int workers, int count, PrintStream out) {
        List<List<SharedTraining>> shares = Shard.deal(cells, ModelRates.shipped(), count);
        double slowest = 0;
        int slowestIndex = 0;
        for (int i = 0; i < count; i++) {
            List<Cell> mine = shares.get(i).stream().flatMap(t -> t.cells().stream()).toList();
            double wall = mine.isEmpty() ? 0 : makespan(mine, rates, workers);
            SharedTraining longest = shares.get(i).stream().max(Comparator.comparingDouble(t -> seconds(t, rates))).orElse(null);
            out.printf(Locale.ROOT, "shard %2d/%d: %3d trainings, %3d cells, predicted %8s on %d workers%s%n", i + 1, count, shares.get(i).size(), mine.size(),
                    Progress.duration(wall), workers, longest == null ? "" : "; longest " + longest.first().id() + " " + Progress.duration(seconds(longest, rates)));
            if (wall > slowest) {
                slowest = wall;
                slowestIndex = i + 1;
            }
        }
        SharedTraining longest = SharedTraining.of(cells).stream().max(Comparator.comparingDouble(t -> seconds(t, rates))).orElseThrow();
        out.printf(Locale.ROOT, "%d shards: predicted wall time %s (shard %d); no shard can take less than the longest training, %s (%s)%n", count,
                Progress.duration(slowest), slowestIndex, Progress.duration(STARTUP + seconds(longest, rates)), longest.first().id());
    }
}
