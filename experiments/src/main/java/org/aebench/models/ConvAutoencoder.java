package org.aebench.models;

import org.aebench.matrix.ConvVariant;
import org.aebench.matrix.ExperimentSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/**
 * The convolutional autoencoders of report 001 section 7 (and 000 section 5). Encoder (all
 * variants): three blocks of 3x3 convolution (padding 1), ReLU and 2x2 max pooling,
 * 1 -> 8 -> 16 -> 16 channels, 28 -> 14 -> 7 -> 3 pixels.
 */
public final class ConvAutoencoder extends SameDiffAutoencoder implements FilterImages {
    private String description;
    /**
     * Channels-last layout for the Keras-style denoiser and the deconv decoder: libnd4j's conv2d
     * backprop is about twice as fast in NHWC as in NCHW here (64 channels at 14x14: 122 vs 255 ms
     * per batch of 256), backprop is most of a step, and a channels-last stride-2 transposed
     * convolution needs no depth_to_space (report 001's deconv AE: ops 19.3 -> 13.8 ms per step of
     * 64). The unpooling variants keep NCHW (their unpooling is built for it).
     */
    private final boolean channelsLast;

    public ConvAutoencoder(ExperimentSpec spec, long seed) {
        super(spec, seed);
        channelsLast = spec.variant() == ConvVariant.KERAS_DENOISE || spec.variant() == ConvVariant.DECONV;
        SDVariable out;
        if (spec.variant() == ConvVariant.KERAS_DENOISE) {
            // 003 section II: Conv2D(f,3x3,same) ReLU, pool | Conv2D(f) ReLU, pool | Conv2DTranspose(f,3x3,s2,same) ReLU |
            // Conv2DTranspose(1,3x3,s2,same) sigmoid: 28 -> 14 -> 7 -> 14 -> 28 (parameter counts match its summary)
            int f = spec.filters();
            // ReLU after pooling: max pooling commutes with ReLU, and the ReLU's backprop then runs on a
            // quarter of the pixels (at 28x28x64 it was 37 ms of the step).
            SDVariable h = Relu.of(sd, pool(inputConv("enc1", f)));
            h = Relu.of(sd, pool(conv(h, "enc2", f, f)));
            h = Relu.of(sd, deconvSame(h, "dec1", f, f, 7));
            out = sd.nn().sigmoid(deconvSame(h, "dec2", f, 1, 14));
            this.description = "conv " + f + "-" + f + " (3x3, pool 2) | transposed conv " + f + "-1 (stride 2), sigmoid";
        } else if (spec.variant() == ConvVariant.DECONV) {
            // 001 section 7.2: encoder below, then ConvTranspose2d(16,16,k3,s2) 3->7, (16,8,k4,s2,p1) 7->14,
            // (8,1,k4,s2,p1) 14->28, ReLU after each. Channels-last, the first convolution is patches x
            // kernel and ReLU follows pooling, as in the denoiser above.
            SDVariable h = Relu.of(sd, pool(inputConv("enc1", 8)));
            h = Relu.of(sd, pool(conv(h, "enc2", 8, 16)));
            h = Relu.of(sd, pool(conv(h, "enc3", 16, 16)));
            SDVariable d = Relu.of(sd, deconv(h, "dec1", 16, 16, 3, 2, 0, 3));
            d = Relu.of(sd, deconv(d, "dec2", 16, 8, 4, 2, 1, 7));
            out = Relu.of(sd, deconv(d, "dec3", 8, 1, 4, 2, 1, 14));
            this.description = "conv 1-8-16-16 (3x3, pool 2) | " + spec.variant() + " decoder";
        } else {
            SDVariable x = sd.reshape(input(), -1, 1, 28, 28);
            SDVariable c1 = Relu.of(sd, conv(x, "enc1", 1, 8));
            SDVariable p1 = pool(c1);
            SDVariable c2 = Relu.of(sd, conv(p1, "enc2", 8, 16));
            SDVariable p2 = pool(c2);
            SDVariable c3 = Relu.of(sd, conv(p2, "enc3", 16, 16));
            SDVariable h = pool(c3);
            out = switch (spec.variant()) {
                case UNPOOL -> {
                    // 001 section 7.1: unpool before every decoder layer; decoder_conv1 is the identity, then
                    // Conv2d(16,8,3,p1) ReLU and Conv2d(8,1,3,p1) ReLU
                    SDVariable d = Unpooling.unpool(sd, h, c3, 16, 7, 7);
                    d = Unpooling.unpool(sd, d, c2, 16, 14, 14);
                    d = Relu.of(sd, conv(d, "dec2", 16, 8));
                    d = Unpooling.unpool(sd, d, c1, 8, 28, 28);
                    yield Relu.of(sd, conv(d, "dec3", 8, 1));
                }
                case UNPOOL_DECONV -> {
                    // 001 section 7.3: unpool, then ConvTranspose2d(k3,s1,p1) 16->16, 16->8, 8->1, ReLU after each
                    SDVariable d = Relu.of(sd, deconv(Unpooling.unpool(sd, h, c3, 16, 7, 7), "dec1", 16, 16, 3, 1, 1, 7));
                    d = Relu.of(sd, deconv(Unpooling.unpool(sd, d, c2, 16, 14, 14), "dec2", 16, 8, 3, 1, 1, 14));
                    yield Relu.of(sd, deconv(Unpooling.unpool(sd, d, c1, 8, 28, 28), "dec3", 8, 1, 3, 1, 1, 28));
                }
                case KERAS_DENOISE, DECONV -> throw new IllegalStateException();
            };
            this.description = "conv 1-8-16-16 (3x3, pool 2) | " + spec.variant() + " decoder";
        }
        finish(sd.reshape(out, -1, 784), spec.loss(), null, spec);
        this.description += (spec.trainingNoise() > 0 ? "; input noise sigma " + spec.trainingNoise() : "") + "; " + spec.loss()
                + "; " + spec.optimizer() + (spec.learningRate() != null ? " lr=" + spec.learningRate() : "") + "; batch " + spec.batchSize()
                + "; init " + spec.init();
    }

