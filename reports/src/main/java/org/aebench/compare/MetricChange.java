package org.aebench.compare;

/**
 * One metric of one cell or experiment on both sides. Means over seeds in statistical mode;
 * {@code pValue} is null where no test was possible; {@code basis} says what decided the verdict.
 */
public record MetricChange(String metric, Verdict verdict, Double baseline, Double candidate, int baselineN, int candidateN,
                           String change, Double pValue, String basis) {}
