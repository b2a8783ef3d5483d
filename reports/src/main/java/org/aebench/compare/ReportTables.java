package org.aebench.compare;

import java.util.ArrayList;
import java.util.List;

/** The report's tables as rows of text, shared by the terminal and the Markdown rendering. */
public final class ReportTables {
    public static final List<String> CHANGE_HEADER = List.of("cell", "metric", "baseline", "candidate", "change", "verdict", "basis");
    public static final List<String> SPEED_HEADER = List.of("cell", "measure", "baseline", "candidate", "ratio", "pace", "basis");

    private ReportTables() {}

    /** One row per moved metric, status change, setting change, new or missing unit; worst unit first. */
    public static List<List<String>> changes(RegressionReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (UnitComparison u : r.changedUnits()) {
            String id = u.backend().equals("cpu") ? u.id() : u.id() + " [" + u.backend() + "]";
            switch (u.verdict()) {
                case NEW, MISSING -> rows.add(List.of(id, "", u.baselineRows() == 0 ? "–" : u.baselineStatus(),
                        u.candidateRows() == 0 ? "–" : u.candidateStatus(), "", u.verdict().label(), u.verdict().meaning()));
                default -> {
                    if (!u.baselineStatus().equals(u.candidateStatus())) {
                        rows.add(List.of(id, "status", u.baselineStatus(), u.candidateStatus(), "",
                                u.verdict() == Verdict.STATUS_BETTER ? "status better" : "status worse", ""));
                    }
                    for (SettingChange s : u.settings()) {
                        rows.add(List.of(id, s.setting(), s.baselineDiff(), s.candidateDiff(), "", r.mode() == Mode.EXACT ? "changed" : "info",
                                "a setting differs: the experiment changed"));
                    }
                    for (MetricChange m : u.metrics()) {
                        if (m.verdict() == Verdict.IDENTICAL || m.verdict() == Verdict.WITHIN_NOISE) continue;
                        rows.add(List.of(id, m.metric(), Numbers.value(m.baseline()), Numbers.value(m.candidate()), m.change(),
                                m.verdict().label(), m.basis()));
                    }
                }
            }
        }
        return rows;
    }

    /** Throughput that passed the factor (and its test), slowest first. */
    public static List<List<String>> speed(List<SpeedChange> changes) {
        List<List<String>> rows = new ArrayList<>();
        for (SpeedChange s : changes) {
            if (s.pace() == SpeedChange.Pace.SAME) continue;
            rows.add(List.of(s.id(), s.measure(), Numbers.value(s.baseline()), Numbers.value(s.candidate()), Numbers.ratio(s.ratio()),
                    s.pace().label(), s.basis()));
        }
        return rows;
    }

    static String counts(RegressionReport r) {
        StringBuilder sb = new StringBuilder();
        r.counts().forEach((v, n) -> {
            if (n > 0) sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ').append(v.label());
        });
        return sb.toString();
    }

    public static String speedSummary(List<SpeedChange> s) {
        long slower = s.stream().filter(x -> x.pace() == SpeedChange.Pace.SLOWER).count();
        long faster = s.stream().filter(x -> x.pace() == SpeedChange.Pace.FASTER).count();
        return s.size() + " compared: " + slower + " slower, " + faster + " faster, " + (s.size() - slower - faster) + " within the factor or noise";
    }
}
