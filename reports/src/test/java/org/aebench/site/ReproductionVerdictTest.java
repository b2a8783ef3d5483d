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
        return new Comparison(ref, OK_FULL, OK_FULL.metric("test_mse"), 0.01, 0, verdict, null, null, null, why, null, null);
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
        Comparison found = new Comparison(ref, partly, partly.metric("test_mse"), 0.01, 500, "worse", null, null, null, null, cause, null);
        Comparison notFound = new Comparison(ref, partly, partly.metric("test_mse"), 0.01, 500, "worse", null, null, null, null, null, null);
        assertEquals(Comparison.Reason.OURS_COLLAPSED_CAUSE_FOUND, found.reason());
        assertEquals("ours collapsed in some seed, for a cause in the report's own design: the final ReLU is dead at initialisation for some seeds",
                found.reasonText());
        assertEquals(Comparison.Reason.OURS_COLLAPSED, notFound.reason());
        var v = ReproductionVerdict.of(List.of(found, notFound), List.of());
        assertEquals(1, v.outsideExplained());
        assertEquals(1, v.outsideUnexplained());
    }

    /** Reference 0.01 against our three seeds, with PyTorch's three seeds of the same cells. */
    private static Comparison againstPyTorch(double[] ours, double[] theirs) {
        ReferenceValue ref = new ReferenceValue("r9", "f", "s", CrosscheckSummaryTest.ID, "test_mse", "0.01", "d", 1, "");
        ExperimentSummary e = CrosscheckSummaryTest.ours(ours);
        Stats value = e.metric("test_mse");
        return new Comparison(ref, e, value, 0.01, 100 * (value.mean() - 0.01) / 0.01, org.aebench.results.MetricRules.verdict("test_mse", value.mean(), 0.01),
                null, null, null, null, null, CrosscheckSummary.of(CrosscheckSummaryTest.theirs(theirs), e));
    }

    @Test
    void aNumberPyTorchMissesTooOnTheSameSideIsExplainedAndOnlyThen() {
        Comparison both = againstPyTorch(new double[] {0.0120, 0.0121, 0.0119}, new double[] {0.0119, 0.0122, 0.0120});
        assertEquals("worse", both.verdict());
        assertEquals(Comparison.Reason.PYTORCH_MISSES_TOO, both.reason());
        assertTrue(both.reasonText().endsWith("(torch 1.13 0.01203 over 3 seeds, +20.3%)"), both.reasonText());
        assertEquals(1, ReproductionVerdict.of(List.of(both), List.of()).outsideExplained());
        // PyTorch agrees with ours within seed noise but its mean is within tolerance of the report: the gap may be ours
        Comparison theirsWithin = againstPyTorch(new double[] {0.0112, 0.0118, 0.0113}, new double[] {0.0100, 0.0125, 0.0102});
        assertEquals("worse", theirsWithin.verdict());
        assertEquals(Comparison.Reason.UNEXPLAINED, theirsWithin.reason(), theirsWithin.reasonText());
        Comparison otherSide = againstPyTorch(new double[] {0.0120, 0.0121, 0.0119}, new double[] {0.0080, 0.0081, 0.0079});
        assertEquals(Comparison.Reason.UNEXPLAINED, otherSide.reason());
        Comparison disagreeing = againstPyTorch(new double[] {0.0150, 0.0151, 0.0149}, new double[] {0.0120, 0.0121, 0.0119});
        assertTrue(disagreeing.pytorch().disagrees());
        assertEquals(Comparison.Reason.UNEXPLAINED, disagreeing.reason(), "worse than the report and than PyTorch: ours to explain");
        Comparison oneSeed = againstPyTorch(new double[] {0.0120, 0.0121, 0.0119}, new double[] {0.0120});
        assertEquals(Comparison.Reason.UNEXPLAINED, oneSeed.reason(), "one PyTorch seed settles nothing");
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
