package org.aebench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aebench.results.CsvTable;
import org.aebench.contract.CurveColumn;
import org.aebench.contract.ResultColumn;
import org.aebench.results.ResultStore;
import org.aebench.contract.Row;
import org.aebench.contract.Status;

/**
 * A results folder ({@code results.csv}, optionally {@code curves.csv}) read for comparison, every
 * row checked: the current schema, typed values, a known status, one profile, no cell twice.
 */
public record ResultFolder(Path dir, String profile, List<Row<ResultColumn>> results, List<Row<CurveColumn>> curves,
                           boolean hasCurves) {

    /** @param side "baseline" or "candidate", for the messages */
    public static ResultFolder load(Path dir, String side) throws ComparisonInputException {
        if (!Files.isDirectory(dir)) throw new ComparisonInputException(side + " folder " + dir + " does not exist");
        Path csv = dir.resolve(ResultStore.RESULTS_FILE);
        if (!Files.isRegularFile(csv)) {
            throw new ComparisonInputException(side + " folder " + dir + " has no " + ResultStore.RESULTS_FILE
                    + " (name a profile's folder, such as results/ci or baselines/ci)");
        }
        List<CsvTable.Line<ResultColumn>> lines = read(new CsvTable<>(csv, ResultColumn.class), side);
        if (lines.isEmpty()) throw new ComparisonInputException(side + ": " + csv + " has no result rows");
        Map<String, Long> firstLine = new HashMap<>();
        String profile = lines.get(0).row().get(ResultColumn.PROFILE);
        List<Row<ResultColumn>> rows = new ArrayList<>();
        for (CsvTable.Line<ResultColumn> l : lines) {
            Row<ResultColumn> r = l.row();
            String where = side + ": " + csv + " line " + l.line();
            if (Status.parse(r.get(ResultColumn.STATUS)) == null) {
                throw new ComparisonInputException(where + ", column status: '" + r.get(ResultColumn.STATUS)
                        + "' is not one of ok, collapsed, failed");
            }
            if (r.get(ResultColumn.CELL_ID).isEmpty()) throw new ComparisonInputException(where + ", column cell_id: empty");
            if (!r.get(ResultColumn.PROFILE).equals(profile)) {
                throw new ComparisonInputException(where + ", column profile: '" + r.get(ResultColumn.PROFILE)
                        + "', but line " + lines.get(0).line() + " has '" + profile + "': one folder holds one profile");
            }
            Long first = firstLine.putIfAbsent(RegressionGate.cellKey(r), l.line());
            if (first != null) {
                throw new ComparisonInputException(where + ": cell " + r.get(ResultColumn.CELL_ID) + " (backend "
                        + r.get(ResultColumn.BACKEND) + ") appears again; first at line " + first);
            }
            rows.add(r);
        }
        Path curvesCsv = dir.resolve(ResultStore.CURVES_FILE);
        boolean hasCurves = Files.isRegularFile(curvesCsv);
        List<Row<CurveColumn>> curves = hasCurves
                ? read(new CsvTable<>(curvesCsv, CurveColumn.class), side).stream().map(CsvTable.Line::row).toList()
                : List.of();
        return new ResultFolder(dir, profile, rows, curves, hasCurves);
    }

    private static <C extends Enum<C> & org.aebench.contract.Column> List<CsvTable.Line<C>> read(CsvTable<C> table, String side)
            throws ComparisonInputException {
        try {
            return table.readStrict();
        } catch (IOException e) {
            throw new ComparisonInputException(side + ": " + e.getMessage());
        }
    }
}
