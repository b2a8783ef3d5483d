package org.aebench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aebench.matrix.Cell;
import org.aebench.matrix.MatrixLoader;
import org.junit.jupiter.api.Test;

class SharedTrainingTest {
    private static final List<Cell> FULL = new MatrixLoader().load(Path.of("../experiments/matrix"), "full");

    /** Which cells of the project's full profile share a training, by their ids. */
    private static Map<String, List<String>> shared() {
        Map<String, List<String>> out = new TreeMap<>();
        for (SharedTraining t : SharedTraining.of(FULL)) {
            if (t.cells().size() > 1) out.put(t.first().id(), t.cells().stream().skip(1).map(Cell::id).sorted().toList());
        }
        return out;
    }

    @Test
    void onlyCellsThatTrainTheSameNetworkShareATraining() {
        Map<String, List<String>> shared = shared();
        // report 000's standard AE (h = 256) is the network both reports score on noisy images
        assertEquals(List.of("r000/plain-on-noise/noise=0.3/mnist/seed=1", "r000/plain-on-noise/noise=0.5/mnist/seed=1",
                "r000/plain-on-noise/noise=0.8/mnist/seed=1", "r000/plain-on-noise/noise=0.9/mnist/seed=1",
                "r001/hidden-size/h=256/mnist/seed=1", "r001/plain-on-noise/noise=0.1/mnist/seed=1",
                "r001/plain-on-noise/noise=0.3/mnist/seed=1", "r001/plain-on-noise/noise=0.7/mnist/seed=1"),
                shared.get("r000/hidden-size/h=256/mnist/seed=1"));
        assertEquals(List.of("r001/conv-ae/variant=deconv/mnist/seed=1"), shared.get("r000/conv-ae/variant=deconv/mnist/seed=1"));
        assertEquals(List.of("r001/denoising/noise=0.3/mnist/seed=1"), shared.get("r000/denoising/noise=0.3/mnist/seed=1"));
        assertEquals(List.of("r001/manifold-code-noise/noise=0.1/mnist/seed=1", "r001/manifold-code-noise/noise=0.3/mnist/seed=1",
                "r001/manifold-code-noise/noise=0.7/mnist/seed=1"), shared.get("r001/manifold/mnist/seed=1"));
        // the two reports' deep AEs differ by a layer, their sparse AEs by width and penalty: each trains its own
        assertEquals(null, shared.get("r000/deep-ae/mnist/seed=1"));
        assertEquals(null, shared.get("r001/deep-ae/mnist/seed=1"));
        shared.keySet().forEach(k -> assertEquals(false, k.startsWith("r000/sparse") || k.startsWith("r001/sparse") || k.startsWith("r003"), k));
        assertEquals(18, shared.values().stream().mapToInt(List::size).sum(), "cells scored on another cell's training: " + shared);
    }
}
