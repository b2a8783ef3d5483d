package org.aebench.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aebench.reference.Claim;
import org.aebench.reference.ClaimReading;
import org.aebench.reference.ClaimRule;
import org.aebench.reference.ReferenceValue;
import org.junit.jupiter.api.Test;

class ReproductionVerdictTest {
    private static final ExperimentSummary OK_FULL = ExperimentSummary.of(List.of(SiteRendererTest.row("r9/a/mnist", "dense-ae", "ok", 1, 0.01)));

    private static Comparison comparison(String verdict) {
        return comparison(verdict, null);
    }

    private static Comparison comparison(String verdict, org.aebench.reference.Explanation why) {
        ReferenceValue ref = new ReferenceValue("r9", "f", "s", "r9/a/mnist", "test_mse", "0.01", "d", 1, "");
        return new Comparison(ref, OK_FULL, OK_FULL.metric("test_mse"), 0.01, 0, verdict, null, null, null, why, null);
    }

    @Test
    void everyKindOfExplanationIsAReasonWithACauseFound() {
        for (var kind : org.aebench.reference.Explanation.Kind.values()) {
            assertTrue(Comparison.Reason.valueOf(kind.name()).explained(), kind.name());
        }
    }

    @Test
    void aTranscribedExplanationCountsAsACauseFoundAndNamesItsKind() {
        var why = new org.aebench.reference.Explanation("r9/a/mnist", "test_mse", org.aebench.reference.Explanation.Kind.SETTING_NOT_GIVEN,
                "the report gives no learning rate", "report section 2");
        var v = ReproductionVerdict.of(List.of(comparison("worse", why), comparison("better"), comparison("within")), List.of());
        assertEquals(1, v.outsideExplained());
        assertEquals(1, v.outsideUnexplained());
        assertEquals(0, v.outsideReduced());
        assertEquals("a setting the report does not give: the report gives no learning rate", comparison("worse", why).reasonText());
        assertEquals("", comparison("within", why).reasonText(), "a number within tolerance needs no reason");
    }

    @Test
    void aCollapseWithACauseFoundIsExplainedAndOneWithoutIsNot() {
        ExperimentSummary partly = ExperimentSummary.of(List.of(SiteRendererTest.row("r9/a/mnist", "conv-ae", "ok", 1, 0.01),
                SiteRendererTest.row("r9/a/mnist", "conv-ae", "collapsed", 2, 0.11)));
        ReferenceValue ref = new ReferenceValue("r9", "f", "s", "r9/a/mnist", "test_mse", "0.01", "d", 1, "");
        var cause = new org.aebench.reference.CollapseCause("r9/a/mnist", "the final ReLU is dead at initialisation for some seeds", "a survey");
        Comparison found = new Comparison(ref, partly, partly.metric("test_mse"), 0.01, 500, "worse", null, null, null, null, cause);
        Comparison notFound = new Comparison(ref, partly, partly.metric("test_mse"), 0.01, 500, "worse", null, null, null, null, null);
        assertEquals(Comparison.Reason.OURS_COLLAPSED_CAUSE_FOUND, found.reason());
        assertEquals("ours collapsed in some seed, for a cause in the report's own design: the final ReLU is dead at initialisation for some seeds",
                found.reasonText());
        assertEquals(Comparison.Reason.OURS_COLLAPSED, notFound.reason());
        var v = ReproductionVerdict.of(List.of(found, notFound), List.of());
        assertEquals(1, v.outsideExplained());
        assertEquals(1, v.outsideUnexplained());
    }

    private static ClaimCheck claim(ClaimVerdict verdict, ClaimVerdict onReport) {
        Claim c = new Claim("r9", "s", "t", ClaimRule.LESS, "test_mse", List.of("a"), List.of("b"), ClaimReading.AS_WRITTEN, "", "");
        return new ClaimCheck(c, verdict, verdict == ClaimVerdict.HOLDS ? 3 : 0, 3, "", onReport, "");
    }

    @Test
    void everyNumberWithinAndEveryClaimHoldingIsReproduced() {
        var v = ReproductionVerdict.of(List.of(comparison("within")), List.of(claim(ClaimVerdict.HOLDS, null)));
        assertEquals(ReproductionVerdict.Outcome.REPRODUCED, v.outcome());
    }

    @Test
    void aClaimThatFailsOnTheReportsOwnNumbersDoesNotCountAgainstUs() {
        var v = ReproductionVerdict.of(List.of(comparison("within")), List.of(claim(ClaimVerdict.FAILS, ClaimVerdict.FAILS)));
        assertEquals(ReproductionVerdict.Outcome.REPRODUCED, v.outcome());
        assertEquals(1, v.failsOnReport());
        var ours = ReproductionVerdict.of(List.of(comparison("within")), List.of(claim(ClaimVerdict.FAILS, ClaimVerdict.HOLDS)));
        assertEquals(ReproductionVerdict.Outcome.PARTLY, ours.outcome(), "a claim the report's numbers support and ours do not");
    }

    @Test
    void nothingWithinAndNothingHoldingIsNotReproduced() {
        var v = ReproductionVerdict.of(List.of(comparison("worse")), List.of(claim(ClaimVerdict.FAILS, null)));
        assertEquals(ReproductionVerdict.Outcome.NOT_REPRODUCED, v.outcome());
        assertTrue(v.reasons().stream().anyMatch(r -> r.contains("not yet explained")), v.reasons().toString());
    }

    @Test
    void aReportWithNothingToCheckSaysSo() {
        Claim look = new Claim("r9", "s", "t", ClaimRule.NOT_CHECKABLE, "", List.of(), List.of(), ClaimReading.AS_WRITTEN, "", "about how images look");
        var v = ReproductionVerdict.of(List.of(), List.of(new ClaimCheck(look, ClaimVerdict.NOT_CHECKABLE, 0, 0, "", null, "")));
        assertEquals(ReproductionVerdict.Outcome.NOTHING_TO_CHECK, v.outcome());
    }
}
