package org.aebench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.aebench.contract.RunColumn;
import org.aebench.results.CsvTable;
import org.aebench.results.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLedgerTest {
    @TempDir
    Path dir;

    @Test
    void eachRunAppendsWhatItRanWithThePredictionForExactlyThoseCells() throws Exception {
        var cells = RunnerTest.cells(3);
        var ran = cells.subList(0, 2);
        var s = new Runner.Summary(3, 1, 2, 0, 0, ran, 2, 2);
        RunLedger.record(dir, "smoke", Shard.parse("2/3", Map.of()), s, Instant.now().minusSeconds(30), RunnerTest.PROVENANCE);
        RunLedger.record(dir, "smoke", null, new Runner.Summary(3, 0, 3, 0, 0, cells, 3, 1), Instant.now().minusSeconds(5), RunnerTest.PROVENANCE);
        List<org.aebench.contract.Row<RunColumn>> rows = new CsvTable<>(dir.resolve(ResultStore.RUNS_FILE), RunColumn.class).read();
        assertEquals(2, rows.size());
        var first = rows.get(0);
        assertEquals("2/3", first.get(RunColumn.SHARD));
        assertEquals("2", first.get(RunColumn.CELLS));
        assertEquals(Math.round(Estimator.makespan(ran, ModelRates.shipped().covering(ran), 2)), (long) first.number(RunColumn.PREDICTED_SECONDS));
        assertTrue(first.number(RunColumn.MEASURED_SECONDS) >= 30, first.toString());
        assertEquals("abc", first.get(RunColumn.GIT_COMMIT));
        assertEquals("", rows.get(1).get(RunColumn.SHARD), "a whole profile");
        assertTrue(rows.get(1).number(RunColumn.PREDICTED_SECONDS) > first.number(RunColumn.PREDICTED_SECONDS),
                "three cells on one worker take longer than two on two");
    }
}
