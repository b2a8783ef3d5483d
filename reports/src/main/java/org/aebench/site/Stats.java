package org.aebench.site;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/** Mean, spread and a 95 % confidence interval of one metric over the seeds of an experiment. */
public record Stats(double mean, double min, double max, int n, double sd) {
    public static Stats of(List<Double> xs) {
        SummaryStatistics s = new SummaryStatistics();
        xs.stream().filter(Double::isFinite).forEach(s::addValue);
        if (s.getN() == 0) return null;
        return new Stats(s.getMean(), s.getMin(), s.getMax(), (int) s.getN(), s.getN() > 1 ? s.getStandardDeviation() : Double.NaN);
    }

    public boolean hasSpread() { return n > 1; }

    /** Half-width of the 95 % interval of the mean (Student's t, n - 1 degrees of freedom); NaN for one seed. */
    public double ci95() {
        if (n < 2) return Double.NaN;
        return new TDistribution(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
    }
}
