package org.aebench.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.aebench.compare.ComparisonInputException;
import org.aebench.compare.RegressionGate;
import org.aebench.compare.ResultFolder;
import org.aebench.contract.Artifact;
import org.aebench.contract.CurveColumn;
import org.aebench.contract.ResultColumn;
import org.aebench.contract.RunColumn;
import org.aebench.contract.Row;
import org.aebench.contract.Status;

/**
 * Joins the result folders of a profile's shards (results, curves and each cell's pictures) into
 * one folder that the site and the regression gate read. The output's own rows count as one more
 * input, so shards can be merged as they land and merging again changes nothing.
 *
 * <p>Refused, with nothing written: folders that are missing or unreadable (a torn row, a foreign
 * schema), and, unless {@code allowMixed}, rows of different profiles, training code, native
 * builds or data checksums: the site would show them side by side as one run. Rows of different
 * commits whose training code git finds identical ({@link TrainingCode}) are one run: a shard run
 * after a change to the site or the docs belongs with the others. Rows of one cell:
 * identical ones (same settings, outcome and every number) are kept once; a success beats a
 * failure, which the merge reports; two different successes are a conflict, refused.
 */
public final class ShardMerge {
    /** What a merge did, for the one-paragraph report the command prints. */
    public record Outcome(int rows, int inputs, int deduplicated, List<String> successesOverFailures, List<String> failed,
                          List<String> missing, boolean changed, Set<String> commits) {}

    /** The columns that must agree between shards, with the words a refusal uses. */
    private static final Map<ResultColumn, String> SAME_RUN = new LinkedHashMap<>();

    static {
        SAME_RUN.put(ResultColumn.PROFILE, "profiles");
        SAME_RUN.put(ResultColumn.GIT_COMMIT, "code versions (commit)");
        SAME_RUN.put(ResultColumn.GIT_DIRTY, "code versions (uncommitted changes)");
        SAME_RUN.put(ResultColumn.NATIVE_CLASSIFIER, "native builds");
        SAME_RUN.put(ResultColumn.THREADS, "thread counts");
    }

    private ShardMerge() {}

    /**
     * @param expected the profile's cell ids in matrix order (the output follows it; those absent are listed as missing)
     */
    public static Outcome merge(Path out, List<Path> shards, List<String> expected, boolean allowMixed) throws ComparisonInputException, IOException {
        return merge(out, shards, expected, allowMixed, null);
    }

    /**
     * @param code asked whether rows of different commits share their training code; null: different commits are refused
     */
    public static Outcome merge(Path out, List<Path> shards, List<String> expected, boolean allowMixed, TrainingCode code)
            throws ComparisonInputException, IOException {
        List<ResultFolder> inputs = new ArrayList<>();
        Path outResults = out.resolve(ResultStore.RESULTS_FILE);
        if (Files.isRegularFile(outResults) && hasRows(outResults)) inputs.add(ResultFolder.load(out, "merged folder"));
        for (Path shard : shards) {
            if (shard.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) continue;
            Path csv = shard.resolve(ResultStore.RESULTS_FILE);
            if (Files.isDirectory(shard) && Files.isRegularFile(csv) && !hasRows(csv)) continue;  // a shard that had no cells
            inputs.add(ResultFolder.load(shard, "shard"));
        }
        if (inputs.isEmpty()) throw new ComparisonInputException("nothing to merge: no shard folder has result rows");
        if (!allowMixed) checkSameRun(inputs, code);

        // cell -> chosen row and the folder it came from
        Map<String, Row<ResultColumn>> chosen = new HashMap<>();
        Map<String, ResultFolder> from = new HashMap<>();
        int deduplicated = 0;
        List<String> successes = new ArrayList<>();
        for (ResultFolder f : inputs) {
            for (Row<ResultColumn> r : f.results()) {
                String key = RegressionGate.cellKey(r);
                Row<ResultColumn> kept = chosen.get(key);
                if (kept == null) {
                    chosen.put(key, r);
                    from.put(key, f);
                } else if (sameResult(kept, r)) {
                    deduplicated++;
                } else if (failed(kept) && !failed(r)) {
                    successes.add(r.get(ResultColumn.CELL_ID) + " (failed in " + from.get(key).dir() + ", " + r.get(ResultColumn.STATUS) + " in " + f.dir() + ")");
                    chosen.put(key, r);
                    from.put(key, f);
                } else if (failed(r)) {
                    if (!failed(kept)) successes.add(r.get(ResultColumn.CELL_ID) + " (" + kept.get(ResultColumn.STATUS) + " in " + from.get(key).dir()
                            + ", failed in " + f.dir() + ")");
                    deduplicated++;
                } else {
                    throw new ComparisonInputException("cell " + r.get(ResultColumn.CELL_ID) + ": " + from.get(key).dir() + " and " + f.dir()
                            + " hold different results (" + difference(kept, r) + "); remove the wrong one and merge again");
                }
            }
        }
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < expected.size(); i++) order.put(expected.get(i), i);
        List<String> keys = new ArrayList<>(chosen.keySet());
        keys.sort(Comparator.comparing((String k) -> order.getOrDefault(chosen.get(k).get(ResultColumn.CELL_ID), Integer.MAX_VALUE))
                .thenComparing(k -> k));
        List<Row<ResultColumn>> rows = keys.stream().map(chosen::get).toList();
        List<Row<CurveColumn>> curves = new ArrayList<>();
        for (String k : keys) {
            Row<ResultColumn> r = chosen.get(k);
            for (Row<CurveColumn> c : from.get(k).curves()) {
                if (c.get(CurveColumn.CELL_ID).equals(r.get(ResultColumn.CELL_ID)) && c.get(CurveColumn.BACKEND).equals(r.get(ResultColumn.BACKEND))) curves.add(c);
            }
        }
        Set<String> present = new TreeSet<>();
        rows.forEach(r -> present.add(r.get(ResultColumn.CELL_ID)));
        List<String> missing = expected.stream().filter(id -> !present.contains(id)).toList();
        List<String> failedCells = rows.stream().filter(ShardMerge::failed).map(r -> r.get(ResultColumn.CELL_ID)).toList();

