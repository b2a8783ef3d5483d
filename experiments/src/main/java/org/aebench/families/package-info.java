/**
 * The model families, one class each: its matrix keys as a settings record, their validation,
 * the model it builds, its cost per image and the experiments the benchmark measures. A new family
 * is a class here, a line in {@code META-INF/services/org.aebench.matrix.ModelFamily} and matrix lines.
 */
package org.aebench.families;
