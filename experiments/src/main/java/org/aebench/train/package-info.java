/**
 * The one training loop, the one seeding scheme (CellSeeds), the one place a cell's model is built (CellModel),
 * evaluation, probes and the pictures a cell leaves behind.
 */
package org.aebench.train;