        Files.createDirectories(out);
        CsvTable<ResultColumn> resultsTable = new CsvTable<>(outResults, ResultColumn.class);
        CsvTable<CurveColumn> curvesTable = new CsvTable<>(out.resolve(ResultStore.CURVES_FILE), CurveColumn.class);
        String before = Files.isRegularFile(outResults) ? Files.readString(outResults) : "";
        String curvesBefore = Files.isRegularFile(curvesTable.file()) ? Files.readString(curvesTable.file()) : "";
        curvesTable.rewrite(curves);
        resultsTable.rewrite(rows);
        boolean changed = !before.equals(Files.readString(outResults)) || !curvesBefore.equals(Files.readString(curvesTable.file()));
        for (String k : keys) changed |= copyArtifacts(from.get(k).dir(), out, chosen.get(k).get(ResultColumn.CELL_ID));
        changed |= mergeRuns(out, shards);
        Set<String> commits = new TreeSet<>();
        rows.forEach(r -> commits.add(r.get(ResultColumn.GIT_COMMIT)));
        return new Outcome(rows.size(), inputs.size(), deduplicated, successes, failedCells, missing, changed, commits);
    }

    /** Every shard's run rows (predicted and measured wall time) joined once each, oldest first; whether the file changed. */
    private static boolean mergeRuns(Path out, List<Path> shards) throws IOException {
        CsvTable<RunColumn> target = new CsvTable<>(out.resolve(ResultStore.RUNS_FILE), RunColumn.class);
        Map<String, Row<RunColumn>> rows = new LinkedHashMap<>();
        List<Path> folders = new ArrayList<>(List.of(out));
        folders.addAll(shards);
        for (Path f : folders) {
            for (Row<RunColumn> r : new CsvTable<>(f.resolve(ResultStore.RUNS_FILE), RunColumn.class).read()) rows.putIfAbsent(r.toString(), r);
        }
        if (rows.isEmpty()) return false;
        List<Row<RunColumn>> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparing((Row<RunColumn> r) -> r.get(RunColumn.STARTED_AT)));
        String before = Files.isRegularFile(target.file()) ? Files.readString(target.file()) : "";
        target.rewrite(sorted);
        return !before.equals(Files.readString(target.file()));
    }

    private static boolean hasRows(Path csv) throws IOException {
        try (var lines = Files.lines(csv)) {
            return lines.skip(1).anyMatch(l -> !l.isBlank());
        }
    }

    private static boolean failed(Row<ResultColumn> r) {
        return Status.parse(r.get(ResultColumn.STATUS)) == Status.FAILED;
    }

    /** Same settings, outcome and numbers: a rerun of the cell, or the same row merged again. Times and hosts may differ. */
    static boolean sameResult(Row<ResultColumn> a, Row<ResultColumn> b) {
        return difference(a, b) == null;
    }

    private static String difference(Row<ResultColumn> a, Row<ResultColumn> b) {
        for (ResultColumn c : ResultColumn.values()) {
            ResultColumn.Role role = c.role();
            if (role == ResultColumn.Role.SPEED || role == ResultColumn.Role.PROVENANCE) continue;
            if (!Objects.equals(a.get(c), b.get(c))) return c.header() + " '" + a.get(c) + "' vs '" + b.get(c) + "'";
        }
        return null;
    }

    private static void checkSameRun(List<ResultFolder> inputs, TrainingCode code) throws ComparisonInputException {
        Map<String, TrainingCode.Difference> asked = new HashMap<>();
        Map<ResultColumn, String> first = new HashMap<>();
        Map<ResultColumn, Path> firstDir = new HashMap<>();
        Map<String, String> checksums = new HashMap<>();
        Map<String, Path> checksumDir = new HashMap<>();
        for (ResultFolder f : inputs) {
            for (Row<ResultColumn> r : f.results()) {
                for (Map.Entry<ResultColumn, String> e : SAME_RUN.entrySet()) {
                    String v = r.get(e.getKey());
                    String seen = first.putIfAbsent(e.getKey(), v);
                    firstDir.putIfAbsent(e.getKey(), f.dir());
                    if (seen != null && !seen.equals(v)) {
                        if (e.getKey() == ResultColumn.GIT_COMMIT && code != null) {
                            TrainingCode.Difference d = asked.computeIfAbsent(v, c -> code.between(seen, c));
                            if (d.sameness() == TrainingCode.Sameness.SAME) continue;
                            throw new ComparisonInputException("cell " + r.get(ResultColumn.CELL_ID) + " in " + f.dir() + " comes from commit " + v
                                    + ", " + firstDir.get(e.getKey()) + " from " + seen + ", and their training code "
                                    + (d.sameness() == TrainingCode.Sameness.DIFFERENT ? "differs (" + d.detail() + ")" : "cannot be compared: " + d.detail())
                                    + ": refusing to merge (--allow-mixed to merge them anyway; the regression gate then flags the rows)");
                        }
                        throw new ComparisonInputException("cell " + r.get(ResultColumn.CELL_ID) + " in " + f.dir() + " has " + e.getKey().header() + " '" + v
                                + "', but " + firstDir.get(e.getKey()) + " has '" + seen + "': refusing to merge different " + e.getValue()
                                + " (--allow-mixed to merge them anyway)");
                    }
                }
                String dataset = r.get(ResultColumn.DATASET), sha = r.get(ResultColumn.DATASET_SHA256);
                // a cell that failed before its data was read names no checksum: nothing to compare
                if (sha.isEmpty()) continue;
                String seen = checksums.putIfAbsent(dataset, sha);
                checksumDir.putIfAbsent(dataset, f.dir());
                if (seen != null && !seen.equals(sha)) {
                    throw new ComparisonInputException("cell " + r.get(ResultColumn.CELL_ID) + " in " + f.dir() + " read " + dataset + " with checksum "
                            + sha + ", but " + checksumDir.get(dataset) + " read " + seen + ": refusing to merge different data (--allow-mixed to merge anyway)");
                }
            }
        }
    }

    /** Copies a cell's picture folder into the output when it differs there; whether anything was copied. */
    private static boolean copyArtifacts(Path shard, Path out, String cellId) throws IOException {
        if (shard.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) return false;
        Path src = shard.resolve("artifacts").resolve(Artifact.folder(cellId));
        if (!Files.isDirectory(src)) return false;
        Path dst = out.resolve("artifacts").resolve(Artifact.folder(cellId));
        boolean copied = false;
        try (var files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path target = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!Files.isRegularFile(target) || Files.mismatch(p, target) != -1) {
                    Files.createDirectories(target.getParent());
                    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
                    Files.copy(p, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    copied = true;
                }
            }
        }
        return copied;
    }
}
