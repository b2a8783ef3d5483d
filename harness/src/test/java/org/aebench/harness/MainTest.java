package org.aebench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    private String stderrOf(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            lastExit = Main.execute(args);
        } finally {
            System.setErr(saved);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    int lastExit;

    @Test
    void badMatrixStopsWithExitCode2AndAMessageNotAStackTrace() throws IOException {
        Files.writeString(dir.resolve("profiles.yaml"), "smoke: {}\n");
        Files.writeString(dir.resolve("r1.yaml"), "report: r1\nexperiments:\n  - {name: a, family: nope, dataset: mnist}\n");
        String err = stderrOf("run", "--profile", "smoke", "--matrix", dir.toString(), "--results", dir.resolve("out").toString());
        assertEquals(Main.BAD_INPUT, lastExit);
        assertTrue(err.contains("r1.yaml") && err.contains("nope"), err);
        assertTrue(!err.contains("\tat org.aebench"), "no stack trace for a user mistake: " + err);
        assertTrue(!Files.exists(dir.resolve("out/smoke/results.csv")), "nothing is written before the matrix is valid");
    }

    @Test
    void missingDataStopsBeforeAnyRowIsWritten() {
        String err = stderrOf("run", "--profile", "smoke", "--matrix", "../experiments/matrix", "--filter", "r000/pca",
                "--data", dir.resolve("nodata").toString(), "--results", dir.resolve("out").toString());
        assertEquals(Main.BAD_INPUT, lastExit, err);
        assertTrue(err.contains("make data"), err);
        assertTrue(!Files.exists(dir.resolve("out/smoke/results.csv"))
                || readLines(dir.resolve("out/smoke/results.csv")) == 1, "only the header may exist");
    }

    @Test
    void aFilteredEstimateIsPrintedButNotKeptAsTheProfilesEstimate() {
        // closed-form cells need no measuring and no data: the estimate prints at once
        String err = stderrOf("run", "--dry-run", "--profile", "smoke", "--matrix", "../experiments/matrix", "--filter", "r000/pca",
                "--data", dir.resolve("nodata").toString(), "--results", dir.resolve("out").toString());
        assertEquals(0, lastExit, err);
        assertTrue(err.contains("estimated wall time") && err.contains("not kept"), err);
        assertTrue(!Files.exists(dir.resolve("out/estimate.csv")), "the site would show it as the whole profile's estimate");
    }

    @Test
    void aCellTooLargeForTheNativeMemoryLimitIsRefusedBeforeAnythingTrains() throws IOException {
        Files.writeString(dir.resolve("profiles.yaml"), "smoke: {}\n");
        Files.writeString(dir.resolve("r9.yaml"), "report: r9\nexperiments:\n"
                + "  - {name: huge, family: dense-ae, dataset: mnist, epochs: 1, batch_size: 64, loss: mse, optimizer: adam, learning_rate: 0.001, init: pytorch-uniform, seeds: [1], layers: [\"1000000000:relu\", \"784:relu\"]}\n");
        String err = stderrOf("run", "--profile", "smoke", "--matrix", dir.toString(), "--data", dir.resolve("nodata").toString(),
                "--results", dir.resolve("out").toString());
        assertEquals(Main.BAD_INPUT, lastExit, err);
        assertTrue(err.contains("r9/huge") && err.contains("GB of native memory") && err.contains("aebench.maxresident"), err);
        assertEquals(1, err.strip().lines().count(), "one line: " + err);
        assertTrue(!Files.exists(dir.resolve("out/smoke/results.csv")) || readLines(dir.resolve("out/smoke/results.csv")) == 1,
                "no row for a cell that was refused");
    }

    @Test
    void globFilterMatchesAcrossSlashes() {
        assertTrue(new org.aebench.results.CellFilter(List.of("r00?/*/h=64/*")).matches("r001/hidden-size/h=64/mnist/seed=1"));
        assertTrue(!new org.aebench.results.CellFilter(List.of("r000/*/h=64")).matches("r001/hidden-size/h=64/mnist/seed=1"));
        assertTrue(new org.aebench.results.CellFilter(List.of("r001/hidden")).matches("r001/hidden-size/h=64/mnist/seed=1"), "a prefix chooses too");
    }

    private static long readLines(Path p) {
        try {
            return Files.readAllLines(p).size();
        } catch (IOException e) {
            return -1;
        }
    }
}
