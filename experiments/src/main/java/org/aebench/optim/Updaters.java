package org.aebench.optim;

import org.aebench.matrix.ExperimentSpec;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/** The update rule an experiment names, with the settings every family trains with. */
public final class Updaters {
    private Updaters() {}

    public static IUpdater of(ExperimentSpec spec) {
        return switch (spec.optimizer()) {
            case ADAM -> new Adam(spec.learningRate());            // beta 0.9 / 0.999, eps 1e-8 (PyTorch's)
            case ADADELTA -> new AdaDelta();                        // rho 0.95, eps 1e-6, no learning rate
        };
    }
}
