/**
 * Custom SameDiff building blocks the libnd4j ops of 1.0.0-M2.1 are slow at: transposed and first-layer convolutions,
 * max-unpooling, ReLU, cross-entropy. Each is the same arithmetic as the op it replaces (docs/performance.md says why).
 */
package org.aebench.ops;
