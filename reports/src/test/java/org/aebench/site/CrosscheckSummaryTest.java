package org.aebench.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.aebench.contract.CrosscheckColumn;
import org.aebench.contract.ResultColumn;
import org.aebench.contract.Row;
import org.junit.jupiter.api.Test;

class CrosscheckSummaryTest {
    static final String ID = "r9/conv/mnist";

    static List<Row<CrosscheckColumn>> theirs(double... mse) {
        List<Row<CrosscheckColumn>> rows = new ArrayList<>();
        for (int i = 0; i < mse.length; i++) {
            rows.add(new Row<>(CrosscheckColumn.class).set(CrosscheckColumn.EXPERIMENT_ID, ID).set(CrosscheckColumn.SEED, i + 1)
                    .set(CrosscheckColumn.FRAMEWORK, "torch 1.13").set(CrosscheckColumn.TEST_MSE, mse[i])
                    .set(CrosscheckColumn.STATUS, mse[i] > 0.1 ? "collapsed" : "ok").set(CrosscheckColumn.DEAD_AT_INIT, mse[i] > 0.1));
        }
        return rows;
    }

    static ExperimentSummary ours(double... mse) {
        List<Row<ResultColumn>> rows = new ArrayList<>();
        for (int i = 0; i < mse.length; i++) {
            rows.add(SiteRendererTest.row(ID, "conv-ae", mse[i] > 0.1 ? "collapsed" : "ok", i + 1, mse[i]).set(ResultColumn.NOISE_FREE_TEST_MSE, mse[i]));
        }
        return ExperimentSummary.of(rows);
    }

    @Test
    void closeDistributionsAgreeAndSeparatedOnesDisagree() {
        assertEquals(CrosscheckSummary.Agreement.AGREE, CrosscheckSummary.of(theirs(0.0080, 0.0082, 0.0079), ours(0.0081, 0.0083, 0.0080)).agreement());
        CrosscheckSummary apart = CrosscheckSummary.of(theirs(0.0080, 0.0082, 0.0079), ours(0.0120, 0.0121, 0.0119));
        assertEquals(CrosscheckSummary.Agreement.DISAGREE, apart.agreement(), apart.detail());
        assertTrue(apart.disagrees());
    }

    @Test
    void aDifferenceWithinSeedNoiseIsNotADisagreement() {
        // means 50% apart, but the seeds spread so widely that Welch's test cannot tell them apart
        CrosscheckSummary noisy = CrosscheckSummary.of(theirs(0.004, 0.012, 0.008), ours(0.002, 0.020, 0.014));
        assertEquals(CrosscheckSummary.Agreement.AGREE, noisy.agreement(), noisy.detail());
    }

    @Test
    void singleSeedsSayTheyHaveNoSpread() {
        assertEquals(CrosscheckSummary.Agreement.NO_SPREAD, CrosscheckSummary.of(theirs(0.0080), ours(0.0082)).agreement());
        assertEquals(CrosscheckSummary.Agreement.DISAGREE_NO_SPREAD, CrosscheckSummary.of(theirs(0.0080), ours(0.0200)).agreement());
    }

    @Test
    void ourCollapsesAreTheArchitecturesOnlyWhenPyTorchCollapsesToo() {
        CrosscheckSummary shared = CrosscheckSummary.of(theirs(0.0078, 0.114, 0.0081), ours(0.0084, 0.114, 0.114));
        assertEquals(1, shared.collapsed());
        assertEquals(1, shared.deadAtInit());
        assertTrue(shared.detail().contains("shared by PyTorch"), shared.detail());
        CrosscheckSummary ownOnly = CrosscheckSummary.of(theirs(0.0078, 0.0080, 0.0081), ours(0.0084, 0.114, 0.114));
        assertTrue(ownOnly.detail().contains("PyTorch collapsed in none"), ownOnly.detail());
    }
}
