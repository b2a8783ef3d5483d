/**
 * The per-batch random numbers of training (input noise, dropout masks), drawn in Java from the cell's seed.
 */
package org.aebench.noise;
