package org.aebench.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aebench.families.DenseAeFamily;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixLoaderTest {
    @TempDir
    Path dir;

    @BeforeEach
    void profiles() throws IOException {
        Files.writeString(dir.resolve("profiles.yaml"), """
                smoke: {train_limit: 100, test_limit: 50, max_epochs: 1, seeds: [7]}
                full: {}
                """);
    }

    private static final String GOOD = """
            report: r009
            defaults:
              dataset: mnist
              loss: mse
              optimizer: adam
              learning_rate: 0.001
              batch_size: 64
              epochs: 10
              init: pytorch-uniform
              seeds: [1, 2]
            experiments:
              - name: pca
                section: "1"
                family: pca
                components: 30
              - name: hidden
                family: dense-ae
                sweep: {h: [64, 128], lambda: [0.00001]}
                layers: ["{h}:relu", "784:{lambda}"]
            """;

    private MatrixException error(String yaml) throws IOException {
        Files.writeString(dir.resolve("r009.yaml"), yaml);
        return assertThrows(MatrixException.class, () -> new MatrixLoader().load(dir, "full"));
    }

    private static void assertMentions(MatrixException e, String... parts) {
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + p + "' missing from: " + e.getMessage());
    }

    @Test
    void expandsSweepsSeedsAndProfiles() throws IOException {
        Files.writeString(dir.resolve("r009.yaml"), """
                report: r009
                defaults: {dataset: fashion-mnist, loss: mse, optimizer: adam, learning_rate: 0.001,
                           batch_size: 64, epochs: 10, init: glorot-uniform, seeds: [1, 2]}
                experiments:
                  - {name: pca, family: pca, components: 30}
                  - name: sparse
                    family: dense-ae
                    sweep: {h: [64, 128], epochs: [3, 5]}
                    layers: ["{h}:relu", "784:sigmoid"]
                    profiles: {smoke: {train_limit: 10}}
                """);
        List<Cell> full = new MatrixLoader().load(dir, "full");
        assertEquals(2 + 4 * 2, full.size());
        assertEquals("r009/pca/fashion-mnist/seed=1", full.get(0).id());
        Cell c = full.get(2);
        assertEquals("r009/sparse/h=64/epochs=3/fashion-mnist/seed=1", c.id());
        assertEquals("r009/sparse/h=64/epochs=3/fashion-mnist", c.experimentId());
        assertEquals(3, c.epochs());
        assertEquals(List.of("64:relu", "784:sigmoid"), c.spec().settings(DenseAeFamily.Settings.class).layers());
        assertEquals("h=64;epochs=3", c.sweepText());

        List<Cell> smoke = new MatrixLoader().load(dir, "smoke");
        assertEquals(1 + 4, smoke.size()); // one seed (7)
        Cell s = smoke.get(1);
        assertEquals(7, s.seed());
        assertEquals(1, s.epochs());
        assertEquals(10, s.trainLimit()); // the experiment's own override
        assertEquals(50, s.testLimit());
        assertEquals(100, smoke.get(0).trainLimit());
    }

    @Test
    void sweepValuesAreWrittenWithoutExponents() throws IOException {
        Files.writeString(dir.resolve("r009.yaml"), """
                report: r009
                experiments:
                  - {name: ae, family: dense-ae, dataset: mnist, layers: ["784:relu"], loss: mse, optimizer: adam,
                     batch_size: 8, epochs: 1, init: pytorch-uniform, sweep: {learning_rate: [1e-5, 0.0010]}}
                """);
        List<Cell> cells = new MatrixLoader().load(dir, "full");
        assertEquals("r009/ae/learning_rate=0.00001/mnist/seed=1", cells.get(0).id());
        assertEquals("r009/ae/learning_rate=0.001/mnist/seed=1", cells.get(1).id());
        assertEquals(1e-5, cells.get(0).spec().learningRate());
    }

    @Test
    void unknownKeyNamesFileKeyAndAllowedKeys() throws IOException {
        MatrixException e = error(GOOD.replace("components: 30", "components: 30\n    hiden: 3"));
        assertMentions(e, "r009.yaml", "experiments[0] 'pca'", "unknown key 'hiden' for family pca", "allowed:", "components", "learning_rate");
        assertTrue(!e.getMessage().contains("layers"), "another family's keys are not offered: " + e.getMessage());
    }

    @Test
    void unknownTopLevelKey() throws IOException {
        assertMentions(error("reprot: r009\n" + GOOD), "r009.yaml", "unknown key 'reprot'");
    }

    @Test
    void wrongTypeNamesKey() throws IOException {
        MatrixException e = error(GOOD.replace("components: 30", "components: thirty"));
        assertMentions(e, "r009.yaml", "'components'", "thirty");
    }

    @Test
    void unknownFamilyListsAllowed() throws IOException {
        MatrixException e = error(GOOD.replace("family: pca", "family: pcaa"));
        assertMentions(e, "r009.yaml", "'family'", "pcaa", "pca, baseline-zero, baseline-mean, dense-ae");
    }

    @Test
    void unknownDatasetListsAllowed() throws IOException {
        MatrixException e = error(GOOD.replace("dataset: mnist", "dataset: cifar"));
        assertMentions(e, "r009.yaml", "'dataset'", "cifar", "mnist, fashion-mnist");
    }

    @Test
    void malformedLayerNamesIndex() throws IOException {
        MatrixException e = error(GOOD);  // "784:{lambda}" becomes "784:0.00001": not an activation
        assertMentions(e, "r009.yaml", "experiments[1] 'hidden'", "layers[1] '784:0.00001'", "relu, sigmoid, tanh, identity");
    }

    @Test
    void lastLayerMustBeTheImage() throws IOException {
        MatrixException e = error(GOOD.replace("\"784:{lambda}\"", "\"10:sigmoid\"").replace(", lambda: [0.00001]", ""));
        assertMentions(e, "last layer must have 784 units");
    }

    @Test
    void missingRequiredKeyForFamily() throws IOException {
        MatrixException e = error(GOOD.replace("components: 30", "section: x"));
        assertMentions(e, "key 'components' is required");
    }

    @Test
    void regularisationKeysOnlyWhereTheFamilyHasThem() throws IOException {
        MatrixException e = error(GOOD.replace("sweep: {h: [64, 128], lambda: [0.00001]}", "sweep: {h: [64, 128], lambda: [0.00001]}\n    dropout: 0.2"));
        assertMentions(e, "r009.yaml", "unknown key 'dropout' for family dense-ae");
        e = error(GOOD.replace("layers: [\"{h}:relu\", \"784:{lambda}\"]", "layers: [\"{h}:relu\", \"784:sigmoid\"]\n    activity_l1: \"{lambda}\""
                + "\n    dataset: fashion-mnist\n    non_digit_probe: fashion-mnist"));
        assertMentions(e, "'non_digit_probe'", "mnist only");
    }

    @Test
    void unusedSweepIsAnError() throws IOException {
        MatrixException e = error(GOOD.replace("{lambda}", "sigmoid"));
        assertMentions(e, "sweep 'lambda' is used nowhere");
    }

    @Test
    void zeroSeedIsRejected() throws IOException {
        assertMentions(error(GOOD.replace("seeds: [1, 2]", "seeds: [0]")), "seeds must be positive");
    }

    @Test
    void unknownProfile() throws IOException {
        Files.writeString(dir.resolve("r009.yaml"), GOOD);
        MatrixException e = assertThrows(MatrixException.class, () -> new MatrixLoader().load(dir, "nightly"));
        assertMentions(e, "profiles.yaml", "unknown profile 'nightly'", "smoke, full");
    }

    @Test
    void invalidYaml() throws IOException {
        assertMentions(error("report: [r009\n"), "r009.yaml", "not valid YAML");
    }

    @Test
    void theProjectsOwnMatrixLoadsForEveryProfile() {
        Path matrix = Path.of("matrix");
        for (String profile : List.of("smoke", "ci", "full", "full-seeds")) {
            List<Cell> cells = new MatrixLoader().load(matrix, profile);
            assertTrue(cells.size() > 10, profile);
            assertTrue(cells.stream().anyMatch(c -> c.id().equals("r000/deep-ae/mnist/seed=1")), profile);
        }
        // full runs each experiment once, as the reports did; full-seeds adds the experiments' other seeds
        List<Cell> once = new MatrixLoader().load(matrix, "full");
        assertEquals(once.size(), once.stream().map(Cell::experimentId).distinct().count());
        List<Cell> seeds = new MatrixLoader().load(matrix, "full-seeds");
        assertEquals(List.of(1, 2, 3), seeds.stream().filter(c -> c.experimentId().equals("r000/deep-ae/mnist")).map(c -> (int) c.seed()).toList());
    }
}
