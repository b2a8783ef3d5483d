package org.aebench.contract;

/**
 * {@link Artifact#CODES}: the codes of the first test images of a model with a readable code, their
 * labels and a 2-D t-SNE of them, as the runner writes it and the site plots it.
 */
public record CodesFile(String description, int[] labels, double[][] tsne, double[][] codes) {}
