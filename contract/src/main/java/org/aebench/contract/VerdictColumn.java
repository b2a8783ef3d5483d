package org.aebench.contract;

/**
 * The columns of a site's {@code data/verdicts.csv}: every reference number beside ours over seeds
 * and the verdict, as the report pages show them, for a reader who wants the table itself.
 */
public enum VerdictColumn implements Column {
    REPORT("report", "reference report id"),
    SECTION("section", "where the number stands in the report"),
    EXPERIMENT_ID("experiment_id", "our experiment it is compared with"),
    METRIC("metric", "results.csv column compared"),
    PRINTED_VALUE("printed_value", "the number as the report prints it"),
    REFERENCE_ON_OUR_SCALE("reference_on_our_scale", "the printed number times the transcribed scale factor (empty: not comparable)", ColumnType.NUMBER),
    OUR_MEAN("our_mean", "our mean over the seeds run (empty: not run)", ColumnType.NUMBER),
    OUR_CI95("our_ci95", "half-width of the 95 % interval of our mean, Student's t (empty: one seed)", ColumnType.NUMBER),
    SEEDS("seeds", "seeds behind our mean", ColumnType.INTEGER),
    DIFFERENCE_PERCENT("difference_percent", "(ours - reference) / reference, percent", ColumnType.NUMBER),
    VERDICT("verdict", "within, better, worse, outside, not run, not comparable, failed, not measured"),
    REASON("reason", "for a number outside tolerance: why, as found (empty: within, or not yet explained)");

    private final String header;
    private final String description;
    private final ColumnType type;

    VerdictColumn(String header, String description) {
        this(header, description, ColumnType.TEXT);
    }

    VerdictColumn(String header, String description, ColumnType type) {
        this.header = header;
        this.description = description;
        this.type = type;
    }

    @Override
    public String header() { return header; }

    @Override
    public String description() { return description; }

    @Override
    public ColumnType type() { return type; }
}
