package org.aebench.models;

import java.util.ArrayList;
import java.util.List;
import org.aebench.matrix.ExperimentSpec;
import org.nd4j.autodiff.samediff.SDVariable;

/** Report 002's denoising autoencoder (sections 4.1, and 4.2 with dropout and batch norm); see {@link StridedConvCodec}. */
public final class StridedConvAutoencoder extends StridedConvCodec {
    private final String description;

    public StridedConvAutoencoder(ExperimentSpec spec, double dropout, boolean batchNorm, long seed, long noiseSeed) {
        super(spec, dropout, batchNorm, seed, noiseSeed);
        List<Layer> enc = new ArrayList<>();
        int in = channels;
        for (int i = 0; i < 4; i++) {
            enc.add(encoderLayer(i, in));
            in = CHANNELS[i];
        }
        List<Layer> dec = decoderLayers();
        SDVariable trainOut = decoder(dec, encoder(enc, true), true);
        inferenceOutputs(encoder(enc, false), dec);
        finishWithLoss(sd.math().squaredDifference(trainOut, target()).mean(), spec);
        description = "conv " + channels + "-128-64-32-16 (3x3, stride 2) -> 2x2x16 code | transposed conv 16-32-64-128-" + channels
                + ", sigmoid" + regularisation() + "; mse; adam lr=" + spec.learningRate()
                + (spec.weightDecayRate() > 0 ? " weight decay " + spec.weightDecayRate() : "") + "; batch " + spec.batchSize();
    }

    private SDVariable encoder(List<Layer> enc, boolean training) {
        SDVariable h = image(input());
        for (Layer l : enc) h = hiddenLayer(l, h, training);
        return h;
    }

    @Override
    public String describe() { return description; }
}
