package org.aebench.models;

import org.aebench.ops.Relu;
import org.aebench.ops.InputConvolution;
import org.aebench.ops.TransposedConvolution;
import org.aebench.noise.NoiseStream;
import org.aebench.model.LatentModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aebench.matrix.ExperimentSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The convolutional codec of report 002 (section 4.1): four 3x3 convolutions with stride 2 and
 * padding 1, 128-64-32-16 channels, ReLU, taking 28x28 to a 2x2x16 code (28-14-7-4-2); a decoder of
 * four transposed convolutions 16-32-64-128 back to the image's channels, ReLU and a sigmoid
 * output. The report names no kernel sizes for the decoder; kernels 4, 3, 4, 4 (stride 2,
 * padding 1) give exactly 2-4-7-14-28, which PyTorch would get with output_padding.
 *
 * <p>Optional per {@code dropout} / {@code batch_norm} (section 4.2, "Dropout and Batch
 * Normalization ... after each convolutional and transposed convolutional layer"): conv, batch
 * norm, ReLU, dropout. The training graph and the inference graph share the weights: dropout masks
 * are placeholders drawn from the cell's seed for training and absent at inference; batch norm
 * uses the batch's statistics in training and running averages (momentum 0.1, unbiased
 * variance, as PyTorch) at inference. Built from elementary ops so SameDiff differentiates through
 * the batch statistics.
 *
 * <p>The graph is channels-last (NHWC) inside; its inputs, outputs and codes keep the
 * channel-major layout of the data. Why: libnd4j's conv2d backprop is about twice as fast in NHWC
 * here, transposed convolutions need no depth-to-space there (see {@link TransposedConvolution}),
 * and batch norm works on {@code [n h w, c]} rows without a transpose.
 */
abstract class StridedConvCodec extends SameDiffAutoencoder implements LatentModel {
    static final int[] CHANNELS = {128, 64, 32, 16};
    private static final int[] SIDES = {14, 7, 4, 2};
    private static final int[] DECODER_KERNELS = {4, 3, 4, 4};
    private static final int[] DECODER_SIDES = {4, 7, 14, 28};
    private static final double BN_EPS = 1e-5;
    private static final double BN_MOMENTUM = 0.1;

    protected final int channels;
    private final double dropout;
    private final boolean batchNorm;
    private final NoiseStream masks;
    /** Each dropout site's mask array and its Java staging array, by batch size, refilled every step. */
    private final Map<Long, Map<String, INDArray>> maskArrays = new HashMap<>();
    private final Map<Long, float[]> maskScratch = new HashMap<>();
    /** Per dropout site: its placeholder name and the shape of one image's mask. */
    private final Map<String, long[]> maskShapes = new LinkedHashMap<>();
    private final Map<String, INDArray> runningStats = new LinkedHashMap<>();
    private final Map<String, Long> statCounts = new HashMap<>();
    private final List<String> batchStats = new ArrayList<>();
    /** Batch norm's ones and averaging columns by row count (see {@link #onesColumns}). */
    private final Map<Long, INDArray[]> onesByRows = new HashMap<>();

    StridedConvCodec(ExperimentSpec spec, double dropout, boolean batchNorm, long seed, long noiseSeed) {
        super(spec, seed);
        this.channels = spec.dataset().channels();
        this.dropout = dropout;
        this.batchNorm = batchNorm;
        this.masks = new NoiseStream(noiseSeed);
    }

    /** One encoder or decoder layer's trained weights. */
    record Layer(String name, SDVariable w, SDVariable b, SDVariable gamma, SDVariable beta, int out, int side,
                 boolean transposed, int kernel) {}

    Layer encoderLayer(int i, int in) {
        int out = CHANNELS[i];
        String name = "enc" + (i + 1);
        return layer(name, weight(name + "_w", new long[] {3, 3, in, out}, in * 9L, out * 9L),
                bias(name + "_b", out, in * 9L), out, SIDES[i], false, 3);
    }

    Layer decoderLayer(int i, int in, int out) {
        int k = DECODER_KERNELS[i];
        String name = "dec" + (i + 1);
        // PyTorch computes a ConvTranspose2d's fan-in from its out channels
        return layer(name, weight(name + "_w", new long[] {k, k, out, in}, (long) out * k * k, (long) in * k * k),
                bias(name + "_b", out, (long) out * k * k), out, DECODER_SIDES[i], true, k);
    }

