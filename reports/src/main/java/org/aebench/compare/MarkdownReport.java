package org.aebench.compare;

import java.util.List;

/** The report as Markdown, fit for a pull-request comment or {@code $GITHUB_STEP_SUMMARY}. */
public final class MarkdownReport {
    /** Rows per table: a pull-request comment must stay readable (and under GitHub's size limit). */
    static final int MAX_ROWS = 100;

    private MarkdownReport() {}

    public static String render(RegressionReport r) {
        StringBuilder md = new StringBuilder();
        md.append("### aebench regression gate: ").append(r.passed() ? "✅ " : "❌ ").append(r.conclusion()).append("\n\n");
        md.append("Profile `").append(r.profile()).append('`').append(r.filter().isEmpty() ? "" : ", cells matching `" + r.filter() + "`")
                .append(": baseline `").append(r.baseline()).append("` (").append(r.baselineRows()).append(" rows) against candidate `")
                .append(r.candidate()).append("` (").append(r.candidateRows()).append(" rows).\n\n");
        md.append("**Mode: ").append(r.mode().key()).append("** — ").append(escape(r.modeReason())).append(".\n\n");
        md.append("| verdict | ").append(r.mode() == Mode.EXACT ? "cells" : "experiments").append(" |\n|---|---:|\n");
        r.counts().forEach((v, n) -> {
            if (n > 0) md.append("| ").append(v.label()).append(" | ").append(n).append(" |\n");
        });
        if (r.codeDrift() != null && !r.codeDrift().isEmpty()) {
            md.append("\n#### ⚠️ Rows of other training code\n\nTheir numbers are not this checkout's code's:\n\n");
            r.codeDrift().forEach(d -> md.append("- ").append(escape(d.describe())).append('\n'));
        }
        List<List<String>> changes = ReportTables.changes(r);
        if (!changes.isEmpty()) {
            md.append("\n#### Changes, worst first\n\n");
            table(ReportTables.CHANGE_HEADER, changes, md);
        }
        md.append("\n#### Speed (reported, never fails the gate)\n\nPer cell: ").append(ReportTables.speedSummary(r.speed())).append(".\n");
        List<List<String>> speed = ReportTables.speed(r.speed());
        if (!speed.isEmpty()) {
            md.append("\n<details><summary>").append(speed.size()).append(" beyond the factor</summary>\n\n");
            table(ReportTables.SPEED_HEADER, speed, md);
            md.append("\n</details>\n");
        }
        if (!r.benchmarks().isEmpty()) {
            md.append("\nJMH: ").append(ReportTables.speedSummary(r.benchmarks())).append(".\n\n");
            List<List<String>> jmh = ReportTables.speed(r.benchmarks());
            if (!jmh.isEmpty()) table(ReportTables.SPEED_HEADER, jmh, md);
        }
        md.append("\n<sub>").append(escape(r.method())).append("</sub>\n");
        return md.toString();
    }

    private static void table(List<String> header, List<List<String>> rows, StringBuilder md) {
        md.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> md.append("---|"));
        md.append('\n');
        for (List<String> row : rows.subList(0, Math.min(rows.size(), MAX_ROWS))) {
            md.append("| ").append(String.join(" | ", row.stream().map(MarkdownReport::escape).toList())).append(" |\n");
        }
        if (rows.size() > MAX_ROWS) md.append("\n… and ").append(rows.size() - MAX_ROWS).append(" more rows in the JSON report.\n");
    }

    /** Table cells must not break the table or inject markup. */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ");
    }
}
