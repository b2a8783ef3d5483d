package org.aebench.compare;

import java.io.PrintStream;
import java.util.List;

/** The report as a terminal table: verdict counts, then every change worst first, then speed. */
public final class TerminalReport {
    /** Rows shown per table; the JSON and Markdown files keep every one. */
    static final int MAX_ROWS = 60;
    /** Slowest per-cell figures shown: single measurements on a shared machine are mostly noise. */
    static final int SPEED_ROWS = 15;

    private TerminalReport() {}

    public static void print(RegressionReport r, PrintStream out) {
        out.println("aebench compare: profile " + r.profile() + (r.filter().isEmpty() ? "" : ", cells matching " + r.filter()));
        out.println("  baseline  " + r.baseline() + " (" + r.baselineRows() + " rows)");
        out.println("  candidate " + r.candidate() + " (" + r.candidateRows() + " rows)");
        out.println("mode: " + r.mode().key() + " — " + r.modeReason());
        out.println();
        out.printf("%-14s %s%n", "verdict", r.mode() == Mode.EXACT ? "cells" : "experiments");
        for (var e : r.counts().entrySet()) out.printf("%-14s %5d%n", e.getKey().label(), e.getValue());
        List<List<String>> changes = ReportTables.changes(r);
        if (!changes.isEmpty()) {
            out.println();
            table(ReportTables.CHANGE_HEADER, changes, out, MAX_ROWS);
        }
        out.println();
        out.println("speed (reported, never fails the gate): " + ReportTables.speedSummary(r.speed()));
        List<List<String>> speed = ReportTables.speed(r.speed());
        if (!speed.isEmpty()) table(ReportTables.SPEED_HEADER, speed, out, SPEED_ROWS);
        if (!r.benchmarks().isEmpty()) {
            out.println("JMH: " + ReportTables.speedSummary(r.benchmarks()));
            List<List<String>> jmh = ReportTables.speed(r.benchmarks());
            if (!jmh.isEmpty()) table(ReportTables.SPEED_HEADER, jmh, out, MAX_ROWS);
        }
        if (r.codeDrift() != null && !r.codeDrift().isEmpty()) {
            out.println();
            out.println("flagged (rows of other training code; their numbers are not this checkout's):");
            r.codeDrift().forEach(d -> out.println("  " + d.describe()));
        }
        out.println();
        out.println(r.conclusion());
    }

    private static void table(List<String> header, List<List<String>> rows, PrintStream out, int max) {
        int[] width = new int[header.size()];
        List<List<String>> shown = rows.subList(0, Math.min(rows.size(), max));
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> row : shown) width[i] = Math.min(Math.max(width[i], row.get(i).length()), i == width.length - 1 ? 200 : 70);
        }
        line(header, width, out);
        for (List<String> row : shown) line(row, width, out);
        if (rows.size() > shown.size()) out.println("… and " + (rows.size() - shown.size()) + " more rows (see the JSON or Markdown file)");
    }

    private static void line(List<String> cells, int[] width, PrintStream out) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            sb.append(i == cells.size() - 1 ? c : String.format("%-" + width[i] + "s  ", c));
        }
        out.println(sb.toString().stripTrailing());
    }
}
