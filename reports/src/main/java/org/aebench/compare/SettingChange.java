package org.aebench.compare;

/** A setting (epochs, architecture, samples, ...) whose values differ between the two sides. */
public record SettingChange(String setting, String baseline, String candidate) {
    /** Context kept on each side of the part that differs. */
    private static final int CONTEXT = 12;

    /** The baseline's value cut to the part that differs (long architecture strings differ in a word). */
    public String baselineDiff() { return cut(baseline, candidate); }

    public String candidateDiff() { return cut(candidate, baseline); }

    private static String cut(String value, String other) {
        int start = 0;
        while (start < value.length() && start < other.length() && value.charAt(start) == other.charAt(start)) start++;
        int end = 0;
        while (end < value.length() - start && end < other.length() - start
                && value.charAt(value.length() - 1 - end) == other.charAt(other.length() - 1 - end)) end++;
        int from = Math.max(0, start - CONTEXT);
        int to = Math.min(value.length(), value.length() - end + CONTEXT);
        return (from > 0 ? "…" : "") + value.substring(from, to) + (to < value.length() ? "…" : "");
    }
}
