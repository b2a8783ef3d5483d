package org.aebench.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The project's own transcription of the reference reports' numbers
 * ({@code aebench/reference/reference-values.csv}) and of the reports themselves
 * ({@code reports.csv}). Read from the classpath: nothing reads the reports' texts at run time.
 */
public final class ReferenceTable {
    private final List<ReferenceReport> reports;
    private final List<ReferenceValue> values;
    private final List<Claim> claims;
    private final List<OpenChoice> choices;
    private final List<Explanation> explanations;
    /** By experiment id: one cause per experiment. */
    private final java.util.Map<String, CollapseCause> collapseCauses = new java.util.LinkedHashMap<>();

    public ReferenceTable(List<ReferenceReport> reports, List<ReferenceValue> values) {
        this(reports, values, List.of(), List.of(), List.of(), List.of());
    }

    public ReferenceTable(List<ReferenceReport> reports, List<ReferenceValue> values, List<Claim> claims, List<OpenChoice> choices,
                          List<Explanation> explanations, List<CollapseCause> collapseCauses) {
        this.reports = List.copyOf(reports);
        this.values = List.copyOf(values);
        this.claims = List.copyOf(claims);
        this.choices = List.copyOf(choices);
        this.explanations = List.copyOf(explanations);
        for (CollapseCause c : collapseCauses) {
            if (this.collapseCauses.putIfAbsent(c.experimentId(), c) != null) {
                throw new IllegalArgumentException(COLLAPSES + ": " + c.experimentId() + " has two causes");
            }
        }
        for (Explanation e : explanations) {
            if (values.stream().noneMatch(v -> v.experimentId().equals(e.experimentId()) && v.metric().equals(e.metric()))) {
                throw new IllegalArgumentException(EXPLANATIONS + ": " + e.experimentId() + " " + e.metric() + " explains no reference number");
            }
        }
    }

    /** The table that ships with the project (resources {@code /aebench/reference/*.csv}). */
    public static ReferenceTable load() {
        return load(ReferenceTable::resource);
    }

    /**
     * The same files ({@code reports.csv}, {@code reference-values.csv}, {@code claims.csv}, and
     * {@code choices.csv} when present) from a folder: for a corrected transcription under review, or
     * a test that needs its own values.
     */
    public static ReferenceTable load(java.nio.file.Path dir) {
        return load(name -> {
            try {
                java.nio.file.Path file = dir.resolve(name);
                if ((name.equals(CHOICES) || name.equals(EXPLANATIONS) || name.equals(COLLAPSES)) && !java.nio.file.Files.exists(file)) return null;
                return java.nio.file.Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static InputStream resource(String name) {
        String path = "/aebench/reference/" + name;
        InputStream in = ReferenceTable.class.getResourceAsStream(path);
        if (in == null) throw new IllegalStateException("missing resource " + path);
        return in;
    }

    private static ReferenceTable load(java.util.function.Function<String, InputStream> source) {
        List<ReferenceReport> reports = new ArrayList<>();
        for (CSVRecord r : records(source, "reports.csv")) {
            reports.add(new ReferenceReport(r.get("report"), r.get("report_file"), r.get("title"), r.get("data"), r.get("runs")));
        }
        List<ReferenceValue> values = new ArrayList<>();
        for (CSVRecord r : records(source, "reference-values.csv")) {
            String scale = r.get("to_our_scale").trim();
            values.add(new ReferenceValue(r.get("report"), r.get("report_file"), r.get("section"),
                    r.get("experiment_id"), r.get("metric"), r.get("printed_value"), r.get("definition"),
                    scale.isEmpty() ? Double.NaN : Double.parseDouble(scale), r.get("note")));
        }
        List<Claim> claims = new ArrayList<>();
        for (CSVRecord r : records(source, "claims.csv")) {
            try {
                claims.add(new Claim(r.get("report"), r.get("section"), r.get("claim"), ClaimRule.parse(r.get("rule")), r.get("metric"),
                        Claim.ids(r.get("left")), Claim.ids(r.get("right")), ClaimReading.parse(r.get("reading")),
                        r.get("conflicts_with"), r.get("note")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("claims.csv line " + r.getRecordNumber() + ": " + e.getMessage(), e);
            }
        }
        List<OpenChoice> choices = new ArrayList<>();
        for (CSVRecord r : records(source, CHOICES)) {
            choices.add(new OpenChoice(r.get("report"), r.get("section"), r.get("setting"), r.get("report_says"), r.get("our_choice"), r.get("why")));
        }
        List<Explanation> explanations = new ArrayList<>();
        for (CSVRecord r : records(source, EXPLANATIONS)) {
            try {
                explanations.add(new Explanation(r.get("experiment_id"), r.get("metric"), Explanation.Kind.parse(r.get("kind")),
                        r.get("explanation"), r.get("evidence")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(EXPLANATIONS + " line " + r.getRecordNumber() + ": " + e.getMessage(), e);
            }
        }
        List<CollapseCause> collapses = new ArrayList<>();
        for (CSVRecord r : records(source, COLLAPSES)) {
            try {
                collapses.add(new CollapseCause(r.get("experiment_id"), r.get("cause"), r.get("evidence")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(COLLAPSES + " line " + r.getRecordNumber() + ": " + e.getMessage(), e);
            }
        }
        return new ReferenceTable(reports, values, claims, choices, explanations, collapses);
    }

    /** Optional: settings the reports leave open and what we chose. */
    static final String CHOICES = "choices.csv";
    /** Optional: why reference numbers stay outside tolerance at the reports' settings, as found. */
    static final String EXPLANATIONS = "explanations.csv";
    /** Optional: why our networks collapse in some seeds of an experiment, as found. */
    static final String COLLAPSES = "collapses.csv";

    /** The transcribed reason a reference number is outside tolerance, or null when none was found. */
    public Explanation explanationOf(ReferenceValue v) {
        return explanations.stream().filter(e -> e.experimentId().equals(v.experimentId()) && e.metric().equals(v.metric()))
                .findFirst().orElse(null);
    }

    /** The found cause of our collapses in an experiment, or null when none was found. */
    public CollapseCause collapseCauseOf(String experimentId) {
        return collapseCauses.get(experimentId);
    }

    /** Every cause found, by experiment id. */
    public java.util.Map<String, CollapseCause> collapseCauses() { return java.util.Collections.unmodifiableMap(collapseCauses); }

    public List<OpenChoice> choicesOf(String report) {
        return choices.stream().filter(c -> c.report().equals(report)).toList();
    }

    /** The reports' "Observations", as data. */
    public List<Claim> claims() { return claims; }

    public List<Claim> claimsOf(String report) {
        return claims.stream().filter(c -> c.report().equals(report)).toList();
    }

    public List<ReferenceReport> reports() { return reports; }

    public List<ReferenceValue> values() { return values; }

    public List<ReferenceValue> valuesOf(String report) {
        return values.stream().filter(v -> v.report().equals(report)).toList();
    }

    private static List<CSVRecord> records(java.util.function.Function<String, InputStream> source, String name) {
        try (InputStream in = source.apply(name)) {
            if (in == null) return List.of();  // an optional file that is absent
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader).getRecords();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
