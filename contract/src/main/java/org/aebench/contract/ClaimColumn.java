package org.aebench.contract;

/** The columns of a site's {@code data/claims.csv}: every "Observation" of the reports and its verdict over our seeds. */
public enum ClaimColumn implements Column {
    REPORT("report", "reference report id"),
    SECTION("section", "where the claim stands in the report"),
    TEXT("text", "the claim as the report words it"),
    VERDICT("verdict", "holds, mixed, fails, not evaluated or not checkable"),
    SEEDS_HELD("seeds_held", "seeds in which the rule holds", ColumnType.INTEGER),
    SEEDS("seeds", "seeds evaluated", ColumnType.INTEGER),
    EVIDENCE("evidence", "our numbers the verdict rests on"),
    ON_REPORT("on_report", "the rule on the report's own printed numbers (empty: the report does not print them all)"),
    REPORT_EVIDENCE("report_evidence", "those printed numbers");

    private final String header;
    private final String description;
    private final ColumnType type;

    ClaimColumn(String header, String description) {
        this(header, description, ColumnType.TEXT);
    }

    ClaimColumn(String header, String description, ColumnType type) {
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
