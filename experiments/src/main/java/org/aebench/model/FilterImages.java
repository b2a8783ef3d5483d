package org.aebench.model;

import java.util.Map;
import org.aebench.contract.Artifact;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A model whose learned filters are worth a picture: the picture ({@link Artifact#ENCODER_FILTERS} or decoder) to its tiles. */
public interface FilterImages {
    /** Tiles of {@code side x side}, one per row. */
    record Filters(INDArray tiles, int side) {}

    Map<Artifact, Filters> filters();
}
