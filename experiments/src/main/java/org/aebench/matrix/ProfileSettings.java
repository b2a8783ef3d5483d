package org.aebench.matrix;

import java.util.List;

/**
 * How a profile scales the matrix down: null fields leave the experiment's own setting.
 *
 * @param trainLimit first N training images (null = all)
 * @param testLimit  first N test images (null = all)
 * @param maxEpochs  cap on the experiment's epochs (null = the experiment's)
 * @param seeds      seeds to run (null = the experiment's)
 */
public record ProfileSettings(String description, Integer trainLimit, Integer testLimit, Integer maxEpochs, List<Integer> seeds) {

    /** This profile with the non-null fields of {@code override} laid over it. */
    ProfileSettings with(ProfileSettings override) {
        if (override == null) return this;
        return new ProfileSettings(description,
                override.trainLimit != null ? override.trainLimit : trainLimit,
                override.testLimit != null ? override.testLimit : testLimit,
                override.maxEpochs != null ? override.maxEpochs : maxEpochs,
                override.seeds != null ? override.seeds : seeds);
    }
}
