package org.aebench.compare;

/** Throughput of one cell, experiment or benchmark on both sides; never fails the gate. */
public record SpeedChange(String id, String measure, double baseline, double candidate, int baselineN, int candidateN,
                          double ratio, Pace pace, Double pValue, String basis) {
    /** Slower or faster only beyond the factor and, where repeated measurements exist, a test over them. */
    public enum Pace {
        SLOWER, SAME, FASTER;

        public String label() { return name().toLowerCase(); }
    }
}
