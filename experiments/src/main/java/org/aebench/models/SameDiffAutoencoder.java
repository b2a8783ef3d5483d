package org.aebench.models;

import org.aebench.graph.SameDiffModel;
import org.aebench.model.TrainableModel;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.matrix.Loss;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An autoencoder built as a SameDiff graph: input and target are images of the cell's data set,
 * the graph's {@code out} is the reconstruction.
 */
public abstract class SameDiffAutoencoder extends SameDiffModel implements TrainableModel {
    protected SameDiffAutoencoder(ExperimentSpec spec, long seed) {
        super(spec.init(), spec.weightDecayRate(), seed, spec.dataset().features(), spec.dataset().features());
    }

    /** Ends the graph: names the output, adds the loss (plus {@code penalty} when not null), flattens the weights. */
    protected final void finish(SDVariable output, Loss loss, SDVariable penalty, ExperimentSpec spec) {
        SDVariable out = sd.identity("out", output);
        SDVariable reconstruction = switch (loss) {
            case MSE -> sd.math().squaredDifference(out, target()).mean();
            case BCE -> {
                SDVariable p = sd.math().clipByValue(out, 1e-7, 1 - 1e-7);
                SDVariable y = target();
                yield y.mul(sd.math().log(p)).add(y.rsub(1.0).mul(sd.math().log(p.rsub(1.0)))).mean().neg();
            }
        };
        finishWithLoss(penalty == null ? reconstruction : reconstruction.add(penalty), spec);
    }

    @Override
    public INDArray reconstruct(INDArray batch) {
        return activation(batch, "out");
    }
}
