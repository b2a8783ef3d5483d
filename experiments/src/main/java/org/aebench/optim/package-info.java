/**
 * Update rules (Adam, AdaDelta) run as one fused loop over a flat weight buffer, and the rule an experiment names.
 */
package org.aebench.optim;
