package org.aebench.reference;

import java.util.Arrays;

/**
 * Why one reference number stays outside tolerance at the report's own settings, as found by
 * looking (transcribed in {@code explanations.csv}, with the evidence), so that the site does not
 * leave a reader guessing whether a difference is the report's or ours.
 *
 * @param evidence what the finding rests on: the report's section, our rows, the cross-check
 */
public record Explanation(String experimentId, String metric, Kind kind, String text, String evidence) {

    /** The kinds of reason a reference number can be outside for, in the words. */
    public enum Kind {
        REPORT_INCONSISTENCY("report-inconsistency", "the report contradicts itself"),
        COLLAPSED_REFERENCE("collapsed-reference", "the report's network had collapsed"),
        SETTING_NOT_GIVEN("setting-not-given", "a setting the report does not give"),
        OUR_DIFFERENCE("our-difference", "a difference of ours we could not remove");

        private final String key;
        private final String text;

        Kind(String key, String text) {
            this.key = key;
            this.text = text;
        }

        public String key() { return key; }

        public String text() { return text; }

        public static Kind parse(String key) {
            return Arrays.stream(values()).filter(k -> k.key.equals(key.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown kind '" + key + "' (one of "
                            + String.join(", ", Arrays.stream(values()).map(Kind::key).toList()) + ")"));
        }
    }

    /** The reason as one line: the kind, then what was found. */
    public String describe() { return kind.text() + ": " + text; }
}
