package org.aebench.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aebench.reference.Claim;

/**
 * A claim evaluated on our results: holds, fails, not evaluated (with the missing experiment) or
 * not checkable; {@code evidence} gives the numbers the verdict rests on (means over seeds).
 */
public record ClaimCheck(Claim claim, String verdict, String evidence) {

    static ClaimCheck of(Claim c, Map<String, ExperimentSummary> experiments, Format fmt) {
        if (!c.checkable()) return new ClaimCheck(c, "not checkable", c.note());
        List<String> missing = new ArrayList<>();
        for (String id : concat(c.left(), c.right())) {
            ExperimentSummary e = experiments.get(id);
            if (e == null || e.metric(c.metric()) == null) missing.add(id);
        }
        if (!missing.isEmpty()) return new ClaimCheck(c, "not evaluated", "no " + c.metric() + " yet for " + String.join(", ", missing));
        return switch (c.rule()) {
            case "increasing", "decreasing" -> monotone(c, experiments, fmt);
            case "less", "greater" -> compare(c, experiments, fmt);
            default -> new ClaimCheck(c, "not evaluated", "unknown rule " + c.rule());
        };
    }

    private static double value(Map<String, ExperimentSummary> experiments, String id, String metric) {
        return experiments.get(id).metric(metric).mean();
    }

    private static String label(Map<String, ExperimentSummary> experiments, String id, String metric, Format fmt) {
        ExperimentSummary e = experiments.get(id);
        String sweep = e.sweep().isEmpty() ? e.experiment() : e.experiment() + " " + e.sweep();
        return sweep + " = " + fmt.num(value(experiments, id, metric)) + (e.collapsed() > 0 ? " (collapsed)" : "");
    }

    private static ClaimCheck monotone(Claim c, Map<String, ExperimentSummary> experiments, Format fmt) {
        boolean up = c.rule().equals("increasing");
        boolean holds = true;
        StringBuilder ev = new StringBuilder();
        for (int i = 0; i < c.left().size(); i++) {
            if (i > 0) {
                double prev = value(experiments, c.left().get(i - 1), c.metric());
                double cur = value(experiments, c.left().get(i), c.metric());
                boolean ok = up ? cur > prev : cur < prev;
                holds &= ok;
                ev.append(ok ? (up ? " < " : " > ") : " !! ");
            }
            ev.append(label(experiments, c.left().get(i), c.metric(), fmt));
        }
        return new ClaimCheck(c, holds ? "holds" : "fails", c.metric() + ": " + ev);
    }

    private static ClaimCheck compare(Claim c, Map<String, ExperimentSummary> experiments, Format fmt) {
        boolean less = c.rule().equals("less");
        List<String[]> pairs = new ArrayList<>();
        if (c.left().size() == c.right().size() && c.left().size() > 1) {
            for (int i = 0; i < c.left().size(); i++) pairs.add(new String[] {c.left().get(i), c.right().get(i)});
        } else {
            for (String l : c.left()) for (String r : c.right()) pairs.add(new String[] {l, r});
        }
        boolean holds = true;
        List<String> ev = new ArrayList<>();
        for (String[] p : pairs) {
            double a = value(experiments, p[0], c.metric());
            double b = value(experiments, p[1], c.metric());
            boolean ok = less ? a < b : a > b;
            holds &= ok;
            ev.add(label(experiments, p[0], c.metric(), fmt) + (ok ? (less ? " < " : " > ") : (less ? " >= " : " <= "))
                    + label(experiments, p[1], c.metric(), fmt));
        }
        return new ClaimCheck(c, holds ? "holds" : "fails", c.metric() + ": " + String.join("; ", ev));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
