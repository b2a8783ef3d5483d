package org.aebench.site;

import java.util.List;
import java.util.Locale;
import org.aebench.reference.CollapseCause;
import org.aebench.reference.Explanation;
import org.aebench.reference.ReferenceValue;
import org.aebench.results.MetricRules;

/**
 * One reference number next to ours.
 *
 * @param ours            our value over seeds, or null when not measured (yet)
 * @param diffPercent     (ours - reference on our scale) / reference, in percent; NaN when either is missing
 * @param verdict         within, better, worse, outside, not run, not comparable
 * @param referenceIsBaseline non-null when the reference equals a trivial baseline (a collapsed network)
 * @param explanation     why the number is outside tolerance, as found and transcribed; null when none
 * @param collapseCause   why our network collapsed in some seeds of this experiment, as found; null when none
 * @param pytorch         the same cells trained by PyTorch at the same settings ({@code crosscheck.csv}); null when none
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
        Stats meanBaseline,
        Explanation explanation,
        CollapseCause collapseCause,
        CrosscheckSummary pytorch) {

    /** Verdicts that put a number outside tolerance. */
    static final List<String> OUTSIDE = List.of("better", "worse", "outside");

    /** Why a number can be outside tolerance, in the order the first that applies is chosen. */
    public enum Reason {
        COLLAPSED_REFERENCE("the printed value equals a trivial baseline: the report's network had collapsed", true),
        REDUCED_SETTINGS("run at reduced settings (fewer epochs or images)", false),
        REPORT_INCONSISTENCY(Explanation.Kind.REPORT_INCONSISTENCY.text(), true),
        SETTING_NOT_GIVEN(Explanation.Kind.SETTING_NOT_GIVEN.text(), true),
        OUR_DIFFERENCE(Explanation.Kind.OUR_DIFFERENCE.text(), true),
        OURS_COLLAPSED_CAUSE_FOUND("ours collapsed in some seed, for a cause in the report's own design", true),
        OURS_COLLAPSED("ours collapsed in some seed, cause not yet found", false),
        PYTORCH_MISSES_TOO("PyTorch, trained at the report's stated settings, misses it too and agrees with ours: the report's number "
                + "rests on something it does not state", true),
        UNEXPLAINED("outside tolerance at the report's settings, not yet explained", false);

        private final String text;
        private final boolean explained;

        Reason(String text, boolean explained) {
            this.text = text;
            this.explained = explained;
        }

        public String text() { return text; }

        /** A cause was found (in the report, or in a difference of ours that stays): the number is accounted for. */
        public boolean explained() { return explained; }
    }

    public boolean outside() { return OUTSIDE.contains(verdict); }

    /** The report's own network had collapsed: its printed value is a trivial baseline's, or was found to be a collapsed network's. */
    public boolean reportCollapsed() {
        return referenceIsBaseline != null || explanation != null && explanation.kind() == Explanation.Kind.COLLAPSED_REFERENCE;
    }

    /** The reason a number outside tolerance is outside (null when it is not outside). */
    public Reason reason() {
        if (!outside()) return null;
        // the report's collapse is its own whatever our settings; a finding at full settings says nothing of a reduced run
        if (referenceIsBaseline != null) return Reason.COLLAPSED_REFERENCE;
        if (explanation != null && explanation.kind() == Explanation.Kind.COLLAPSED_REFERENCE) return Reason.COLLAPSED_REFERENCE;
        if (experiment != null && !experiment.reducedSettings().isEmpty()) return Reason.REDUCED_SETTINGS;
        if (explanation != null) return Reason.valueOf(explanation.kind().name());  // every kind found is a reason of the same name
        if (experiment != null && !experiment.allOk()) return collapseCause != null ? Reason.OURS_COLLAPSED_CAUSE_FOUND : Reason.OURS_COLLAPSED;
        if (pytorchValue() != null) return Reason.PYTORCH_MISSES_TOO;
        return Reason.UNEXPLAINED;
    }

    /**
     * PyTorch's value when it settles the question: two or more seeds, none collapsed, in agreement
     * with ours, and outside tolerance on the same side; null otherwise. The reference framework at
     * the report's own settings cannot reach the number either, so the gap is not our port's.
     */
    Stats pytorchValue() {
        if (pytorch == null || pytorch.disagrees() || pytorch.agreement() == null || pytorch.collapsed() > 0) return null;
        Stats theirs = pytorch.valueOf(reference.metric());
        if (theirs == null || theirs.n() < 2) return null;
        return MetricRules.verdict(reference.metric(), theirs.mean(), referenceOnOurScale).equals(verdict) ? theirs : null;
    }

    /** The reason in words, with what was found: empty when the number is not outside. */
    public String reasonText() {
        Reason r = reason();
        if (r == null) return "";
        if (r == Reason.COLLAPSED_REFERENCE && referenceIsBaseline != null) return r.text() + " (" + referenceIsBaseline + ")";
        if (r == Reason.REDUCED_SETTINGS) return r.text() + ": " + experiment.reducedSettings();
        if (explanation != null) return explanation.describe();
        if (r == Reason.OURS_COLLAPSED_CAUSE_FOUND) return r.text() + ": " + collapseCause.cause();
        if (r == Reason.PYTORCH_MISSES_TOO) {
            Stats theirs = pytorchValue();
            return r.text() + String.format(Locale.ROOT, " (%s %.4g over %d seeds, %+.1f%%)", pytorch.framework(), theirs.mean(), theirs.n(),
                    100 * (theirs.mean() - referenceOnOurScale) / Math.abs(referenceOnOurScale));
        }
        return r.text();
    }
}
