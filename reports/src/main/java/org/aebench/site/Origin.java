package org.aebench.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aebench.contract.ResultColumn;
import org.aebench.contract.Row;
import org.aebench.results.TrainingCode;

/**
 * Where a site's results come from, as its index states them first: the folder, how many of the
 * profile's cells it holds, and each commit that produced rows, with when and whether its training
 * code is the checkout's.
 *
 * @param folder           the results folder rendered, as given
 * @param committedBaseline the folder is a committed baseline ({@code baselines/<profile>}), not a local run
 * @param cellsPerReport   the profile's cell count per report in the matrix (empty: unknown)
 * @param commits          one line per commit, most rows first
 * @param fullReproduction relative link to the rendered full reproduction beside this site, or null
 */
public record Origin(String folder, boolean committedBaseline, Map<String, Integer> cellsPerReport, List<CommitRows> commits,
                     String fullReproduction) {

    /** The profile's cell count (0: unknown). */
    public int profileCells() {
        return cellsPerReport.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** A report's cell count in the profile (0: unknown). */
    public int cellsOf(String report) {
        return cellsPerReport.getOrDefault(report, 0);
    }

    /** The rows one commit produced. */
    public record CommitRows(String commit, int rows, String firstFinished, String lastFinished, String trainingCode) {
        public String shortCommit() { return TrainingCode.shortCommit(commit); }
    }

    /** No origin known (a site rendered from rows alone, as tests do). */
    public static Origin unknown() {
        return new Origin("", false, Map.of(), List.of(), null);
    }

    /** @param code asked about each commit's training code; null: not asked */
    public static Origin of(String folder, boolean committedBaseline, Map<String, Integer> cellsPerReport, List<Row<ResultColumn>> rows, TrainingCode code,
                            String fullReproduction) {
        Map<String, List<Row<ResultColumn>>> byCommit = new TreeMap<>();
        rows.forEach(r -> byCommit.computeIfAbsent(r.get(ResultColumn.GIT_COMMIT), k -> new ArrayList<>()).add(r));
        List<CommitRows> commits = new ArrayList<>();
        byCommit.forEach((commit, rs) -> {
            List<String> times = rs.stream().map(r -> r.get(ResultColumn.FINISHED_AT)).filter(t -> !t.isEmpty()).sorted().toList();
            String note = "";
            if (code != null) {
                TrainingCode.Difference d = code.againstWorkTree(commit);
                note = switch (d.sameness()) {
                    case SAME -> "training code as in this checkout";
                    case DIFFERENT -> "training code differs from this checkout's (" + d.detail() + ")";
                    case UNKNOWN -> "training code not comparable with this checkout's: " + d.detail();
                };
            }
            commits.add(new CommitRows(commit, rs.size(), times.isEmpty() ? "" : times.get(0), times.isEmpty() ? "" : times.get(times.size() - 1), note));
        });
        commits.sort((a, b) -> Integer.compare(b.rows(), a.rows()));
        return new Origin(folder, committedBaseline, Map.copyOf(cellsPerReport), commits, fullReproduction);
    }
}
