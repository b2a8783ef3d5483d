/**
 * The aebench command line: running cells with progress and provenance, listing, estimating, the site, the gate.
 */
package org.aebench.harness;
