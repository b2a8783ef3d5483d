package org.aebench.reference;

/**
 * A setting a report leaves open or states ambiguously, and what aebench does instead, with the
 * reason: shown on the report's page so that no choice is made silently.
 */
public record OpenChoice(String report, String section, String setting, String reportSays, String ourChoice, String why) {}