    private Layer layer(String name, SDVariable w, SDVariable b, int out, int side, boolean transposed, int k) {
        SDVariable gamma = null, beta = null;
        boolean hidden = !(transposed && side == 28);
        if (batchNorm && hidden) {
            gamma = sd.var(name + "_gamma", Nd4j.ones(DataType.FLOAT, 1, 1, 1, out));
            beta = sd.var(name + "_beta", Nd4j.zeros(DataType.FLOAT, 1, 1, 1, out));
            runningStats.put(name + "_rmean", Nd4j.zeros(DataType.FLOAT, 1, 1, 1, out));
            runningStats.put(name + "_rvar", Nd4j.ones(DataType.FLOAT, 1, 1, 1, out));
            sd.placeHolder(name + "_rmean", DataType.FLOAT, 1, 1, 1, out);
            sd.placeHolder(name + "_rvar", DataType.FLOAT, 1, 1, 1, out);
            sd.placeHolder(name + "_ones", DataType.FLOAT, -1, 1);
            sd.placeHolder(name + "_avg", DataType.FLOAT, -1, 1);
            statCounts.put(name, (long) side * side);
        }
        if (dropout > 0 && hidden) {
            maskShapes.put(name + "_mask", new long[] {side, side, out});
            sd.placeHolder(name + "_mask", DataType.FLOAT, -1, side, side, out);
        }
        return new Layer(name, w, b, gamma, beta, out, side, transposed, k);
    }

    /** The layer's linear part: convolution or transposed convolution, with bias. */
    SDVariable linear(Layer l, SDVariable in) {
        if (l.transposed()) {
            // stride 2, padding 1: side = 2 (inSide - 1) + k - 2
            int inSide = (l.side() - l.kernel() + 2) / 2 + 1;
            return TransposedConvolution.stride2(sd, in, l.w(), l.b(), 1, false, inSide, true);
        }
        if (l.name().equals("enc1")) return InputConvolution.of(sd, in, l.w(), l.b(), 28, 2);  // reads the images
        return sd.cnn().conv2d(in, l.w(), l.b(), Conv2DConfig.builder().kH(3).kW(3).sH(2).sW(2).pH(1).pW(1)
                .dataFormat("NHWC").build());
    }

    /** Linear part, batch norm, ReLU and dropout, in the training or the inference graph. */
    SDVariable hiddenLayer(Layer l, SDVariable in, boolean training) {
        SDVariable z = linear(l, in);
        if (l.gamma() != null && training) {
            z = batchNormOnBatch(sd, l.name(), z, l.gamma(), l.beta(), sd.getVariable(l.name() + "_ones"),
                    sd.getVariable(l.name() + "_avg"), l.out(), l.side());
            if (!batchStats.contains(l.name())) batchStats.add(l.name());
        } else if (l.gamma() != null) {
            SDVariable mean = sd.getVariable(l.name() + "_rmean"), var = sd.getVariable(l.name() + "_rvar");
            z = z.sub(mean).div(sd.math().sqrt(var.add(BN_EPS))).mul(l.gamma()).add(l.beta());
        }
        z = Relu.of(sd, z);
        if (training && dropout > 0) z = z.mul(sd.getVariable(l.name() + "_mask"));
        return z;
    }

    /**
     * Batch norm of {@code z} ([n, side, side, c]) with the batch's own statistics, over the rows
     * of {@code [n side^2, c]} (a free reshape in NHWC), with every per-channel reduction and
     * broadcast written as a matrix product with a column of ones ({@code ones}, or {@code avg}
     * = ones / rows for means), so that backprop is matrix products and same-shape elementwise
     * ops. Why: libnd4j's backprop of a broadcast multiply is many times slower than a same-shape
     * multiply's, in any layout (docs/performance.md, "Broadcasts as matrix products"). Statistics
     * are named {@code <name>_bmean}, {@code <name>_bvar} ([1, c]) for the running averages;
     * gamma and beta are [1, 1, 1, c].
     */
    static SDVariable batchNormOnBatch(SameDiff sd, String name, SDVariable z, SDVariable gamma, SDVariable beta,
                                       SDVariable ones, SDVariable avg, int c, int side) {
        SDVariable rows = sd.reshape(z, -1, c);
        SDVariable mean = sd.mmul(name + "_bmean", avg, rows, true, false, false);
        SDVariable centred = rows.sub(sd.mmul(ones, mean));
        SDVariable var = sd.mmul(name + "_bvar", avg, centred.mul(centred), true, false, false);
        SDVariable scale = sd.reshape(gamma, 1, c).div(sd.math().sqrt(var.add(BN_EPS)));
        SDVariable y = centred.mul(sd.mmul(ones, scale)).add(sd.mmul(ones, sd.reshape(beta, 1, c)));
        return sd.reshape(y, -1, side, side, c);
    }

    /**
     * Names the inference graph's outputs: {@code code} (channel-major [n, 16, 2, 2]), {@code out}
     * (the reconstruction from it) and {@code decoded} (images from codes fed to placeholder {@code z}).
     */
    void inferenceOutputs(SDVariable code, List<Layer> dec) {
        SDVariable z = sd.placeHolder("z", DataType.FLOAT, -1, CHANNELS[3], 2, 2);
        sd.identity("code", channelsFirst(code));
        sd.identity("out", decoder(dec, code, false));
        sd.identity("decoded", decoder(dec, channelsLast(z), false));
    }

