package org.aebench.families;

/** The settings of a family that takes no keys of its own. */
public record NoSettings() {}
