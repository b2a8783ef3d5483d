package org.aebench.contract;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** What a CSV column holds; an empty value always means "not measured" and is accepted. */
public enum ColumnType {
    TEXT, INTEGER, NUMBER, BOOLEAN, TIMESTAMP;

    /** Whether {@code value} is a well-formed value of this type (NaN and infinities are not numbers here). */
    public boolean accepts(String value) {
        if (value.isEmpty()) return true;
        try {
            return switch (this) {
                case TEXT -> true;
                case INTEGER -> { Long.parseLong(value); yield true; }
                case NUMBER -> Double.isFinite(Double.parseDouble(value));
                case BOOLEAN -> value.equals("true") || value.equals("false") || value.equals("unknown");
                case TIMESTAMP -> { Instant.parse(value); yield true; }
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            return false;
        }
    }
}
