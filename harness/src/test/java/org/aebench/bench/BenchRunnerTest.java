package org.aebench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.aebench.contract.BenchColumn;
import org.aebench.results.CsvTable;
import org.aebench.contract.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchRunnerTest {
    @TempDir
    Path dir;

    private static Row<BenchColumn> row(String model, String threads, double rate) {
        return new Row<>(BenchColumn.class).set(BenchColumn.MODEL, model).set(BenchColumn.PHASE, "train")
                .set(BenchColumn.THREADS, threads).set(BenchColumn.SAMPLES_PER_SECOND, rate);
    }

    @Test
    void remeasuringSomeModelsReplacesTheirRowsAndKeepsTheRest() throws Exception {
        Path file = dir.resolve("summary.csv");
        BenchRunner.keepOthers(file, List.of(row("a", "1", 1), row("b", "1", 2), row("a", "2", 3)));
        BenchRunner.keepOthers(file, List.of(row("a", "1", 10)));
        List<String> rows = new CsvTable<>(file, BenchColumn.class).read().stream()
                .map(r -> r.get(BenchColumn.MODEL) + "/" + r.get(BenchColumn.THREADS) + "=" + r.get(BenchColumn.SAMPLES_PER_SECOND)).toList();
        assertEquals(List.of("b/1=2.0", "a/2=3.0", "a/1=10.0"), rows);
    }
}
