package org.aebench.matrix;

import com.fasterxml.jackson.annotation.JsonValue;

/** The decoders of the convolutional autoencoders of reports 000 and 001 (001 section 7 prints them). */
public enum ConvVariant {
    /** Max-unpooling with the encoder's switches, then 3x3 convolutions (001 section 7.1). */
    UNPOOL("unpool"),
    /** Transposed convolutions with stride 2 (001 section 7.2). */
    DECONV("deconv"),
    /** Max-unpooling followed by stride-1 transposed convolutions (001 section 7.3). */
    UNPOOL_DECONV("unpool-deconv");

    private final String key;

    ConvVariant(String key) { this.key = key; }

    @JsonValue
    public String key() { return key; }

    @Override
    public String toString() { return key; }
}
