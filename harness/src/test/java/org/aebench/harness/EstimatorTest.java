package org.aebench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.aebench.matrix.Cell;
import org.junit.jupiter.api.Test;

class EstimatorTest {
    @Test
    void cellTimeIsPassesOverRatePlusOneEvaluationPerEpoch() {
        Cell c = RunnerTest.cells(1).get(0); // 2 epochs, all 60,000 images, dense
        Map<String, Estimator.Rate> rates = Map.of(c.spec().speedKey(), new Estimator.Rate(12_000, 100_000));
        assertEquals(2 * 60_000 / 12_000.0 + 2 * 10_000 / 100_000.0, Estimator.seconds(c, rates), 1e-9);
    }

    @Test
    void makespanDealsLongestFirstToTheLeastLoadedWorker() {
        List<Cell> cells = RunnerTest.cells(3);
        Map<String, Estimator.Rate> rates = Map.of(cells.get(0).spec().speedKey(), new Estimator.Rate(12_000, 1e12));
        double one = Estimator.seconds(cells.get(0), rates); // 10 s each
        double serial = Estimator.makespan(cells, rates, 1);
        double two = Estimator.makespan(cells, rates, 2);
        assertEquals(3 * one, serial - (two - 2 * one), 1e-6, "same startup term in both");
        assertTrue(two < serial && two >= 2 * one);
    }
}
