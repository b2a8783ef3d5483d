package org.aebench.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aebench.contract.ResultColumn;
import org.aebench.contract.Row;
import org.aebench.reference.Claim;
import org.aebench.reference.ClaimReading;
import org.aebench.reference.ClaimRule;
import org.aebench.reference.ReferenceTable;
import org.aebench.reference.ReferenceValue;
import org.junit.jupiter.api.Test;

class ClaimCheckTest {
    private static final String LOW = "r9/d/noise=0.1/mnist", MID = "r9/d/noise=0.3/mnist", HIGH = "r9/d/noise=0.7/mnist";
    private final Format fmt = new Format();

    /** One experiment per id, one row per seed with the given test MSEs. */
    private static Map<String, ExperimentSummary> experiments(Map<String, double[]> mseBySeed) {
        Map<String, ExperimentSummary> out = new LinkedHashMap<>();
        mseBySeed.forEach((id, values) -> {
            List<Row<ResultColumn>> rows = new ArrayList<>();
            for (int s = 0; s < values.length; s++) rows.add(SiteRendererTest.row(id, "dense-ae", "ok", s + 1, values[s]));
            out.put(id, ExperimentSummary.of(rows));
        });
        return out;
    }

    private static Claim claim(ClaimRule rule, String metric, List<String> left, List<String> right) {
        return new Claim("r9", "s", "text", rule, metric, left, right, ClaimReading.AS_WRITTEN, "", "");
    }

