package org.aebench.models;

import org.aebench.matrix.ExperimentSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/**
 * The convolutional autoencoders of report 001 section 7 (and 000 section 5). Encoder (all
 * variants): three blocks of 3x3 convolution (padding 1), ReLU and 2x2 max pooling,
 * 1 -> 8 -> 16 -> 16 channels, 28 -> 14 -> 7 -> 3 pixels.
 */
public final class ConvAutoencoder extends SameDiffAutoencoder {
    private final String description;

    public ConvAutoencoder(ExperimentSpec spec, long seed) {
        super(spec, seed);
        SDVariable h = sd.reshape(input(), -1, 1, 28, 28);
        h = encoderBlock(h, "enc1", 1, 8);
        h = encoderBlock(h, "enc2", 8, 16);
        h = encoderBlock(h, "enc3", 16, 16);
        SDVariable out = switch (spec.variant()) {
            case DECONV -> {
                // 001 section 7.2: ConvTranspose2d(16,16,k3,s2) 3->7, (16,8,k4,s2,p1) 7->14, (8,1,k4,s2,p1) 14->28, ReLU after each
                SDVariable d = sd.nn().relu(deconv(h, "dec1", 16, 16, 3, 2, 0), 0);
                d = sd.nn().relu(deconv(d, "dec2", 16, 8, 4, 2, 1), 0);
                yield sd.nn().relu(deconv(d, "dec3", 8, 1, 4, 2, 1), 0);
            }
            case UNPOOL, UNPOOL_DECONV -> throw new UnsupportedOperationException(spec.variant() + " is not built yet");
        };
        finish(sd.reshape(out, -1, 784), spec.loss(), null, spec);
        this.description = "conv 1-8-16-16 (3x3, pool 2) | " + spec.variant() + " decoder; " + spec.loss() + "; "
                + spec.optimizer() + (spec.learningRate() != null ? " lr=" + spec.learningRate() : "") + "; batch " + spec.batchSize();
    }

    private SDVariable encoderBlock(SDVariable in, String name, int cin, int cout) {
        SDVariable w = weight(name + "_w", new long[] {3, 3, cin, cout}, cin * 9L, cout * 9L);
        SDVariable b = bias(name + "_b", cout, cin * 9L);
        SDVariable c = sd.cnn().conv2d(in, w, b, Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(1).pW(1).dataFormat("NCHW").build());
        return sd.cnn().maxPooling2d(sd.nn().relu(c, 0), Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).build());
    }

    /** Transposed convolution; PyTorch computes a ConvTranspose2d's fan-in from its second weight dimension (out channels). */
    private SDVariable deconv(SDVariable in, String name, int cin, int cout, int k, int stride, int pad) {
        SDVariable w = weight(name + "_w", new long[] {k, k, cout, cin}, (long) cout * k * k, (long) cin * k * k);
        SDVariable b = bias(name + "_b", cout, (long) cout * k * k);
        return sd.cnn().deconv2d(in, w, b, DeConv2DConfig.builder().kH(k).kW(k).sH(stride).sW(stride).pH(pad).pW(pad)
                .dataFormat("NCHW").build());
    }

    @Override
    public String describe() { return description; }
}
