package org.aebench.contract;

/**
 * {@link Artifact#CODES}: the codes of the first test images of a model with a readable code, their
 * labels, a 2-D t-SNE of them and a 3-D one (report 002 shows both; {@code tsne3} is null in files
 * written before it was added), as the runner writes it and the site plots it.
 */
public record CodesFile(String description, int[] labels, double[][] tsne, double[][] codes, double[][] tsne3) {}
