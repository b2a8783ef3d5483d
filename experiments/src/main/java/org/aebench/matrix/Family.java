package org.aebench.matrix;

import com.fasterxml.jackson.annotation.JsonValue;

/** Model families the matrix may name. Each maps to one class in {@code org.aebench.models}. */
public enum Family {
    /** Principal component analysis with {@code components} components (closed form). */
    PCA("pca", false, false),
    /** Trivial baseline: every output pixel 0. */
    BASELINE_ZERO("baseline-zero", false, false),
    /** Trivial baseline: every output is the mean training image. */
    BASELINE_MEAN("baseline-mean", false, false),
    /** Fully connected autoencoder with the listed layers. */
    DENSE_AE("dense-ae", true, false),
    /** Convolutional autoencoder of reports 000/001 with the named decoder {@code variant}. */
    CONV_AE("conv-ae", true, true),
    /** Report 002's stride-2 convolutional denoiser (optionally with dropout and batch norm). */
    STRIDED_CONV_AE("strided-conv-ae", true, true),
    /** Report 002's convolutional variational autoencoder. */
    CONV_VAE("conv-vae", true, true);

    private final String key;
    private final boolean graph;
    private final boolean trained;

    Family(String key, boolean trained, boolean graph) {
        this.key = key;
        this.trained = trained;
        this.graph = graph;
    }

    /** True for families built as SameDiff graphs. */
    public boolean graph() { return graph; }

    @JsonValue
    public String key() { return key; }

    /** True for families trained by gradient descent over epochs (false: fitted in closed form). */
    public boolean trained() { return trained; }

    @Override
    public String toString() { return key; }
}
