package org.aebench.models;

import org.aebench.ops.Relu;
import org.aebench.ops.Unpooling;
import org.aebench.matrix.ConvVariant;
import org.aebench.matrix.ExperimentSpec;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The convolutional autoencoders of report 001 section 7 (and 000 section 5). Encoder (all
 * decoders): three blocks of 3x3 convolution (padding 1), ReLU and 2x2 max pooling,
 * 1 -> 8 -> 16 -> 16 channels, 28 -> 14 -> 7 -> 3 pixels; the decoder is the {@link ConvVariant}.
 */
public final class ConvAutoencoder extends ConvLayers {
    public ConvAutoencoder(ExperimentSpec spec, ConvVariant variant, long seed) {
        super(spec, seed, variant == ConvVariant.DECONV);
        SDVariable out;
        if (variant == ConvVariant.DECONV) {
            // 001 section 7.2: encoder below, then ConvTranspose2d(16,16,k3,s2) 3->7, (16,8,k4,s2,p1) 7->14,
            // (8,1,k4,s2,p1) 14->28, ReLU after each. Channels-last, the first convolution is patches x
            // kernel and ReLU follows pooling, as in the denoiser of report 003.
            SDVariable h = Relu.of(sd, pool(inputConv("enc1", 8)));
            h = Relu.of(sd, pool(conv(h, "enc2", 8, 16)));
            h = Relu.of(sd, pool(conv(h, "enc3", 16, 16)));
            SDVariable d = Relu.of(sd, deconv(h, "dec1", 16, 16, 3, 2, 0, 3));
            d = Relu.of(sd, deconv(d, "dec2", 16, 8, 4, 2, 1, 7));
            out = Relu.of(sd, deconv(d, "dec3", 8, 1, 4, 2, 1, 14));
        } else {
            SDVariable x = sd.reshape(input(), -1, 1, 28, 28);
            SDVariable c1 = Relu.of(sd, conv(x, "enc1", 1, 8));
            SDVariable p1 = pool(c1);
            SDVariable c2 = Relu.of(sd, conv(p1, "enc2", 8, 16));
            SDVariable p2 = pool(c2);
            SDVariable c3 = Relu.of(sd, conv(p2, "enc3", 16, 16));
            SDVariable h = pool(c3);
            out = switch (variant) {
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
                case DECONV -> throw new AssertionError("built above");
            };
        }
        finish(out, spec, "conv 1-8-16-16 (3x3, pool 2) | " + variant + " decoder");
    }
}
