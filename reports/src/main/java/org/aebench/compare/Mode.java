package org.aebench.compare;

/** How two result sets are compared. */
public enum Mode {
    /** same native build, threads, instruction set and data: training is bit-identical, so any difference is a change */
    EXACT,
    /** anything else: a metric is worse only beyond its tolerance and, with enough seeds, beyond seed noise */
    STATISTICAL;

    public String key() { return name().toLowerCase(); }
}
