/**
 * The results files: append-only, crash-safe CSV tables, the results store of a profile, the metric rules, cell filters.
 */
package org.aebench.results;
