package org.aebench.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.aebench.results.CsvTable;
import org.aebench.contract.CurveColumn;
import org.aebench.contract.ResultColumn;
import org.aebench.results.ResultStore;
import org.aebench.contract.Row;
import org.aebench.contract.Status;

/**
 * Writes a committed baseline ({@code baselines/<profile>/}) from a finished run: only the CSVs,
 * rows sorted by cell so that a review shows which cells moved, refused when the run is not fit
 * to be the reference (code not committed, failed cells, rows of several commits).
 */
public final class Baselines {
    private Baselines() {}

    /** @return one line saying what was written */
    public static String promote(ResultFolder run, Path target, boolean allowDirty, boolean allowFailed) throws IOException {
        List<Row<ResultColumn>> rows = new ArrayList<>(run.results());
        long failed = rows.stream().filter(r -> Status.parse(r.get(ResultColumn.STATUS)) == Status.FAILED).count();
        if (failed > 0 && !allowFailed) {
            throw new ComparisonInputException(run.dir() + " has " + failed + " failed cells (for example "
                    + rows.stream().filter(r -> r.get(ResultColumn.STATUS).equals(Status.FAILED.key())).findFirst().orElseThrow()
                    .get(ResultColumn.CELL_ID) + "); fix them or pass --allow-failed to keep them as the baseline's result");
        }
        Set<String> commits = new TreeSet<>();
        rows.forEach(r -> commits.add(r.get(ResultColumn.GIT_COMMIT)));
        long dirty = rows.stream().filter(r -> !r.get(ResultColumn.GIT_DIRTY).equals("false")).count();
        if (!allowDirty && dirty > 0) {
            throw new ComparisonInputException(run.dir() + ": " + dirty + " rows were produced by uncommitted code (git_dirty);"
                    + " commit the change, run again and promote that run, or pass --allow-dirty");
        }
        if (!allowDirty && commits.size() > 1) {
            throw new ComparisonInputException(run.dir() + ": rows of " + commits.size() + " commits (" + String.join(", ", commits)
                    + "); a baseline comes from one commit (rerun with FORCE=1, or pass --allow-dirty)");
        }
        rows.sort(Comparator.comparing((Row<ResultColumn> r) -> r.get(ResultColumn.CELL_ID)).thenComparing(r -> r.get(ResultColumn.BACKEND)));
        List<Row<CurveColumn>> curves = new ArrayList<>(run.curves());
        curves.sort(Comparator.comparing((Row<CurveColumn> r) -> r.get(CurveColumn.CELL_ID)).thenComparing(r -> r.get(CurveColumn.BACKEND))
                .thenComparingDouble(r -> r.number(CurveColumn.EPOCH)));
        new CsvTable<>(target.resolve(ResultStore.RESULTS_FILE), ResultColumn.class).rewrite(rows);
        new CsvTable<>(target.resolve(ResultStore.CURVES_FILE), CurveColumn.class).rewrite(curves);
        return "baseline " + target + ": " + rows.size() + " cells (" + failed + " failed), " + curves.size() + " curve rows, commit "
                + String.join(", ", commits) + (dirty > 0 ? " (" + dirty + " rows from uncommitted code)" : "");
    }
}
