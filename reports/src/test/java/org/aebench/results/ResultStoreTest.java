package org.aebench.results;

import org.aebench.contract.ResultColumn;
import org.aebench.contract.CurveColumn;
import org.aebench.contract.Row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {
    @TempDir
    Path dir;

    static Row<ResultColumn> result(String cell, String status) {
        return new Row<>(ResultColumn.class).set(ResultColumn.CELL_ID, cell).set(ResultColumn.BACKEND, "cpu")
                .set(ResultColumn.STATUS, status);
    }

    static Row<CurveColumn> curve(String cell) {
        return new Row<>(CurveColumn.class).set(CurveColumn.CELL_ID, cell).set(CurveColumn.BACKEND, "cpu").set(CurveColumn.EPOCH, 1);
    }

    @Test
    void finishedCellsSurviveReopenFailedOnesAreRetriedAndOrphanCurvesDropped() throws IOException {
        ResultStore s = ResultStore.open(dir, false);
        s.record(result("a", "ok"), List.of(curve("a")));
        s.record(result("b", "collapsed"), List.of(curve("b")));
        s.record(result("c", "failed"), List.of());
        // crash after c's curves were written but before its results row
        new CsvTable<>(dir.resolve(ResultStore.CURVES_FILE), CurveColumn.class).append(List.of(curve("d")));

        s.close();
        ResultStore again = ResultStore.open(dir, false);
        assertTrue(again.isFinished("a", "cpu"));
        assertTrue(again.isFinished("b", "cpu"));
        assertFalse(again.isFinished("c", "cpu"), "failed cells run again");
        assertFalse(again.isFinished("a", "cuda"), "another backend is another row");
        assertEquals(List.of("a", "b"), again.results().stream().map(r -> r.get(ResultColumn.CELL_ID)).toList());
        assertEquals(List.of("a", "b"), again.curves().stream().map(r -> r.get(CurveColumn.CELL_ID)).toList());

        again.close();
        try (ResultStore fresh = ResultStore.open(dir, true)) {
            assertFalse(fresh.isFinished("a", "cpu"));
            assertEquals(0, fresh.results().size());
        }
    }

    @Test
    void secondWriterOnTheSameFolderIsRefused() throws IOException {
        try (ResultStore first = ResultStore.open(dir, false)) {
            IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> ResultStore.open(dir, false));
            assertTrue(e.getMessage().contains("another aebench run"), e.getMessage());
        }
        ResultStore.open(dir, false).close(); // released on close
    }
}
