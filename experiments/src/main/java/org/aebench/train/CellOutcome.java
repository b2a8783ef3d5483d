package org.aebench.train;

import org.aebench.contract.Status;
import org.aebench.contract.ResultColumn;
import java.util.List;

/**
 * What training one cell produced.
 *
 * @param status       ok, collapsed or failed
 * @param reason       why it collapsed or failed (empty when ok)
 * @param final_       test metrics of the trained model (null when failed before evaluation)
 * @param trainSeconds wall time of the training steps (closed form: the fit)
 * @param extra        further metrics keyed by their results.csv column (noise-free MSE, activations, ...)
 */
public record CellOutcome(
        Status status,
        String reason,
        String architecture,
        Evaluation final_,
        List<EpochRecord> epochs,
        double finalTrainLoss,
        double trainSeconds,
        long trainSamplePasses,
        int trainSamples,
        int testSamples,
        java.util.Map<ResultColumn, Double> extra) {

    public double trainSamplesPerSecond() {
        return trainSeconds > 0 ? trainSamplePasses / trainSeconds : Double.NaN;
    }
}
