package org.aebench.matrix;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Activations a layer may name in the matrix. */
public enum Activation {
    RELU("relu"),
    SIGMOID("sigmoid"),
    TANH("tanh"),
    IDENTITY("identity");

    private final String key;

    Activation(String key) { this.key = key; }

    public String key() { return key; }

    public static Activation of(String key) {
        for (Activation a : values()) if (a.key.equals(key)) return a;
        return null;
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Activation::key).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() { return key; }
}
