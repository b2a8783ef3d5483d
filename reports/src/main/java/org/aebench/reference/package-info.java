/**
 * The reports' numbers and observations as transcribed (reference-values.csv, claims.csv), with their sources.
 */
package org.aebench.reference;
