package org.aebench.site;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A report page's opening verdict, in the manner of a reproduction report: reproduced, partly, not
 * reproduced (or not yet evaluated), with the counts behind it and the main reasons.
 *
 * @param outsideByReason the numbers outside tolerance per reason ({@link Comparison#reason()}), every reason present
 */
public record ReproductionVerdict(Outcome outcome, long within, long outside, Map<Comparison.Reason, Long> outsideByReason,
                                  long holds, long mixed, long fails, long failsOnReport, long selfContradictory, long notEvaluated,
                                  long notCheckable) {

    /** The verdict's word. */
    public enum Outcome {
        REPRODUCED("reproduced"), PARTLY("partly reproduced"), NOT_REPRODUCED("not reproduced"), NOT_YET("not yet evaluated"),
        NOTHING_TO_CHECK("nothing to check: the report prints no comparable number and no checkable claim");

        private final String text;

        Outcome(String text) { this.text = text; }

        public String text() { return text; }

        public String css() { return name().toLowerCase().replace('_', '-'); }
    }

    static ReproductionVerdict of(List<Comparison> comparisons, List<ClaimCheck> claims) {
        long within = 0, outside = 0;
        Map<Comparison.Reason, Long> byReason = new EnumMap<>(Comparison.Reason.class);
        for (Comparison.Reason r : Comparison.Reason.values()) byReason.put(r, 0L);
        for (Comparison c : comparisons) {
            if (c.verdict().equals("within")) within++;
            else if (c.outside()) {
                outside++;
                byReason.merge(c.reason(), 1L, Long::sum);
            }
        }
        long holds = 0, mixed = 0, fails = 0, failsOnReport = 0, contradictory = 0, notEvaluated = 0, notCheckable = 0;
        for (ClaimCheck c : claims) {
            if (c.claim().selfContradictory()) contradictory++;
            switch (c.verdict()) {
                case HOLDS -> holds++;
                case MIXED -> mixed++;
                case FAILS -> {
                    if (c.failsOnReport() || c.claim().selfContradictory()) failsOnReport++;
                    else fails++;
                }
                case NOT_EVALUATED -> notEvaluated++;
                case NOT_CHECKABLE -> notCheckable++;
            }
        }
        Outcome outcome;
        boolean anythingToCheck = comparisons.stream().anyMatch(c -> c.reference().comparable())
                || claims.stream().anyMatch(c -> c.claim().checkable());
        if (!anythingToCheck) outcome = Outcome.NOTHING_TO_CHECK;
        else if (within + outside + holds + mixed + fails + failsOnReport == 0) outcome = Outcome.NOT_YET;
        else if (outside == 0 && mixed == 0 && fails == 0) outcome = Outcome.REPRODUCED;
        else if (within == 0 && holds == 0) outcome = Outcome.NOT_REPRODUCED;
        else outcome = Outcome.PARTLY;
        return new ReproductionVerdict(outcome, within, outside, byReason, holds, mixed, fails, failsOnReport, contradictory,
                notEvaluated, notCheckable);
    }

    /** Numbers outside tolerance whose cause was found (see {@link Comparison.Reason#explained()}). */
    public long outsideExplained() {
        return outsideByReason.entrySet().stream().filter(e -> e.getKey().explained()).mapToLong(Map.Entry::getValue).sum();
    }

    /** Numbers outside tolerance in a profile that trains fewer epochs or images than the report: not expected to match. */
    public long outsideReduced() {
        return outsideByReason.get(Comparison.Reason.REDUCED_SETTINGS);
    }

    /** Numbers outside tolerance at the report's settings with no cause found (ours collapsed, or nothing found). */
    public long outsideUnexplained() {
        return outsideByReason.get(Comparison.Reason.UNEXPLAINED) + outsideByReason.get(Comparison.Reason.OURS_COLLAPSED);
    }

    /** The reasons behind the numbers outside tolerance and the failing claims, largest first as written. */
    public List<String> reasons() {
        List<String> out = new ArrayList<>();
        outsideByReason.forEach((reason, n) -> {
            if (n > 0) out.add(n + " reference number(s) outside tolerance: " + reason.text());
        });
        if (failsOnReport > 0) out.add(failsOnReport + " claim(s) failing here also fail on the report's own numbers or contradict another of its claims (report inconsistency)");
        if (mixed > 0) out.add(mixed + " claim(s) hold in some seeds only");
        if (fails > 0) out.add(fails + " claim(s) fail here while the report's numbers do not contradict them");
        return out;
    }
}
