package org.aebench.matrix;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Weight initialisation, named after the framework a report used: PyTorch's Linear default
 * (uniform in +-1/sqrt(fan_in)) or Keras's Dense default (Glorot uniform). Biases start at 0.
 */
public enum WeightInit {
    PYTORCH_UNIFORM("pytorch-uniform"),
    GLOROT_UNIFORM("glorot-uniform");

    private final String key;

    WeightInit(String key) { this.key = key; }

    @JsonValue
    public String key() { return key; }

    @Override
    public String toString() { return key; }
}
