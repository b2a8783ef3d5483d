package org.aebench.models;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A model whose learned filters are worth a picture: name to tiles (one flat filter per row). */
public interface FilterImages {
    /** Tiles of {@code side x side}, one per row. */
    record Filters(INDArray tiles, int side) {}

    Map<String, Filters> filters();
}
