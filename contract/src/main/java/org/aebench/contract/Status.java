package org.aebench.contract;

import java.util.Arrays;

/** The outcome of a cell, as the {@code status} column spells it; ordered from best to worst. */
public enum Status {
    OK("ok"),
    /** trained, but the output does not depend on the input */
    COLLAPSED("collapsed"),
    FAILED("failed");

    private final String key;

    Status(String key) { this.key = key; }

    public String key() { return key; }

    /** The status a column value names, or null when it names none. */
    public static Status parse(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst().orElse(null);
    }

    @Override
    public String toString() { return key; }
}
