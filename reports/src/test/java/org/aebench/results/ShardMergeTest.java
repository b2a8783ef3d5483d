package org.aebench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aebench.compare.ComparisonInputException;
import org.aebench.contract.CurveColumn;
import org.aebench.contract.ResultColumn;
import org.aebench.contract.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardMergeTest {
    @TempDir
    Path dir;

    private static Row<ResultColumn> row(String cell, String status, double mse, String commit) {
        return new Row<>(ResultColumn.class).set(ResultColumn.CELL_ID, cell).set(ResultColumn.BACKEND, "cpu").set(ResultColumn.PROFILE, "smoke")
                .set(ResultColumn.STATUS, status).set(ResultColumn.TEST_MSE, status.equals("failed") ? "" : String.valueOf(mse))
                .set(ResultColumn.GIT_COMMIT, commit).set(ResultColumn.GIT_DIRTY, "false").set(ResultColumn.NATIVE_CLASSIFIER, "linux-x86_64-onednn")
                .set(ResultColumn.THREADS, "1").set(ResultColumn.DATASET, "mnist").set(ResultColumn.DATASET_SHA256, "abc")
                .set(ResultColumn.TRAIN_SECONDS, String.valueOf(Math.random()));
    }

    private Path shard(String name, List<Row<ResultColumn>> rows) throws IOException {
        Path d = dir.resolve(name);
        Files.createDirectories(d);
        new CsvTable<>(d.resolve(ResultStore.RESULTS_FILE), ResultColumn.class).rewrite(rows);
        List<Row<CurveColumn>> curves = rows.stream().map(r -> new Row<>(CurveColumn.class).set(CurveColumn.CELL_ID, r.get(ResultColumn.CELL_ID))
                .set(CurveColumn.BACKEND, "cpu").set(CurveColumn.EPOCH, 1)).toList();
        new CsvTable<>(d.resolve(ResultStore.CURVES_FILE), CurveColumn.class).rewrite(curves);
        return d;
    }

    private List<String> ids(Path out) throws IOException {
        return new CsvTable<>(out.resolve(ResultStore.RESULTS_FILE), ResultColumn.class).read().stream().map(r -> r.get(ResultColumn.CELL_ID)).toList();
    }

    @Test
    void shardsJoinInMatrixOrderAndMergingAgainChangesNothing() throws Exception {
        Path a = shard("a", List.of(row("c3", "ok", 0.3, "x"), row("c1", "ok", 0.1, "x")));
        Path b = shard("b", List.of(row("c2", "collapsed", 0.2, "x")));
        Path out = dir.resolve("out");
        var first = ShardMerge.merge(out, List.of(a, b), List.of("c1", "c2", "c3", "c4"), false);
        assertEquals(List.of("c1", "c2", "c3"), ids(out));
        assertEquals(List.of("c4"), first.missing());
        assertTrue(first.changed());
        String results = Files.readString(out.resolve(ResultStore.RESULTS_FILE)), curves = Files.readString(out.resolve(ResultStore.CURVES_FILE));
        var again = ShardMerge.merge(out, List.of(a, b), List.of("c1", "c2", "c3", "c4"), false);
        assertFalse(again.changed());
        assertEquals(3, again.deduplicated(), "each row of the shards is already in the output");
        assertEquals(results, Files.readString(out.resolve(ResultStore.RESULTS_FILE)));
        assertEquals(curves, Files.readString(out.resolve(ResultStore.CURVES_FILE)));
    }

    @Test
    void aSuccessInOneShardBeatsAFailureInAnotherAndSaysSo() throws Exception {
        Path a = shard("a", List.of(row("c1", "failed", 0, "x")));
        Path b = shard("b", List.of(row("c1", "ok", 0.1, "x")));
        var o = ShardMerge.merge(dir.resolve("out"), List.of(a, b), List.of("c1"), false);
        assertEquals(1, o.successesOverFailures().size());
        assertTrue(o.failed().isEmpty());
        assertEquals("ok", new CsvTable<>(dir.resolve("out").resolve(ResultStore.RESULTS_FILE), ResultColumn.class).read().get(0).get(ResultColumn.STATUS));
    }

    @Test
    void aCellThatFailedBeforeReadingItsDataMergesBesideRowsThatReadIt() throws Exception {
        Path a = shard("a", List.of(row("c1", "ok", 0.1, "x")));
        Path b = shard("b", List.of(row("c2", "failed", 0, "x").set(ResultColumn.DATASET_SHA256, "")));
        var o = ShardMerge.merge(dir.resolve("out"), List.of(a, b), List.of("c1", "c2"), false);
        assertEquals(List.of("c2"), o.failed());
        assertEquals(List.of("c1", "c2"), ids(dir.resolve("out")));
    }

    @Test
    void differentResultsForOneCellAreAConflictAndNothingIsWritten() throws Exception {
        Path a = shard("a", List.of(row("c1", "ok", 0.1, "x")));
        Path b = shard("b", List.of(row("c1", "ok", 0.2, "x")));
        var e = assertThrows(ComparisonInputException.class, () -> ShardMerge.merge(dir.resolve("out"), List.of(a, b), List.of("c1"), false));
        assertTrue(e.getMessage().contains("cell c1") && e.getMessage().contains("test_mse"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void rowsOfDifferentCommitsOrProfilesAreRefusedUnlessAllowed() throws Exception {
        Path a = shard("a", List.of(row("c1", "ok", 0.1, "x")));
        Path b = shard("b", List.of(row("c2", "ok", 0.2, "y")));
        var e = assertThrows(ComparisonInputException.class, () -> ShardMerge.merge(dir.resolve("out"), List.of(a, b), List.of(), false));
        assertTrue(e.getMessage().contains("code versions (commit)"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
        assertEquals(2, ShardMerge.merge(dir.resolve("out"), List.of(a, b), List.of(), true).rows());
    }

    @Test
    void aTruncatedShardOrAMissingOneIsRefused() throws Exception {
        Path a = shard("a", List.of(row("c1", "ok", 0.1, "x"), row("c2", "ok", 0.2, "x")));
        Path csv = a.resolve(ResultStore.RESULTS_FILE);
        String text = Files.readString(csv);
        Files.writeString(csv, text.substring(0, text.length() - 40));
        var e = assertThrows(ComparisonInputException.class, () -> ShardMerge.merge(dir.resolve("out"), List.of(a), List.of(), false));
        assertTrue(e.getMessage().contains("a/results.csv") && e.getMessage().contains("incomplete"), e.getMessage());
        var missing = assertThrows(ComparisonInputException.class, () -> ShardMerge.merge(dir.resolve("out"), List.of(dir.resolve("nope")), List.of(), false));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void rowsOfCommitsWithTheSameTrainingCodeMergeAndOtherTrainingCodeIsRefusedWithItsFiles() throws Exception {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo);
        TrainingCodeTest.git(repo, "init", "-q");
        String first = TrainingCodeTest.commit(repo, "experiments/src/main/java/Model.java", "class Model {}");
        String docs = TrainingCodeTest.commit(repo, "docs/notes.md", "a shard ran after this");
        String model = TrainingCodeTest.commit(repo, "experiments/src/main/java/Model.java", "class Model { int layers; }");
        TrainingCode code = new TrainingCode(repo);
        Path a = shard("a", List.of(row("c1", "ok", 0.1, first)));
        Path b = shard("b", List.of(row("c2", "ok", 0.2, docs)));
        Path c = shard("c", List.of(row("c3", "ok", 0.3, model)));

        assertThrows(ComparisonInputException.class, () -> ShardMerge.merge(dir.resolve("strict"), List.of(a, b), List.of("c1", "c2"), false),
                "without git, different commits are refused as before");
        var o = ShardMerge.merge(dir.resolve("out"), List.of(a, b), List.of("c1", "c2", "c3"), false, code);
        assertEquals(List.of("c1", "c2"), ids(dir.resolve("out")));
        assertEquals(2, o.commits().size());

        var e = assertThrows(ComparisonInputException.class, () -> ShardMerge.merge(dir.resolve("out"), List.of(c), List.of("c1", "c2", "c3"), false, code));
        assertTrue(e.getMessage().contains("training code differs") && e.getMessage().contains("experiments/src/main/java/Model.java"), e.getMessage());
        assertEquals(List.of("c1", "c2"), ids(dir.resolve("out")), "nothing written");
        ShardMerge.merge(dir.resolve("out"), List.of(c), List.of("c1", "c2", "c3"), true, code);
        assertEquals(List.of("c1", "c2", "c3"), ids(dir.resolve("out")), "--allow-mixed merges it");
    }

    @Test
    void eachShardsRunRowIsKeptOnceOldestFirst() throws Exception {
        Path a = shard("a", List.of(row("c1", "ok", 0.1, "x")));
        Path b = shard("b", List.of(row("c2", "ok", 0.2, "x")));
        for (var e : List.of(java.util.Map.entry(a, "2026-12-03T10:00:00Z"), java.util.Map.entry(b, "2026-12-03T09:00:00Z"))) {
            new CsvTable<>(e.getKey().resolve(ResultStore.RUNS_FILE), org.aebench.contract.RunColumn.class).rewrite(List.of(
                    new Row<>(org.aebench.contract.RunColumn.class).set(org.aebench.contract.RunColumn.SHARD, e.getKey().getFileName())
                            .set(org.aebench.contract.RunColumn.STARTED_AT, e.getValue())));
        }
        Path out = dir.resolve("out");
        ShardMerge.merge(out, List.of(a, b), List.of("c1", "c2"), false);
        assertFalse(ShardMerge.merge(out, List.of(a, b), List.of("c1", "c2"), false).changed(), "merging again changes nothing");
        var runs = new CsvTable<>(out.resolve(ResultStore.RUNS_FILE), org.aebench.contract.RunColumn.class).read();
        assertEquals(List.of("b", "a"), runs.stream().map(r -> r.get(org.aebench.contract.RunColumn.SHARD)).toList());
    }
}
