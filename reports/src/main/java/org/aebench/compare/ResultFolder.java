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
 * row checked: the current schema, typed values, a known status, one profile, no cell twice. A
 * baseline may predate a column (a measure added since): {@code missingColumns} names them, and
 * the gate compares the columns both sides have.
 */
public record ResultFolder(Path dir, String profile, List<Row<ResultColumn>> results, List<Row<CurveColumn>> curves,
                           boolean hasCurves, List<ResultColumn> missingColumns) {

    /** @param side "baseline" or "candidate", for the messages */
    public static ResultFolder load(Path dir, String side) throws ComparisonInputException {
        return load(dir, side, false);
    }

    /**
     * @param side        "baseline" or "candidate", for the messages
     * @param olderSchema accept a results file that lacks measures added since it was written (a committed baseline)
     */
    public static ResultFolder load(Path dir, String side, boolean olderSchema) throws ComparisonInputException {
        if (!Files.isDirectory(dir)) throw new ComparisonInputException(side + " folder " + dir + " does not exist");
        Path csv = dir.resolve(ResultStore.RESULTS_FILE);
        if (!Files.isRegularFile(csv)) {
            throw new ComparisonInputException(side + " folder " + dir + " has no " + ResultStore.RESULTS_FILE
                    + " (name a profile's folder, such as results/ci or baselines/ci)");
        }
        CsvTable<ResultColumn> table = new CsvTable<>(csv, ResultColumn.class);
        List<CsvTable.Line<ResultColumn>> lines = read(table, side, olderSchema);
        List<ResultColumn> missing;
        try {
            List<ResultColumn> present = table.columnsOf();
            missing = java.util.Arrays.stream(ResultColumn.values()).filter(c -> !present.contains(c)).toList();
        } catch (IOException e) {
            throw new ComparisonInputException(side + ": " + e.getMessage());
        }
        for (ResultColumn c : missing) {
            if (c.role() != ResultColumn.Role.METRIC) {
                throw new ComparisonInputException(side + ": " + csv + " has no column " + c.header() + " (only measures added since"
                        + " may be missing from a baseline; regenerate it with this version of aebench)");
            }
        }
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
                ? read(new CsvTable<>(curvesCsv, CurveColumn.class), side, false).stream().map(CsvTable.Line::row).toList()
                : List.of();
        return new ResultFolder(dir, profile, rows, curves, hasCurves, missing);
    }

    private static <C extends Enum<C> & org.aebench.contract.Column> List<CsvTable.Line<C>> read(CsvTable<C> table, String side,
                                                                                            boolean olderAllowed)
            throws ComparisonInputException {
        try {
            return table.readStrict(olderAllowed);
        } catch (IOException e) {
            throw new ComparisonInputException(side + ": " + e.getMessage());
        }
    }
}