    private SDVariable conv(SDVariable in, String name, int cin, int cout) {
        SDVariable w = weight(name + "_w", new long[] {3, 3, cin, cout}, cin * 9L, cout * 9L);
        SDVariable b = bias(name + "_b", cout, cin * 9L);
        return sd.cnn().conv2d(in, w, b, Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(1).pW(1).dataFormat(channelsLast ? "NHWC" : "NCHW").build());
    }

    /** The first layer's 3x3 convolution of the input images (see {@link InputConvolution}). */
    private SDVariable inputConv(String name, int cout) {
        SDVariable w = weight(name + "_w", new long[] {3, 3, 1, cout}, 9L, cout * 9L);
        SDVariable b = bias(name + "_b", cout, 9L);
        return InputConvolution.of(sd, sd.reshape(input(), -1, 28, 28, 1), w, b, 28, 1);
    }

    private SDVariable pool(SDVariable in) {
        return sd.cnn().maxPooling2d(in, Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).isNHWC(channelsLast).build());
    }

    /** Keras's Conv2DTranspose(3x3, strides 2, padding same): output exactly twice the input. */
    private SDVariable deconvSame(SDVariable in, String name, int cin, int cout, int side) {
        SDVariable w = weight(name + "_w", new long[] {3, 3, cout, cin}, cin * 9L, cout * 9L);
        SDVariable b = bias(name + "_b", cout, cin * 9L);
        return TransposedConvolution.stride2(sd, in, w, b, 0, true, side, channelsLast);
    }

    /** Transposed convolution; PyTorch computes a ConvTranspose2d's fan-in from its second weight dimension (out channels). */
    private SDVariable deconv(SDVariable in, String name, int cin, int cout, int k, int stride, int pad, int side) {
        SDVariable w = weight(name + "_w", new long[] {k, k, cout, cin}, (long) cout * k * k, (long) cin * k * k);
        SDVariable b = bias(name + "_b", cout, (long) cout * k * k);
        return stride == 1 ? TransposedConvolution.stride1(sd, in, w, b, pad)
                : TransposedConvolution.stride2(sd, in, w, b, pad, false, side, channelsLast);
    }

    @Override
    public String describe() { return description; }

    /** First encoder layer and last decoder layer, one tile per (input, output) channel pair. */
    @Override
    public java.util.Map<String, Filters> filters() {
        java.util.Map<String, Filters> out = new java.util.LinkedHashMap<>();
        out.put("encoder", tiles(weightArray("enc1_w")));
        out.put("decoder", tiles(weightArray(weightArray("dec3_w") != null ? "dec3_w" : "dec2_w")));
        return out;
    }

    private static Filters tiles(org.nd4j.linalg.api.ndarray.INDArray w) {
        long[] s = w.shape();  // [kH, kW, a, b]
        return new Filters(w.permute(2, 3, 0, 1).dup('c').reshape(s[2] * s[3], s[0] * s[1]), (int) s[0]);
    }
}
