package org.aebench.harness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.aebench.matrix.Cell;
import org.aebench.matrix.MatrixLoader;
import org.aebench.reference.ReferenceTable;
import org.aebench.reference.ReferenceValue;
import org.junit.jupiter.api.Test;

/** The transcription names experiments by id; a misspelt id would silently match nothing on the site. */
class ReferenceIdsTest {
    @Test
    void everyExperimentTheReferenceTableNamesIsInTheMatrix() {
        Set<String> matrix = new MatrixLoader().load(Path.of("../experiments/matrix"), "full").stream()
                .map(Cell::experimentId).collect(Collectors.toSet());
        ReferenceTable table = ReferenceTable.load();
        Set<String> unknown = new TreeSet<>();
        table.values().stream().map(ReferenceValue::experimentId).filter(id -> !matrix.contains(id)).forEach(unknown::add);
        table.collapseCauses().keySet().stream().filter(id -> !matrix.contains(id)).forEach(unknown::add);
        assertTrue(unknown.isEmpty(), "not experiments of the matrix: " + unknown);
        assertTrue(table.collapseCauses().size() > 0, "the shipped table carries the causes found");
    }
}
