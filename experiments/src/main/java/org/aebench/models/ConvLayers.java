package org.aebench.models;

import org.aebench.ops.InputConvolution;
import org.aebench.ops.TransposedConvolution;
import org.aebench.contract.Artifact;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.model.FilterImages;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/**
 * The layers the convolutional autoencoders of reports 000/001 ({@link ConvAutoencoder}) and 003
 * ({@link DenoisingConvAutoencoder}) are built of: 3x3 convolutions, 2x2 max pooling and
 * transposed convolutions, in either layout, and their filters as pictures: the base of every
 * convolutional family built as a SameDiff graph.
 */
public abstract class ConvLayers extends SameDiffAutoencoder implements FilterImages {
    /**
     * Channels-last layout: libnd4j's conv2d backprop is about twice as fast in NHWC as in NCHW
     * here, and a channels-last stride-2 transposed convolution needs no depth_to_space (see
     * docs/performance.md). The unpooling decoders keep NCHW (their unpooling is built for it).
     */
    protected final boolean channelsLast;
    private String description;

    protected ConvLayers(ExperimentSpec spec, long seed, boolean channelsLast) {
        super(spec, seed);
        this.channelsLast = channelsLast;
    }

    /** Ends the graph with the flattened image and the loss, and the description with the training settings. */
    protected final void finish(SDVariable out, ExperimentSpec spec, String architecture) {
        finish(sd.reshape(out, -1, 784), spec.loss(), null, spec);
        this.description = architecture + (spec.trainingNoise() > 0 ? "; input noise sigma " + spec.trainingNoise() : "") + "; " + spec.loss()
                + "; " + spec.optimizer() + (spec.learningRate() != null ? " lr=" + spec.learningRate() : "") + "; batch " + spec.batchSize()
                + "; init " + spec.init();
    }

    protected final SDVariable conv(SDVariable in, String name, int cin, int cout) {
        SDVariable w = weight(name + "_w", new long[] {3, 3, cin, cout}, cin * 9L, cout * 9L);
        SDVariable b = bias(name + "_b", cout, cin * 9L);
        return sd.cnn().conv2d(in, w, b, Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(1).pW(1).dataFormat(channelsLast ? "NHWC" : "NCHW").build());
    }

    /** The first layer's 3x3 convolution of the input images (see {@link InputConvolution}). */
    protected final SDVariable inputConv(String name, int cout) {
        SDVariable w = weight(name + "_w", new long[] {3, 3, 1, cout}, 9L, cout * 9L);
        SDVariable b = bias(name + "_b", cout, 9L);
        return InputConvolution.of(sd, sd.reshape(input(), -1, 28, 28, 1), w, b, 28, 1);
    }

    protected final SDVariable pool(SDVariable in) {
        return sd.cnn().maxPooling2d(in, Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).isNHWC(channelsLast).build());
    }

    /** Keras's Conv2DTranspose(3x3, strides 2, padding same): output exactly twice the input. */
    protected final SDVariable deconvSame(SDVariable in, String name, int cin, int cout, int side) {
        SDVariable w = weight(name + "_w", new long[] {3, 3, cout, cin}, cin * 9L, cout * 9L);
        SDVariable b = bias(name + "_b", cout, cin * 9L);
        return TransposedConvolution.stride2(sd, in, w, b, 0, true, side, channelsLast);
    }

    /** Transposed convolution; PyTorch computes a ConvTranspose2d's fan-in from its second weight dimension (out channels). */
    protected final SDVariable deconv(SDVariable in, String name, int cin, int cout, int k, int stride, int pad, int side) {
        SDVariable w = weight(name + "_w", new long[] {k, k, cout, cin}, (long) cout * k * k, (long) cin * k * k);
        SDVariable b = bias(name + "_b", cout, (long) cout * k * k);
        return stride == 1 ? TransposedConvolution.stride1(sd, in, w, b, pad)
                : TransposedConvolution.stride2(sd, in, w, b, pad, false, side, channelsLast);
    }

    @Override
    public String describe() { return description; }

    /** First encoder layer and last decoder layer, one tile per (input, output) channel pair. */
    @Override
    public java.util.Map<Artifact, Filters> filters() {
        java.util.Map<Artifact, Filters> out = new java.util.LinkedHashMap<>();
        out.put(Artifact.ENCODER_FILTERS, tiles(weightArray("enc1_w")));
        out.put(Artifact.DECODER_FILTERS, tiles(weightArray(weightArray("dec3_w") != null ? "dec3_w" : "dec2_w")));
        return out;
    }

    private static Filters tiles(org.nd4j.linalg.api.ndarray.INDArray w) {
        long[] s = w.shape();  // [kH, kW, a, b]
        return new Filters(w.permute(2, 3, 0, 1).dup('c').reshape(s[2] * s[3], s[0] * s[1]), (int) s[0]);
    }
}
