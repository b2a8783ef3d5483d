package org.aebench.models;

import org.aebench.ops.Relu;
import org.aebench.graph.SameDiffModel;
import org.aebench.matrix.WeightInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Report 004 part (b), "use output of AE as input to CNN": a small CNN that reads MNIST digits,
 * trained on clean images and then shown the autoencoder's reconstructions. The report prints no
 * architecture; this is the Keras MNIST-CNN pattern at a size that trains in seconds: conv 3x3
 * 1-16, ReLU, pool 2 | conv 3x3 16-32, ReLU, pool 2 | dense 1568-10, softmax; cross-entropy,
 * Adam 1e-3.
 */
public final class DigitClassifier extends SameDiffModel {
    public static final String DESCRIPTION = "CNN conv3x3 1-16 pool | conv3x3 16-32 pool | dense 1568-10 softmax; Adam 1e-3";
    public static final int CLASSES = 10;

    public DigitClassifier(long seed) {
        super(WeightInit.PYTORCH_UNIFORM, 0, seed, 784, CLASSES);
        SDVariable h = sd.reshape(input(), -1, 1, 28, 28);
        h = block(h, "c1", 1, 16);
        h = block(h, "c2", 16, 32);
        SDVariable logits = sd.reshape(h, -1, 32 * 49).mmul(weight("fc_w", new long[] {32 * 49, CLASSES}, 32 * 49, CLASSES))
                .add(bias("fc_b", CLASSES, 32 * 49));
        sd.nn().softmax("probabilities", logits, 1);
        SDVariable loss = sd.loss().softmaxCrossEntropy(target(), logits, null);
        finishWithLoss(loss, new Adam(1e-3));
    }

    private SDVariable block(SDVariable in, String name, int cin, int cout) {
        SDVariable c = sd.cnn().conv2d(in, weight(name + "_w", new long[] {3, 3, cin, cout}, cin * 9L, cout * 9L),
                bias(name + "_b", cout, cin * 9L), Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).pH(1).pW(1).dataFormat("NCHW").build());
        return sd.cnn().maxPooling2d(Relu.of(sd, c), Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).build());
    }

    /** Predicted class of each image. */
    public int[] predict(INDArray images) {
        return activation(images, "probabilities").argMax(1).toIntVector();
    }
}
