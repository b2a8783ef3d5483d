package org.aebench.matrix;

import com.fasterxml.jackson.annotation.JsonValue;

/** Optimizers: Adam (beta 0.9/0.999, eps 1e-8) and AdaDelta (rho 0.95, eps 1e-6, no learning rate). */
public enum Optimizer {
    ADAM("adam"),
    ADADELTA("adadelta");

    private final String key;

    Optimizer(String key) { this.key = key; }

    @JsonValue
    public String key() { return key; }

    @Override
    public String toString() { return key; }
}
