package org.aebench.matrix;

import com.fasterxml.jackson.annotation.JsonValue;

/** Training losses; both are means over pixels and images (PyTorch's and Keras's default reduction). */
public enum Loss {
    MSE("mse"),
    BCE("bce");

    private final String key;

    Loss(String key) { this.key = key; }

    @JsonValue
    public String key() { return key; }

    @Override
    public String toString() { return key; }
}
