package org.aebench.train;

import org.aebench.contract.ResultColumn;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aebench.data.Dataset;
import org.aebench.models.DigitClassifier;
import org.aebench.noise.NoiseStream;
import org.aebench.model.Reconstructor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Report 004 part (b): a CNN trained on the clean training images (with the one training loop and
 * the cell's seeds) reads the test images as they are, as the AE reconstructs them, with noise
 * (sigma {@value #NOISE}) and as the AE reconstructs the noisy ones. Accuracy in [0, 1].
 */
final class DownstreamClassifier {
    static final double NOISE = 0.5;
    static final int BATCH = 128;

    private DownstreamClassifier() {}

    static Map<ResultColumn, Double> measure(Reconstructor ae, Dataset data, CellSeeds seeds, int epochs, TrainingListener listener) {
        DigitClassifier cnn = new DigitClassifier(seeds.derive("classifier/weights"));
        INDArray oneHot = Nd4j.zeros(DataType.FLOAT, data.trainCount(), DigitClassifier.CLASSES);
        for (int i = 0; i < data.trainCount(); i++) oneHot.putScalar(i, data.trainLabels()[i], 1f);
        for (int e = 1; e <= epochs; e++) {
            Trainer.Pass pass = Trainer.epoch(cnn, data.trainX(), oneHot, BATCH, seeds.derive("classifier/shuffle/" + e), x -> x, f -> { });
            if (pass.failure() != null) return Map.of();
        }
        INDArray noisy = new NoiseStream(seeds.noise("classifier-probe")).corrupt(data.testX(), NOISE);
        Map<ResultColumn, Double> out = new LinkedHashMap<>();
        out.put(ResultColumn.CLASSIFIER_ACCURACY, accuracy(cnn, data.testX(), data.testLabels()));
        out.put(ResultColumn.CLASSIFIER_ACCURACY_RECONSTRUCTED, accuracy(cnn, reconstruct(ae, data.testX()), data.testLabels()));
        out.put(ResultColumn.CLASSIFIER_ACCURACY_NOISY, accuracy(cnn, noisy, data.testLabels()));
        out.put(ResultColumn.CLASSIFIER_ACCURACY_DENOISED, accuracy(cnn, reconstruct(ae, noisy), data.testLabels()));
        return out;
    }

    private static INDArray reconstruct(Reconstructor ae, INDArray x) {
        INDArray out = Nd4j.create(DataType.FLOAT, x.shape());
        for (long s = 0; s < x.rows(); s += Evaluator.BATCH) {
            long e = Math.min(x.rows(), s + Evaluator.BATCH);
            Corruption.rows(out, s, e).assign(ae.reconstruct(Corruption.rows(x, s, e)));
        }
        return out;
    }

    static double accuracy(DigitClassifier cnn, INDArray x, int[] labels) {
        int correct = 0;
        for (long s = 0; s < x.rows(); s += Evaluator.BATCH) {
            long e = Math.min(x.rows(), s + Evaluator.BATCH);
            int[] p = cnn.predict(Corruption.rows(x, s, e));
            for (int i = 0; i < p.length; i++) if (p[i] == labels[(int) s + i]) correct++;
        }
        return correct / (double) x.rows();
    }
}
