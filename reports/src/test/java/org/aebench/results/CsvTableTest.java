package org.aebench.results;

import org.aebench.contract.ResultColumn;
import org.aebench.contract.CurveColumn;
import org.aebench.contract.Row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {
    @TempDir
    Path dir;

    private static Row<CurveColumn> curve(String cell, int epoch) {
        return new Row<>(CurveColumn.class).set(CurveColumn.CELL_ID, cell).set(CurveColumn.BACKEND, "cpu")
                .set(CurveColumn.EPOCH, epoch).set(CurveColumn.TRAIN_LOSS, 0.5 / epoch);
    }

    @Test
    void roundTripsValuesWithCommasQuotesAndNewlines() throws IOException {
        CsvTable<CurveColumn> t = new CsvTable<>(dir.resolve("c.csv"), CurveColumn.class);
        t.openForAppend();
        String hostile = "a,b \"quoted\"\nnext line";
        t.append(List.of(curve(hostile, 1), curve("plain", 2)));
        List<Row<CurveColumn>> back = t.read();
        assertEquals(2, back.size());
        assertEquals(hostile, back.get(0).get(CurveColumn.CELL_ID));
        assertEquals(0.25, back.get(1).number(CurveColumn.TRAIN_LOSS));
        assertEquals("", back.get(1).get(CurveColumn.TEST_LOSS));
    }

    @Test
    void halfWrittenRowFromACrashIsCutOffOnReopen() throws IOException {
        Path f = dir.resolve("c.csv");
        CsvTable<CurveColumn> t = new CsvTable<>(f, CurveColumn.class);
        t.openForAppend();
        t.append(List.of(curve("one", 1)));
        // a kill in the middle of the next write: part of a row, no record separator
        Files.writeString(f, "two,cpu,1,0.3", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertEquals(1, t.read().size(), "readers never see the fragment");
        assertEquals(1, t.openForAppend().size());
        t.append(List.of(curve("three", 1)));
        List<Row<CurveColumn>> rows = t.read();
        assertEquals(List.of("one", "three"), rows.stream().map(r -> r.get(CurveColumn.CELL_ID)).toList());
        assertTrue(Files.readString(f).endsWith("\n"));
    }

    @Test
    void fileWithAnotherSchemaIsRefused() throws IOException {
        Path f = dir.resolve("c.csv");
        Files.writeString(f, "cell_id,old_column\nx,1\n");
        IOException e = assertThrows(IOException.class, () -> new CsvTable<>(f, CurveColumn.class).openForAppend());
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
    }

    @Test
    void olderFileWithFewerColumnsIsReadAndBroughtUpToDateForAppending() throws IOException {
        Path f = dir.resolve("c.csv");
        Files.writeString(f, "cell_id,backend,epoch\nx,cpu,3\n");
        CsvTable<CurveColumn> t = new CsvTable<>(f, CurveColumn.class);
        List<Row<CurveColumn>> rows = t.read();
        assertEquals(3.0, rows.get(0).number(CurveColumn.EPOCH));
        assertEquals("", rows.get(0).get(CurveColumn.TRAIN_LOSS));
        assertEquals(1, t.openForAppend().size());
        assertTrue(Files.readString(f).startsWith(String.join(",", t.header()) + "\n"), "rewritten with every column");
        t.append(List.of(curve("y", 1)));
        assertEquals(List.of("x", "y"), t.read().stream().map(r -> r.get(CurveColumn.CELL_ID)).toList());
    }

    @Test
    void headerIsTheSchemaInDeclarationOrder() {
        List<String> header = new CsvTable<>(dir.resolve("r.csv"), ResultColumn.class).header();
        assertEquals(ResultColumn.values().length, header.size());
        assertEquals("cell_id", header.get(0));
        assertTrue(header.contains("test_mse") && header.contains("native_classifier") && header.contains("dataset_sha256"));
    }
}
