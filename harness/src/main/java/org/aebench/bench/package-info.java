/**
 * JMH benchmarks of every family's training step and inference, and the PyTorch reference measured beside them.
 */
package org.aebench.bench;
