package org.aebench.matrix;

import org.aebench.data.DatasetId;

/**
 * Settings that decide how a trained model is scored, not how it trains: noise on the code at
 * test time, a probe with images of another data set, a downstream classifier. A family whose
 * settings record implements this offers them; {@link ExperimentSpec#scoring} gives none otherwise.
 */
public interface Scoring {
    Scoring NONE = new Scoring() {};

    /** Std of the Gaussian noise added to the code at test time (0 = none). */
    default double codeNoiseLevel() { return 0; }

    /** Data set whose test images probe the model as images unlike its own (null = none). */
    default DatasetId nonDigitProbe() { return null; }

    /** Epochs of report 004(b)'s digit classifier that reads the model's reconstructions (null = none). */
    default Integer classifierEpochs() { return null; }
}
