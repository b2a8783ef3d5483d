package org.aebench.families;

import org.aebench.matrix.ExperimentSpec;
import org.aebench.model.Reconstructor;
import org.aebench.models.ConvLayers;
import org.aebench.ops.Relu;
import org.aebench.ops.Unpooling;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;

/**
 * Report 001 section 7.4: "if we implement a 1x1 convolution instead, we see that the unpooling
 * performs much worse and leads to a 'checked' image". The report prints no architecture for it;
 * we read it as section 7.1's unpooling decoder with both of its 3x3 convolutions made 1x1
 * (16 -> 8 and 8 -> 1, no padding, ReLU after each), the encoder unchanged, so that the decoder
 * has no filter that spreads a value over its neighbours: only max-unpooling places pixels.
 */
public final class UnpoolPointwiseFamily extends BaseFamily<NoSettings> {
    public UnpoolPointwiseFamily() {
        super("conv-ae-unpool-1x1", "report 001 section 7.4: the unpooling decoder with 1x1 instead of 3x3 convolutions", NoSettings.class, true, true);
    }

    @Override public void validate(ExperimentSpec spec, NoSettings s, String at) {}

    @Override
    public Reconstructor build(ExperimentSpec spec, NoSettings s, int inputs, long weightSeed, long noiseSeed) {
        return new Model(spec, weightSeed);
    }

    /** The encoder's three 3x3 convolutions at 28x28, 14x14 and 7x7, and two 1x1 convolutions. */
    @Override
    public long multiplyAddsPerImage(NoSettings s, int inputs) {
        return 784L * 9 * 8 + 196L * 9 * 8 * 16 + 49L * 9 * 16 * 16 + 196L * 16 * 8 + 784L * 8;
    }

    /** The network: {@link org.aebench.models.ConvAutoencoder}'s encoder, unpooling and 1x1 convolutions. */
    static final class Model extends ConvLayers {
        Model(ExperimentSpec spec, long seed) {
            super(spec, seed, false);
            SDVariable x = sd.reshape(input(), -1, 1, 28, 28);
            SDVariable c1 = Relu.of(sd, conv(x, "enc1", 1, 8));
            SDVariable c2 = Relu.of(sd, conv(pool(c1), "enc2", 8, 16));
            SDVariable c3 = Relu.of(sd, conv(pool(c2), "enc3", 16, 16));
            SDVariable d = Unpooling.unpool(sd, pool(c3), c3, 16, 7, 7);
            d = Unpooling.unpool(sd, d, c2, 16, 14, 14);
            d = Relu.of(sd, pointwise(d, "dec2", 16, 8));
            d = Unpooling.unpool(sd, d, c1, 8, 28, 28);
            SDVariable out = Relu.of(sd, pointwise(d, "dec3", 8, 1));
            finish(out, spec, "conv 1-8-16-16 (3x3, pool 2) | unpool decoder with 1x1 convolutions");
        }

        /** A 1x1 convolution (channels-first); its fan-in, for the initialisation, is the input channels. */
        private SDVariable pointwise(SDVariable in, String name, int cin, int cout) {
            SDVariable w = weight(name + "_w", new long[] {1, 1, cin, cout}, cin, cout);
            SDVariable b = bias(name + "_b", cout, cin);
            return sd.cnn().conv2d(in, w, b, Conv2DConfig.builder().kH(1).kW(1).sH(1).sW(1).pH(0).pW(0).dataFormat("NCHW").build());
        }
    }
}
