package org.aebench.matrix;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aebench.data.DatasetId;

/**
 * One experiment as written in a matrix file (after the file's {@code defaults} are merged in).
 * Fields a family does not use must be absent; {@link MatrixLoader} checks which are required.
 */
public record ExperimentSpec(
        String name,
        String section,
        String note,
        Family family,
        DatasetId dataset,
        Integer components,
        List<String> layers,
        Loss loss,
        Optimizer optimizer,
        Double learningRate,
        Integer batchSize,
        Integer epochs,
        WeightInit init,
        List<Integer> seeds,
        LinkedHashMap<String, List<Object>> sweep,
        Map<String, ProfileSettings> profiles) {

    /** The parsed layers; valid only after {@link MatrixLoader} has checked them. */
    public List<LayerSpec> layerSpecs() {
        return layers == null ? List.of() : layers.stream().map(LayerSpec::parse).toList();
    }
}
