package org.aebench.models;

import org.aebench.ops.Relu;
import org.aebench.matrix.ExperimentSpec;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Report 003's denoising autoencoder (section II): Conv2D(f, 3x3, same) ReLU, pool | Conv2D(f)
 * ReLU, pool | Conv2DTranspose(f, 3x3, stride 2, same) ReLU | Conv2DTranspose(1, 3x3, stride 2,
 * same) sigmoid: 28 -> 14 -> 7 -> 14 -> 28 (the parameter counts match its summary). Channels-last.
 */
public final class DenoisingConvAutoencoder extends ConvLayers {
    public DenoisingConvAutoencoder(ExperimentSpec spec, int filters, long seed) {
        super(spec, seed, true);
        int f = filters;
        // ReLU after pooling: max pooling commutes with ReLU, and the ReLU's backprop then runs on a
        // quarter of the pixels.
        SDVariable h = Relu.of(sd, pool(inputConv("enc1", f)));
        h = Relu.of(sd, pool(conv(h, "enc2", f, f)));
        h = Relu.of(sd, deconvSame(h, "dec1", f, f, 7));
        SDVariable out = sd.nn().sigmoid(deconvSame(h, "dec2", f, 1, 14));
        finish(out, spec, "conv " + f + "-" + f + " (3x3, pool 2) | transposed conv " + f + "-1 (stride 2), sigmoid");
    }
}
