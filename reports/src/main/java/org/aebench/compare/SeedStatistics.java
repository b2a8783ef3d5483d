package org.aebench.compare;

import java.util.Arrays;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * The two tests the gate uses. Welch's t-test for values over seeds: three seeds a side is all a
 * reproduction has, where a rank test cannot reach p < 0.05 at all (Mann-Whitney's smallest
 * two-sided p for 3 against 3 is 0.1). Mann-Whitney U for JMH's iterations, as asv does, since
 * timings are skewed and there are enough of them.
 */
final class SeedStatistics {
    /** Values a side needs before a test is run; with fewer, the tolerance alone decides. */
    static final int MIN_SEEDS = 3;
    /** JMH iterations a side needs for the rank test (5 against 5 can reach p = 0.008). */
    static final int MIN_ITERATIONS = 5;

    private SeedStatistics() {}

    static double mean(double[] xs) {
        return StatUtils.mean(xs);
    }

    /** Two-sided p of Welch's unequal-variance t-test; two constant samples are either equal (1) or certainly different (0). */
    static double welch(double[] a, double[] b) {
        if (StatUtils.variance(a) == 0 && StatUtils.variance(b) == 0) return mean(a) == mean(b) ? 1 : 0;
        return new TTest().tTest(a, b);
    }

    /** Two-sided p of the Mann-Whitney U test (normal approximation, as commons-math computes it). */
    static double mannWhitney(double[] a, double[] b) {
        if (Arrays.equals(sorted(a), sorted(b))) return 1;
        return new MannWhitneyUTest().mannWhitneyUTest(a, b);
    }

    static double[] sorted(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s;
    }
}
