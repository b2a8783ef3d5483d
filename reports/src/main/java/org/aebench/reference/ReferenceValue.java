package org.aebench.reference;

/**
 * One number printed in a reference report, transcribed with where it stands and what it means.
 *
 * @param toOurScale factor that brings the printed value onto our metric's scale (NaN when the
 *                   report's definition is too unclear to convert)
 */
public record ReferenceValue(
        String report,
        String reportFile,
        String section,
        String experimentId,
        String metric,
        String printedValue,
        String definition,
        double toOurScale,
        String note) {

    public double printed() { return Double.parseDouble(printedValue); }

    public boolean comparable() { return !Double.isNaN(toOurScale); }

    /** The printed value on our scale, or NaN when not comparable. */
    public double onOurScale() { return printed() * toOurScale; }
}
