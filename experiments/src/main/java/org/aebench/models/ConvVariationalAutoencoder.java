package org.aebench.models;

import org.aebench.noise.NoiseStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aebench.matrix.ExperimentSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Report 002's VAE (section 4.3): the encoder of {@link StridedConvCodec} whose last layer is two
 * heads, mean and log-variance of a 2x2x16 Gaussian code; z = mu + exp(logvar / 2) * eps with eps
 * drawn from the cell's seed while training; the code at test time is mu. Loss "MSE + KL": the
 * squared error summed over an image's pixels plus KL(q(z|x) || N(0, I)), both averaged over the
 * batch (the usual ELBO scaling; with a per-pixel mean the KL term would swamp the reconstruction).
 */
public final class ConvVariationalAutoencoder extends StridedConvCodec {
    /** The code's shape inside the channels-last graph. */
    private static final long[] CODE_NHWC = {2, 2, CHANNELS[3]};
    private final NoiseStream eps;
    private final String description;

    public ConvVariationalAutoencoder(ExperimentSpec spec, long seed, long noiseSeed) {
        super(spec, 0, false, seed, noiseSeed);
        this.eps = new NoiseStream(noiseSeed ^ 0x5DEECE66DL);
        List<Layer> enc = new ArrayList<>();
        int in = channels;
        for (int i = 0; i < 3; i++) {
            enc.add(encoderLayer(i, in));
            in = CHANNELS[i];
        }
        Layer muHead = encoderLayer(3, in);
        Layer logVarHead = layerNamed("enc4_logvar", in);
        List<Layer> dec = decoderLayers();
        SDVariable eps = sd.placeHolder("eps", DataType.FLOAT, -1, CODE_NHWC[0], CODE_NHWC[1], CODE_NHWC[2]);

        SDVariable hTrain = trunk(enc, true);
        SDVariable mu = linear(muHead, hTrain);
        SDVariable logVar = linear(logVarHead, hTrain);
        SDVariable sample = mu.add(sd.math().exp(logVar.mul(0.5)).mul(eps));
        SDVariable trainOut = decoder(dec, sample, true);

        inferenceOutputs(linear(muHead, trunk(enc, false)), dec);

        SDVariable reconstruction = sd.math().squaredDifference(trainOut, target()).sum(1).mean();
        SDVariable kl = logVar.add(1.0).sub(mu.mul(mu)).sub(sd.math().exp(logVar)).sum(1, 2, 3).mean().mul(-0.5);
        sd.identity("kl", kl);
        finishWithLoss(reconstruction.add(kl), spec);
        description = "VAE: conv " + channels + "-128-64-32 (3x3, stride 2), mu/log-variance heads 32-16 -> 2x2x16 code | "
                + "transposed conv 16-32-64-128-" + channels + ", sigmoid; loss sum-squared-error + KL per image; adam lr="
                + spec.learningRate() + (spec.weightDecayRate() > 0 ? " weight decay " + spec.weightDecayRate() : "")
                + "; batch " + spec.batchSize();
    }

    private Layer layerNamed(String name, int in) {
        int out = CHANNELS[3];
        return new Layer(name, weight(name + "_w", new long[] {3, 3, in, out}, in * 9L, out * 9L),
                bias(name + "_b", out, in * 9L), null, null, out, 2, false, 3);
    }

    private SDVariable trunk(List<Layer> enc, boolean training) {
        SDVariable h = image(input());
        for (Layer l : enc) h = hiddenLayer(l, h, training);
        return h;
    }

    @Override
    protected Map<String, INDArray> trainingFeeds(long batch) {
        Map<String, INDArray> feeds = new java.util.HashMap<>(super.trainingFeeds(batch));
        feeds.put("eps", eps.gaussian(1.0, batch, CODE_NHWC[0], CODE_NHWC[1], CODE_NHWC[2]));
        return feeds;
    }

    @Override
    public String describe() { return description; }
}