    private static Map<String, double[]> rising() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put(LOW, new double[] {0.01, 0.01, 0.01});
        m.put(MID, new double[] {0.02, 0.02, 0.005});   // seed 3 breaks the order
        m.put(HIGH, new double[] {0.03, 0.03, 0.03});
        return m;
    }

    @Test
    void aSeedWithACollapsedNetworkIsLeftOutUnlessTheReportsCollapsedToo() {
        Map<String, ExperimentSummary> exps = new LinkedHashMap<>();
        exps.put(LOW, ExperimentSummary.of(List.of(SiteRendererTest.row(LOW, "dense-ae", "ok", 1, 0.01),
                SiteRendererTest.row(LOW, "dense-ae", "collapsed", 2, 0.114), SiteRendererTest.row(LOW, "dense-ae", "collapsed", 3, 0.114))));
        exps.put(HIGH, ExperimentSummary.of(List.of(SiteRendererTest.row(HIGH, "dense-ae", "ok", 1, 0.03),
                SiteRendererTest.row(HIGH, "dense-ae", "ok", 2, 0.03), SiteRendererTest.row(HIGH, "dense-ae", "ok", 3, 0.03))));
        Claim lowBelowHigh = claim(ClaimRule.LESS, "test_mse", List.of(LOW), List.of(HIGH));
        ClaimCheck ours = ClaimCheck.of(lowBelowHigh, exps, List.of(), java.util.Set.of(), fmt);
        assertEquals("holds (1 seed, no spread)", ours.verdictText(), "seeds 2 and 3 compare a network that never trained");
        assertTrue(ours.evidence().contains("seed(s) [2, 3] left out: " + LOW + " collapsed there"), ours.evidence());
        assertEquals("mixed 1/3", ClaimCheck.of(lowBelowHigh, exps, List.of(), java.util.Set.of(LOW), fmt).verdictText(),
                "the report's network collapsed too: every seed compares like with like");
        Claim highAboveLow = claim(ClaimRule.GREATER, "test_mse", List.of(HIGH), List.of(LOW));
        exps.put(LOW, ExperimentSummary.of(List.of(SiteRendererTest.row(LOW, "dense-ae", "collapsed", 1, 0.114),
                SiteRendererTest.row(LOW, "dense-ae", "collapsed", 2, 0.114), SiteRendererTest.row(LOW, "dense-ae", "collapsed", 3, 0.114))));
        ClaimCheck none = ClaimCheck.of(highAboveLow, exps, List.of(), java.util.Set.of(), fmt);
        assertEquals(ClaimVerdict.NOT_EVALUATED, none.verdict(), none.evidence());
    }

    @Test
    void anOrderIsCountedSeedBySeedAndItsInverseIsCountedTheOtherWay() {
        var exps = experiments(rising());
        ClaimCheck up = ClaimCheck.of(claim(ClaimRule.INCREASING, "test_mse", List.of(LOW, MID, HIGH), List.of()), exps, List.of(), fmt);
        assertEquals(ClaimVerdict.MIXED, up.verdict());
        assertEquals("mixed 2/3", up.verdictText());
        ClaimCheck down = ClaimCheck.of(claim(ClaimRule.DECREASING, "test_mse", List.of(LOW, MID, HIGH), List.of()), exps, List.of(), fmt);
        assertEquals(ClaimVerdict.FAILS, down.verdict(), "the inverted rule holds in no seed");
        assertEquals("fails 0/3", down.verdictText());
        ClaimCheck ends = ClaimCheck.of(claim(ClaimRule.INCREASING, "test_mse", List.of(LOW, HIGH), List.of()), exps, List.of(), fmt);
        assertEquals("holds 3/3", ends.verdictText());
        assertEquals("fails 0/3", ClaimCheck.of(claim(ClaimRule.DECREASING, "test_mse", List.of(LOW, HIGH), List.of()), exps, List.of(), fmt)
                .verdictText());
    }

    @Test
    void lessAndGreaterArePairwiseWhenBothSidesListSeveral() {
        var exps = experiments(rising());
        var less = claim(ClaimRule.LESS, "test_mse", List.of(LOW, MID), List.of(MID, HIGH));
        assertEquals("mixed 2/3", ClaimCheck.of(less, exps, List.of(), fmt).verdictText(), "LOW < MID fails in seed 3 (0.01 against 0.005)");
        var greater = claim(ClaimRule.GREATER, "test_mse", List.of(LOW, MID), List.of(MID, HIGH));
        assertEquals("fails 0/3", ClaimCheck.of(greater, exps, List.of(), fmt).verdictText(), "MID > HIGH holds in no seed");
        var oneAgainstEach = claim(ClaimRule.LESS, "test_mse", List.of(LOW), List.of(MID, HIGH));
        assertEquals("mixed 2/3", ClaimCheck.of(oneAgainstEach, exps, List.of(), fmt).verdictText());
    }

    @Test
    void aThresholdRuleComparesEachExperimentWithTheNumber() {
        var exps = experiments(rising());
        assertEquals("holds 3/3", ClaimCheck.of(claim(ClaimRule.ABOVE, "test_mse", List.of(LOW, HIGH), List.of("0.001")), exps, List.of(), fmt).verdictText());
        assertEquals("fails 0/3", ClaimCheck.of(claim(ClaimRule.BELOW, "test_mse", List.of(LOW, HIGH), List.of("0.001")), exps, List.of(), fmt).verdictText());
        assertEquals("mixed 2/3", ClaimCheck.of(claim(ClaimRule.ABOVE, "test_mse", List.of(MID), List.of("0.01")), exps, List.of(), fmt).verdictText(),
                "MID is 0.02, 0.02, 0.005");
        assertEquals("mixed 1/3", ClaimCheck.of(claim(ClaimRule.BELOW, "test_mse", List.of(MID), List.of("0.01")), exps, List.of(), fmt).verdictText());
    }

    @Test
    void similarReadsTheMetricsToleranceAndFailsOnALargeStep() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put(LOW, new double[] {0.0100, 0.0100});
        m.put(MID, new double[] {0.0105, 0.0130});   // +5 % (within test_mse's 10 %), then +30 %
        var exps = experiments(m);
        ClaimCheck c = ClaimCheck.of(claim(ClaimRule.SIMILAR, "test_mse", List.of(LOW, MID), List.of()), exps, List.of(), fmt);
        assertEquals("mixed 1/2", c.verdictText());
        List<ReferenceValue> printed = List.of(ref(LOW, 0.0100), ref(MID, 0.0150));
        assertEquals(ClaimVerdict.FAILS, ClaimCheck.of(claim(ClaimRule.SIMILAR, "test_mse", List.of(LOW, MID), List.of()), exps, printed, fmt).onReport());
    }

    @Test
    void aSingleSeedSaysItHasNoSpread() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put(LOW, new double[] {0.01});
        m.put(HIGH, new double[] {0.03});
        var exps = experiments(m);
        assertEquals("holds (1 seed, no spread)", ClaimCheck.of(claim(ClaimRule.LESS, "test_mse", List.of(LOW), List.of(HIGH)), exps, List.of(), fmt)
                .verdictText());
        assertEquals("fails (1 seed, no spread)", ClaimCheck.of(claim(ClaimRule.GREATER, "test_mse", List.of(LOW), List.of(HIGH)), exps, List.of(), fmt)
                .verdictText());
    }

    @Test
    void aClosedFormExperimentWithOneValueStandsBesideEverySeed() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put(LOW, new double[] {0.01, 0.02, 0.04});
        m.put(HIGH, new double[] {0.03});
        var exps = experiments(m);
        assertEquals("mixed 2/3", ClaimCheck.of(claim(ClaimRule.LESS, "test_mse", List.of(LOW), List.of(HIGH)), exps, List.of(), fmt).verdictText());
    }

    @Test
    void aClaimIsCheckedOnTheReportsOwnNumbers() {
        var exps = experiments(rising());
        List<ReferenceValue> printed = List.of(ref(LOW, 0.05), ref(MID, 0.02), ref(HIGH, 0.03));
        ClaimCheck c = ClaimCheck.of(claim(ClaimRule.INCREASING, "test_mse", List.of(LOW, MID, HIGH), List.of()), exps, printed, fmt);
        assertEquals(ClaimVerdict.FAILS, c.onReport());
        assertTrue(c.failsOnReport());
        assertTrue(c.reportEvidence().contains("0.05 !< 0.02"), c.reportEvidence());
        ClaimCheck two = ClaimCheck.of(claim(ClaimRule.INCREASING, "test_mse", List.of(MID, HIGH), List.of()), exps, printed, fmt);
        assertEquals(ClaimVerdict.HOLDS, two.onReport());
        ClaimCheck notPrinted = ClaimCheck.of(claim(ClaimRule.INCREASING, "test_mae", List.of(MID, HIGH), List.of()), exps, printed, fmt);
        assertNull(notPrinted.onReport(), "the report prints no MAE here");
        List<ReferenceValue> unknownScale = List.of(new ReferenceValue("r9", "f", "s", MID, "test_mse", "3", "d", Double.NaN, ""),
                new ReferenceValue("r9", "f", "s", HIGH, "test_mse", "2", "d", Double.NaN, ""));
        assertEquals(ClaimVerdict.FAILS, ClaimCheck.of(claim(ClaimRule.INCREASING, "test_mse", List.of(MID, HIGH), List.of()), exps, unknownScale, fmt)
                .onReport(), "an order is read on printed values of one unknown scale");
        List<ReferenceValue> mixedScales = List.of(ref(MID, 0.02), unknownScale.get(1));
        assertNull(ClaimCheck.of(claim(ClaimRule.INCREASING, "test_mse", List.of(MID, HIGH), List.of()), exps, mixedScales, fmt).onReport(),
                "a known and an unknown scale are not compared");
    }

    @Test
    void theGeneralisationGapIsTestLossMinusTrainLoss() {
        Row<ResultColumn> a = SiteRendererTest.row("r9/a/mnist", "conv", "ok", 1, 0.01).set(ResultColumn.FINAL_TRAIN_LOSS, 0.010).set(ResultColumn.FINAL_TEST_LOSS, 0.012);
        Row<ResultColumn> b = SiteRendererTest.row("r9/b/mnist", "conv", "ok", 1, 0.01).set(ResultColumn.FINAL_TRAIN_LOSS, 0.020).set(ResultColumn.FINAL_TEST_LOSS, 0.021);
        Map<String, ExperimentSummary> exps = Map.of("r9/a/mnist", ExperimentSummary.of(List.of(a)), "r9/b/mnist", ExperimentSummary.of(List.of(b)));
        assertEquals(0.002, exps.get("r9/a/mnist").metric("generalization_gap").mean(), 1e-12);
        var smallerGap = claim(ClaimRule.LESS, "generalization_gap", List.of("r9/b/mnist"), List.of("r9/a/mnist"));
        assertEquals(ClaimVerdict.HOLDS, ClaimCheck.of(smallerGap, exps, List.of(), fmt).verdict());
        var inverted = claim(ClaimRule.GREATER, "generalization_gap", List.of("r9/b/mnist"), List.of("r9/a/mnist"));
        assertEquals(ClaimVerdict.FAILS, ClaimCheck.of(inverted, exps, List.of(), fmt).verdict());
    }

    @Test
    void theDenoisingGainIsTheNoisyInputsErrorOverTheReconstructions() {
        Row<ResultColumn> removes = SiteRendererTest.row("r9/a/mnist", "conv", "ok", 1, 0.01).set(ResultColumn.NOISY_INPUT_MSE, 0.04);
        Row<ResultColumn> adds = SiteRendererTest.row("r9/b/mnist", "conv", "ok", 1, 0.05).set(ResultColumn.NOISY_INPUT_MSE, 0.04);
        Map<String, ExperimentSummary> exps = Map.of("r9/a/mnist", ExperimentSummary.of(List.of(removes)), "r9/b/mnist", ExperimentSummary.of(List.of(adds)));
        assertEquals(4.0, exps.get("r9/a/mnist").metric("denoising_gain").mean(), 1e-12);
        assertEquals(ClaimVerdict.HOLDS, ClaimCheck.of(claim(ClaimRule.ABOVE, "denoising_gain", List.of("r9/a/mnist"), List.of("1")), exps, List.of(), fmt).verdict());
        assertEquals(ClaimVerdict.FAILS, ClaimCheck.of(claim(ClaimRule.ABOVE, "denoising_gain", List.of("r9/b/mnist"), List.of("1")), exps, List.of(), fmt).verdict(),
                "a model whose output is worse than its noisy input removed no noise");
    }

    private static Row<org.aebench.contract.CurveColumn> epoch(String cell, int epoch, double mse) {
        return new Row<>(org.aebench.contract.CurveColumn.class).set(org.aebench.contract.CurveColumn.CELL_ID, cell)
                .set(org.aebench.contract.CurveColumn.EPOCH, epoch).set(org.aebench.contract.CurveColumn.TEST_MSE, mse);
    }

    @Test
    void aCurveThatEndsBelowItsFirstEpochImproved() {
        Row<ResultColumn> a = SiteRendererTest.row("r9/a/mnist", "conv", "ok", 1, 0.01);
        Row<ResultColumn> b = SiteRendererTest.row("r9/b/mnist", "conv", "ok", 1, 0.01);
        String ca = a.get(ResultColumn.CELL_ID), cb = b.get(ResultColumn.CELL_ID);
        Map<String, List<Row<org.aebench.contract.CurveColumn>>> curves = Map.of(
                ca, List.of(epoch(ca, 2, 0.02), epoch(ca, 1, 0.04), epoch(ca, 3, 0.01)),
                cb, List.of(epoch(cb, 1, 0.02), epoch(cb, 2, 0.03)));
        Map<String, ExperimentSummary> exps = Map.of("r9/a/mnist", ExperimentSummary.of(List.of(a), curves),
                "r9/b/mnist", ExperimentSummary.of(List.of(b), curves));
        assertEquals(4.0, exps.get("r9/a/mnist").metric("curve_improvement").mean(), 1e-12, "first epoch 0.04, last 0.01, in any row order");
        assertEquals(ClaimVerdict.HOLDS, ClaimCheck.of(claim(ClaimRule.ABOVE, "curve_improvement", List.of("r9/a/mnist"), List.of("1")), exps, List.of(), fmt).verdict());
        assertEquals(ClaimVerdict.FAILS, ClaimCheck.of(claim(ClaimRule.ABOVE, "curve_improvement", List.of("r9/b/mnist"), List.of("1")), exps, List.of(), fmt).verdict(),
                "a curve that ends above its first epoch did not improve");
    }

    @Test
    void missingExperimentsAndMetricsAreNotEvaluated() {
        var exps = experiments(rising());
        assertEquals(ClaimVerdict.NOT_EVALUATED, ClaimCheck.of(claim(ClaimRule.LESS, "test_mse", List.of(LOW), List.of("r9/none/mnist")), exps, List.of(), fmt).verdict());
        assertEquals(ClaimVerdict.NOT_EVALUATED, ClaimCheck.of(claim(ClaimRule.DECREASING, "avg_activation", List.of(LOW, MID), List.of()), exps, List.of(), fmt).verdict());
    }

    @Test
    void unknownRulesAreRefusedNamingTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClaimRule.parse("smaller"));
        assertTrue(e.getMessage().contains("increasing, decreasing, less, greater, similar, above, below, not-checkable"), e.getMessage());
    }

    @Test
    void theShippedClaimsAreWellFormed() {
        ReferenceTable refs = ReferenceTable.load();
        for (Claim c : refs.claims()) {
            String where = c.report() + " " + c.section();
            if (c.checkable()) {
                assertTrue(DerivedMetric.known(c.metric()), where + ": unknown metric " + c.metric());
                assertFalse(c.left().isEmpty(), where);
                assertTrue(c.rule().isOrder() ? c.left().size() >= 2 && c.right().isEmpty() : !c.right().isEmpty(), where);
                if (c.rule().isThreshold()) {
                    assertEquals(1, c.right().size(), where + ": a threshold rule's right is one number");
                    Double.parseDouble(c.right().get(0));
                }
            }
            if (c.selfContradictory()) {
                assertTrue(refs.claimsOf(c.report()).stream().anyMatch(o -> o.section().equals(c.conflictsWith())),
                        where + " names a claim that does not exist: " + c.conflictsWith());
            }
        }
        assertEquals(refs.claims().size(), refs.claims().stream().map(c -> c.report() + " " + c.section()).distinct().count(),
                "sections are unique within a report, so claims can name each other");
    }

    private static ReferenceValue ref(String id, double v) {
        return new ReferenceValue("r9", "f.txt", "s", id, "test_mse", String.valueOf(v), "MSE per pixel", 1, "");
    }
}
