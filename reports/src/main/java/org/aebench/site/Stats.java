package org.aebench.site;

import java.util.List;

/** Mean and spread of one metric over the seeds of an experiment. */
public record Stats(double mean, double min, double max, int n) {
    public static Stats of(List<Double> xs) {
        List<Double> finite = xs.stream().filter(Double::isFinite).toList();
        if (finite.isEmpty()) return null;
        double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double x : finite) {
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return new Stats(sum / finite.size(), min, max, finite.size());
    }

    public boolean hasSpread() { return n > 1; }
}
