package org.aebench.reference;

/** Whose statement a claim row is: the report's, as written, or a reading we add beside it and label. */
public enum ClaimReading {
    /** What the report says, encoded even when it is surprising or contradicts the report's own numbers. */
    AS_WRITTEN("as-written"),
    /** Our reading of what the report probably meant, kept as a separate labelled row. */
    OUR_READING("our-reading");

    private final String key;

    ClaimReading(String key) { this.key = key; }

    public String key() { return key; }

    @Override
    public String toString() { return key; }

    public static ClaimReading parse(String key) {
        if (key == null || key.isBlank()) return AS_WRITTEN;
        for (ClaimReading r : values()) if (r.key.equals(key.trim())) return r;
        throw new IllegalArgumentException("unknown claim reading '" + key + "' (allowed: as-written, our-reading)");
    }
}
