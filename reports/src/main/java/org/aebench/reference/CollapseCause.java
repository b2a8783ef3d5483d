package org.aebench.reference;

/**
 * Why our network collapsed (its output stopped depending on its input) in some seeds of one
 * experiment, as found by looking (transcribed in {@code collapses.csv}, with the evidence): a
 * collapse with a cause in the report's own design is a result, one without is a defect to find.
 *
 * @param cause    what makes the network collapse, in a sentence
 * @param evidence what the finding rests on: our rows, a survey of initialisations, the PyTorch cross-check
 */
public record CollapseCause(String experimentId, String cause, String evidence) {
    public CollapseCause {
        if (cause.isBlank() || evidence.isBlank()) {
            throw new IllegalArgumentException(experimentId + ": a collapse cause needs its cause and its evidence");
        }
    }
}
