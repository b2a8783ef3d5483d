package org.aebench.compare;

import org.aebench.results.TrainingCode;

/**
 * Rows of one side of a comparison that come from a commit whose training code is not the
 * current checkout's (or could not be told): their numbers are another code's, and the gate says so
 * instead of mixing them silently with this code's.
 *
 * @param side     baseline or candidate
 * @param commit   the commit the rows name
 * @param rows     how many of the side's rows name it
 * @param sameness DIFFERENT or UNKNOWN (SAME is not reported)
 * @param detail   the training files that differ, or why git could not tell
 */
public record CodeDrift(String side, String commit, int rows, TrainingCode.Sameness sameness, String detail) {
    public String describe() {
        String what = sameness == TrainingCode.Sameness.DIFFERENT
                ? "training code differs from this checkout's (" + detail + ")"
                : "training code not comparable with this checkout's: " + detail;
        return side + ": " + rows + " row(s) from commit " + TrainingCode.shortCommit(commit) + ": " + what;
    }
}
