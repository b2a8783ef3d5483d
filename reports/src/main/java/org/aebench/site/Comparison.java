package org.aebench.site;

import org.aebench.reference.ReferenceValue;

/**
 * One reference number next to ours.
 *
 * @param ours            our value over seeds, or null when not measured (yet)
 * @param diffPercent     (ours - reference on our scale) / reference, in percent; NaN when either is missing
 * @param verdict         within, better, worse, outside, not run, not comparable
 * @param referenceIsBaseline non-null when the reference equals a trivial baseline (a collapsed network)
 */
public record Comparison(
        ReferenceValue reference,
        ExperimentSummary experiment,
        Stats ours,
        double referenceOnOurScale,
        double diffPercent,
        String verdict,
        String referenceIsBaseline,
        Stats zeroBaseline,
        Stats meanBaseline) {}
