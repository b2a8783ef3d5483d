package org.aebench.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aebench.contract.Status;
import org.aebench.contract.ResultColumn;
import org.aebench.contract.Row;

/** All rows (seeds) of one experiment id, summarised for the site. */
public record ExperimentSummary(
        String experimentId,
        String report,
        String experiment,
        String section,
        String family,
        String dataset,
        String sweep,
        String architecture,
        int cells,
        int ok,
        int collapsed,
        int failed,
        List<String> reasons,
        List<String> trainedIn,
        Map<String, Stats> metrics,
        Map<String, java.util.SortedMap<Integer, Double>> bySeed,
        java.util.SortedSet<Integer> collapsedSeeds) {

    /** Metrics (result columns) the site summarises per experiment. */
    static final List<ResultColumn> METRICS = List.of(
            ResultColumn.TEST_MSE, ResultColumn.TEST_MAE, ResultColumn.TEST_PSNR_DB, ResultColumn.NOISE_FREE_TEST_MSE,
            ResultColumn.TEST_SNR_DB, ResultColumn.AVG_ACTIVATION, ResultColumn.ACTIVE_FRACTION, ResultColumn.CONTRACTIVE_PENALTY,
            ResultColumn.NON_DIGIT_MSE, ResultColumn.CLASSIFIER_ACCURACY, ResultColumn.CLASSIFIER_ACCURACY_RECONSTRUCTED,
            ResultColumn.CLASSIFIER_ACCURACY_NOISY, ResultColumn.CLASSIFIER_ACCURACY_DENOISED,
            ResultColumn.FINAL_TRAIN_LOSS, ResultColumn.FINAL_TEST_LOSS, ResultColumn.EPOCHS, ResultColumn.REPORT_EPOCHS,
            ResultColumn.TRAIN_SAMPLES, ResultColumn.NOISY_PROBE_MSE, ResultColumn.NOISY_INPUT_MSE, ResultColumn.SHARPNESS_RATIO, ResultColumn.CODE_MEAN_ABS,
            ResultColumn.CODE_KNN_ACCURACY, ResultColumn.CODE_SILHOUETTE, ResultColumn.FILTER_DIGIT_CORRELATION,
            ResultColumn.TRAIN_SECONDS, ResultColumn.TRAIN_SAMPLES_PER_SECOND, ResultColumn.INFER_SAMPLES_PER_SECOND);

    static ExperimentSummary of(List<Row<ResultColumn>> rows) {
        return of(rows, Map.of());
    }

    /**
     * @param curves each cell's per-epoch rows (curves.csv), for the measures read off a curve; cells
     *               scored on another cell's training have that cell's curve under their own id
     */
    static ExperimentSummary of(List<Row<ResultColumn>> rows, Map<String, List<Row<org.aebench.contract.CurveColumn>>> curves) {
        Row<ResultColumn> first = rows.get(0);
        int ok = 0, collapsed = 0, failed = 0;
        List<String> reasons = new ArrayList<>();
        java.util.SortedSet<Integer> collapsedSeeds = new java.util.TreeSet<>();
        for (Row<ResultColumn> r : rows) {
            switch (Status.parse(r.get(ResultColumn.STATUS))) {
                case OK -> ok++;
                case COLLAPSED -> {
                    collapsed++;
                    collapsedSeeds.add((int) r.number(ResultColumn.SEED));
                }
                case FAILED -> failed++;
            }
            String reason = r.get(ResultColumn.REASON);
            if (!reason.isEmpty()) reasons.add("seed " + r.get(ResultColumn.SEED) + ": " + reason);
        }
        // cells whose run trained this experiment's models, when not its own (a shared training)
        List<String> trainedIn = rows.stream().filter(ExperimentSummary::trainedElsewhere).map(r -> r.get(ResultColumn.TRAINED_IN)).distinct().toList();
        Map<String, Stats> metrics = new LinkedHashMap<>();
        Map<String, java.util.SortedMap<Integer, Double>> bySeed = new LinkedHashMap<>();
        // Failed cells carry no metrics; collapsed cells do, and count: hiding them would flatter us.
        List<Row<ResultColumn>> scored = rows.stream().filter(r -> Status.parse(r.get(ResultColumn.STATUS)) != Status.FAILED).toList();
        Map<String, java.util.function.ToDoubleFunction<Row<ResultColumn>>> columns = new LinkedHashMap<>();
        for (ResultColumn c : METRICS) columns.put(c.header(), r -> r.number(c));
        for (DerivedMetric d : DerivedMetric.values()) columns.put(d.header(), d::of);
        columns.put(CURVE_IMPROVEMENT, r -> curveImprovement(curves.getOrDefault(r.get(ResultColumn.CELL_ID), List.of())));
        columns.forEach((name, read) -> {
            Stats s = Stats.of(scored.stream().map(r -> read.applyAsDouble(r)).toList());
            if (s == null) return;
            metrics.put(name, s);
            java.util.SortedMap<Integer, Double> seeds = new java.util.TreeMap<>();
            for (Row<ResultColumn> r : scored) {
                double v = read.applyAsDouble(r);
                if (Double.isFinite(v)) seeds.put((int) r.number(ResultColumn.SEED), v);
            }
            bySeed.put(name, seeds);
        });
        return new ExperimentSummary(first.get(ResultColumn.EXPERIMENT_ID), first.get(ResultColumn.REPORT),
                first.get(ResultColumn.EXPERIMENT), first.get(ResultColumn.SECTION), first.get(ResultColumn.FAMILY),
                first.get(ResultColumn.DATASET), first.get(ResultColumn.SWEEP), first.get(ResultColumn.ARCHITECTURE),
                rows.size(), ok, collapsed, failed, reasons, trainedIn, metrics, bySeed, java.util.Collections.unmodifiableSortedSet(collapsedSeeds));
    }

    /** The test MSE after the first epoch over that after the last: above 1, later epochs improved on the first. */
    public static final String CURVE_IMPROVEMENT = "curve_improvement";

    static double curveImprovement(List<Row<org.aebench.contract.CurveColumn>> curve) {
        if (curve.size() < 2) return Double.NaN;
        Row<org.aebench.contract.CurveColumn> first = curve.get(0), last = curve.get(0);
        for (var c : curve) {
            if (c.number(org.aebench.contract.CurveColumn.EPOCH) < first.number(org.aebench.contract.CurveColumn.EPOCH)) first = c;
            if (c.number(org.aebench.contract.CurveColumn.EPOCH) > last.number(org.aebench.contract.CurveColumn.EPOCH)) last = c;
        }
        return first.number(org.aebench.contract.CurveColumn.TEST_MSE) / last.number(org.aebench.contract.CurveColumn.TEST_MSE);
    }

    /**
     * Whether the row's model was trained in another cell's run (a shared training): its training
     * figures are then that run's. Rows written before {@code trained_in} existed trained alone.
     */
    static boolean trainedElsewhere(Row<ResultColumn> r) {
        String in = r.get(ResultColumn.TRAINED_IN);
        return !in.isEmpty() && !in.equals(r.get(ResultColumn.CELL_ID));
    }

    public Stats metric(String name) { return metrics.get(name); }

    /** The metric's value in each seed that has one (failed cells have none). */
    public java.util.SortedMap<Integer, Double> seedValues(String name) {
        return bySeed.getOrDefault(name, java.util.Collections.emptySortedMap());
    }

    /** How this run's settings differ from the experiment's own: fewer epochs or images; empty when none. */
    public String reducedSettings() {
        List<String> parts = new ArrayList<>();
        Stats epochs = metric("epochs"), full = metric("report_epochs"), images = metric("train_samples");
        if (epochs != null && full != null && epochs.max() < full.max()) {
            parts.add(String.format(java.util.Locale.ROOT, "%.0f of %.0f epochs", epochs.max(), full.max()));
        }
        if (images != null && images.max() > 0 && images.max() < 60_000 && family.endsWith("ae")) {
            parts.add(String.format(java.util.Locale.ROOT, "%,.0f of 60,000 training images", images.max()));
        }
        return String.join(", ", parts);
    }

    /** The cells' statuses in a word or two: a status of {@link Status} when all share it, else "partly ...". */
    public String status() {
        if (failed == cells) return Status.FAILED.key();
        if (collapsed > 0) return collapsed == cells ? Status.COLLAPSED.key() : "partly " + Status.COLLAPSED.key();
        return failed > 0 ? "partly " + Status.FAILED.key() : Status.OK.key();
    }

    /** Every cell ok: numbers that can be compared as a reproduction's. */
    public boolean allOk() {
        return ok == cells;
    }
}