    /** The decoder from a {@code [batch,2,2,16]} code to flat channel-major images, with sigmoid output. */
    SDVariable decoder(List<Layer> layers, SDVariable code, boolean training) {
        SDVariable d = code;
        for (int i = 0; i < layers.size() - 1; i++) d = hiddenLayer(layers.get(i), d, training);
        return sd.reshape(channelsFirst(sd.nn().sigmoid(linear(layers.get(layers.size() - 1), d))), -1, channels * 784L);
    }

    List<Layer> decoderLayers() {
        List<Layer> dec = new ArrayList<>();
        int[] outs = {32, 64, 128, channels};
        int in = CHANNELS[3];
        for (int i = 0; i < 4; i++) {
            dec.add(decoderLayer(i, in, outs[i]));
            in = outs[i];
        }
        return dec;
    }

    /** Flat channel-major images as the graph's [n, 28, 28, c]. */
    SDVariable image(SDVariable flat) {
        return channelsLast(sd.reshape(flat, -1, channels, 28, 28));
    }

    SDVariable channelsLast(SDVariable nchw) { return sd.permute(nchw, 0, 2, 3, 1); }

    SDVariable channelsFirst(SDVariable nhwc) { return sd.permute(nhwc, 0, 3, 1, 2); }

    @Override
    protected Map<String, INDArray> trainingFeeds(long batch) {
        Map<String, INDArray> feeds = new HashMap<>(runningStats);
        for (Map.Entry<String, Long> e : statCounts.entrySet()) {
            INDArray[] columns = onesColumns(batch * e.getValue());
            feeds.put(e.getKey() + "_ones", columns[0]);
            feeds.put(e.getKey() + "_avg", columns[1]);
        }
        // Reused arrays: the step copies its feeds before the next one (a replayed plan into its own, SameDiff reads them within the call).
        Map<String, INDArray> arrays = maskArrays.computeIfAbsent(batch, n -> new HashMap<>());
        for (Map.Entry<String, long[]> e : maskShapes.entrySet()) {
            long[] s = e.getValue();
            INDArray mask = arrays.computeIfAbsent(e.getKey(), k -> Nd4j.create(DataType.FLOAT, batch, s[0], s[1], s[2]));
            float[] scratch = maskScratch.computeIfAbsent(mask.length(), n -> new float[Math.toIntExact(n)]);
            masks.dropoutMask(dropout, scratch, mask);
            feeds.put(e.getKey(), mask);
        }
        return feeds;
    }

    /** Batch norm's {ones, ones / rows} columns for {@code rows} rows; kept, as every full batch asks for the same. */
    private INDArray[] onesColumns(long rows) {
        return onesByRows.computeIfAbsent(rows, n -> new INDArray[] {Nd4j.ones(DataType.FLOAT, n, 1),
                Nd4j.valueArrayOf(new long[] {n, 1}, 1.0 / n, DataType.FLOAT)});
    }

    @Override
    protected Map<String, INDArray> inferenceFeeds() { return runningStats; }

    @Override
    protected List<String> stepOutputs() {
        List<String> out = new ArrayList<>();
        for (String l : batchStats) {
            out.add(l + "_bmean");
            out.add(l + "_bvar");
        }
        return out;
    }

    @Override
    protected void afterStep(Map<String, INDArray> outputs) {
        for (String l : batchStats) {
            long m = statCounts.get(l) * currentBatch;
            INDArray mean = outputs.get(l + "_bmean").reshape(runningStats.get(l + "_rmean").shape());
            INDArray var = outputs.get(l + "_bvar").reshape(mean.shape()).mul(m / (double) Math.max(1, m - 1));
            runningStats.get(l + "_rmean").muli(1 - BN_MOMENTUM).addi(mean.mul(BN_MOMENTUM));
            runningStats.get(l + "_rvar").muli(1 - BN_MOMENTUM).addi(var.mul(BN_MOMENTUM));
        }
    }

    private long currentBatch;

    @Override
    public double fitBatch(INDArray input, INDArray target) {
        currentBatch = input.rows();
        return super.fitBatch(input, target);
    }

    @Override
    public INDArray encode(INDArray batch) {
        INDArray c = activation(batch, "code");
        return c.reshape(c.size(0), c.length() / c.size(0));
    }

    @Override
    public INDArray decode(INDArray codes) {
        return evaluate("z", codes.reshape(codes.rows(), CHANNELS[3], 2, 2).castTo(DataType.FLOAT), "decoded");
    }

    /** Every step's regularisation, for the description. */
    String regularisation() {
        return (dropout > 0 ? "; dropout " + dropout : "") + (batchNorm ? "; batch norm" : "");
    }
}
