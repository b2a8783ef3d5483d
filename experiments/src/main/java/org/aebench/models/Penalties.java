package org.aebench.models;

/**
 * Loss terms on a dense network's hidden layer besides the reconstruction error.
 *
 * @param activityL1  lambda of an L1 penalty on the activations of {@code layer}: lambda times the
 *                    sum over units of |a|, averaged over the images of the batch (0 = none)
 * @param contractive lambda of the contractive penalty on {@code layer} (a sigmoid layer fed by the
 *                    input): lambda times the squared Frobenius norm of d(a)/d(x), averaged over images
 * @param layer       0-based index of the hidden layer the penalties act on
 */
public record Penalties(double activityL1, double contractive, int layer) {
    public static final Penalties NONE = new Penalties(0, 0, 0);
}
