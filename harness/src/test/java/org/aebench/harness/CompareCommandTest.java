package org.aebench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aebench.results.CsvTable;
import org.aebench.contract.ResultColumn;
import org.aebench.contract.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `aebench compare` and `aebench baseline` as a user calls them: exit codes and one-line messages. */
class CompareCommandTest {
    @TempDir
    Path dir;

    String out;
    String err;
    int exit;

    private void aebench(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            exit = Main.execute(args);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
    }

    static Row<ResultColumn> row(String cell, double mse) {
        return new Row<>(ResultColumn.class).set(ResultColumn.CELL_ID, cell).set(ResultColumn.EXPERIMENT_ID, cell.replaceAll("/seed=\\d+$", ""))
                .set(ResultColumn.SEED, 1).set(ResultColumn.TRAINED_IN, cell).set(ResultColumn.PROFILE, "smoke").set(ResultColumn.BACKEND, "cpu")
                .set(ResultColumn.STATUS, "ok").set(ResultColumn.TEST_MSE, mse).set(ResultColumn.GIT_COMMIT, "abc")
                .set(ResultColumn.GIT_DIRTY, "false").set(ResultColumn.NATIVE_CLASSIFIER, "linux-x86_64-onednn")
                .set(ResultColumn.ND4J_BACKEND, "nd4j-native").set(ResultColumn.THREADS, "1").set(ResultColumn.CPU_ISA, "avx512")
                .set(ResultColumn.DATASET_SHA256, "x=1");
    }

    Path folder(String name, List<Row<ResultColumn>> rows) throws IOException {
        Path d = dir.resolve(name);
        new CsvTable<>(d.resolve("results.csv"), ResultColumn.class).rewrite(rows);
        return d;
    }

    private void assertBadInput(String expected) {
        assertEquals(Main.BAD_INPUT, exit, err + out);
        assertTrue(err.contains(expected), "message should say '" + expected + "': " + err);
        assertEquals(1, err.strip().lines().count(), "one line, no stack trace: " + err);
    }

    @Test
    void identicalIsZeroAndAWorseCellIsOneAndNamed() throws IOException {
        Path b = folder("b", List.of(row("r000/a/mnist/seed=1", 0.01), row("r000/b/mnist/seed=1", 0.02)));
        aebench("compare", b.toString(), b.toString());
        assertEquals(0, exit, out + err);
        Path c = folder("c", List.of(row("r000/a/mnist/seed=1", 0.01), row("r000/b/mnist/seed=1", 0.03)));
        aebench("compare", b.toString(), c.toString(), "--markdown", dir.resolve("s.md").toString(), "--json", dir.resolve("s.json").toString());
        assertEquals(1, exit, out + err);
        assertTrue(out.contains("r000/b/mnist/seed=1") && out.contains("worse"), out);
        assertFalse(out.lines().anyMatch(l -> l.startsWith("r000/a/")), "the unchanged cell is not listed: " + out);
        assertTrue(Files.readString(dir.resolve("s.md")).contains("r000/b/mnist/seed=1"));
        assertTrue(Files.readString(dir.resolve("s.json")).contains("\"WORSE\""));
    }

    @Test
    void missingBaselineFolderOrFile() throws IOException {
        Path c = folder("c", List.of(row("r000/a/mnist/seed=1", 0.01)));
        aebench("compare", dir.resolve("nope").toString(), c.toString());
        assertBadInput("baseline folder " + dir.resolve("nope") + " does not exist");
        Files.createDirectories(dir.resolve("empty"));
        aebench("compare", dir.resolve("empty").toString(), c.toString());
        assertBadInput("has no results.csv");
    }

    @Test
    void aFileFromAnotherSchemaVersion() throws IOException {
        Path b = folder("b", List.of(row("r000/a/mnist/seed=1", 0.01)));
        Path c = folder("c", List.of(row("r000/a/mnist/seed=1", 0.01)));
        List<String> lines = Files.readAllLines(c.resolve("results.csv"));
        // an older version: the last column (cpu_isa) did not exist yet
        Files.write(c.resolve("results.csv"), lines.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList());
        aebench("compare", b.toString(), c.toString());
        assertBadInput("missing: cpu_isa");
    }

