/**
 * The regression gate: compares a candidate results folder with a baseline one, cell by cell and
 * metric by metric, exactly when both ran on the same native build, threads, CPU instruction set
 * and data, statistically over seeds otherwise, and reports speed beside, never as a failure.
 */
package org.aebench.compare;
