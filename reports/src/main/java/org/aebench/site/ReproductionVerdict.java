package org.aebench.site;

import java.util.ArrayList;
import java.util.List;

/**
 * A report page's opening verdict, in the manner of a reproduction report: reproduced, partly, not
 * reproduced (or not yet evaluated), with the counts behind it and the main reasons.
 */
public record ReproductionVerdict(Outcome outcome, long within, long outside, long outsideReduced, long outsideCollapsedReference,
                                  long outsideCollapsedOurs, long outsideUnexplained, long holds, long mixed, long fails,
                                  long failsOnReport, long selfContradictory, long notEvaluated, long notCheckable) {

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
        long within = 0, outside = 0, reduced = 0, collapsedRef = 0, collapsedOurs = 0, unexplained = 0;
        for (Comparison c : comparisons) {
            if (c.verdict().equals("within")) within++;
            else if (List.of("better", "worse", "outside").contains(c.verdict())) {
                outside++;
                // the first reason that applies: a reference at a trivial baseline, our collapse, fewer epochs or images
                if (c.referenceIsBaseline() != null) collapsedRef++;
                else if (!c.experiment().allOk()) collapsedOurs++;
                else if (!c.experiment().reducedSettings().isEmpty()) reduced++;
                else unexplained++;
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
        return new ReproductionVerdict(outcome, within, outside, reduced, collapsedRef, collapsedOurs, unexplained, holds, mixed, fails,
                failsOnReport, contradictory, notEvaluated, notCheckable);
    }

    /** The reasons behind the numbers outside tolerance and the failing claims, largest first as written. */
    public List<String> reasons() {
        List<String> out = new ArrayList<>();
        if (outsideReduced > 0) out.add(outsideReduced + " reference number(s) outside tolerance were run at reduced settings (fewer epochs or images)");
        if (outsideCollapsedReference > 0) out.add(outsideCollapsedReference + " printed value(s) equal a trivial baseline: the report's network had collapsed");
        if (outsideCollapsedOurs > 0) out.add(outsideCollapsedOurs + " of ours collapsed in some seed (see the cell's reason)");
        if (outsideUnexplained > 0) out.add(outsideUnexplained + " outside tolerance at the report's settings: a difference of setup not yet explained");
        if (failsOnReport > 0) out.add(failsOnReport + " claim(s) failing here also fail on the report's own numbers or contradict another of its claims (report inconsistency)");
        if (mixed > 0) out.add(mixed + " claim(s) hold in some seeds only");
        if (fails > 0) out.add(fails + " claim(s) fail here while the report's numbers do not contradict them");
        return out;
    }
}