    @Test
    void differentProfiles() throws IOException {
        Path b = folder("b", List.of(row("r000/a/mnist/seed=1", 0.01)));
        Path c = folder("c", List.of(row("r000/a/mnist/seed=1", 0.01).set(ResultColumn.PROFILE, "ci")));
        aebench("compare", b.toString(), c.toString());
        assertBadInput("different profiles");
    }

    @Test
    void aDuplicateRowNamesBothLines() throws IOException {
        Path b = folder("b", List.of(row("r000/a/mnist/seed=1", 0.01)));
        Path c = folder("c", List.of(row("r000/a/mnist/seed=1", 0.01), row("r000/b/mnist/seed=1", 0.01), row("r000/a/mnist/seed=1", 0.02)));
        aebench("compare", b.toString(), c.toString());
        assertBadInput("results.csv line 4: cell r000/a/mnist/seed=1 (backend cpu) appears again; first at line 2");
    }

    @Test
    void aNaNWhereANumberBelongs() throws IOException {
        Path b = folder("b", List.of(row("r000/a/mnist/seed=1", 0.01)));
        Path c = folder("c", List.of(row("r000/a/mnist/seed=1", 0.01), row("r000/b/mnist/seed=1", Double.NaN)));
        aebench("compare", b.toString(), c.toString());
        assertBadInput("results.csv line 3, column test_mse: 'NaN' is not a number");
    }

    @Test
    void aTornLastRowAndAnUnknownStatus() throws IOException {
        Path b = folder("b", List.of(row("r000/a/mnist/seed=1", 0.01)));
        Path c = folder("c", List.of(row("r000/a/mnist/seed=1", 0.01)));
        Files.writeString(c.resolve("results.csv"), "r000/b/mnist/seed=1,r000", java.nio.file.StandardOpenOption.APPEND);
        aebench("compare", b.toString(), c.toString());
        assertBadInput("the last row is incomplete");
        Path d = folder("d", List.of(row("r000/a/mnist/seed=1", 0.01).set(ResultColumn.STATUS, "great")));
        aebench("compare", b.toString(), d.toString());
        assertBadInput("column status: 'great' is not one of ok, collapsed, failed");
    }

    @Test
    void badOptions() throws IOException {
        Path b = folder("b", List.of(row("r000/a/mnist/seed=1", 0.01)));
        aebench("compare", b.toString(), b.toString(), "--mode", "fuzzy");
        assertBadInput("--mode must be exact or statistical");
        aebench("compare", b.toString(), b.toString(), "--baseline-jmh", "x.json");
        assertBadInput("go together");
    }

    @Test
    void helpListsTheExitCodes() {
        aebench("compare", "--help");
        assertEquals(0, exit);
        assertTrue(out.contains("Exit codes:") && out.contains("bad input"), out);
    }

    @Test
    void baselineRefusesFailedCellsAndUncommittedCodeUnlessTold() throws IOException {
        Path run = folder("run", List.of(row("r000/b/mnist/seed=1", 0.01), row("r000/a/mnist/seed=1", 0.02).set(ResultColumn.STATUS, "failed")
                .set(ResultColumn.TEST_MSE, "")));
        Path target = dir.resolve("baselines/smoke");
        aebench("baseline", "--from", run.toString(), "--to", target.toString());
        assertBadInput("1 failed cells");
        assertFalse(Files.exists(target), "nothing written");
        Path dirty = folder("dirty", List.of(row("r000/a/mnist/seed=1", 0.01).set(ResultColumn.GIT_DIRTY, "true")));
        aebench("baseline", "--from", dirty.toString(), "--to", target.toString());
        assertBadInput("uncommitted code");
        aebench("baseline", "--from", run.toString(), "--to", target.toString(), "--allow-failed");
        assertEquals(0, exit, err);
        List<String> written = Files.readAllLines(target.resolve("results.csv"));
        assertTrue(written.get(1).startsWith("r000/a/") && written.get(2).startsWith("r000/b/"), "rows sorted by cell: " + written);
    }
}
