package org.aebench.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whether the code that trains and scores a cell is the same at two commits, as git sees it. Rows
 * of a results folder may come from several commits (shards run on different days); their numbers
 * belong together only when the training code did not change between them, and the regression gate
 * and {@code aebench merge} ask this class before treating them as one run.
 */
public final class TrainingCode {
    private static final String HARNESS = "harness/src/main/java/org/aebench/harness/";
    private static final String CONTRACT = "contract/src/main/java/org/aebench/contract/";

    /**
     * The paths whose content can move a cell's numbers: the build (dependency versions), the
     * contract files that shape a result row, the models, training, data and experiment files, and
     * the runner's files that train a cell and write its row. A new contract file that matters is
     * used by one of those, which then differs too. Not the other tables' columns, the scheduler ({@code Runner}: which worker takes which training
     * and when, which the end-to-end test shows moves no number across 1 or 2 workers, processes
     * and shards), the image writer (how a picture is encoded, not what it shows), the command line, the estimator, the site, the gate, the benchmarks or the tests.
     */
    public static final List<String> PATHS = List.of("pom.xml", "contract/pom.xml", CONTRACT + "ResultColumn.java", CONTRACT + "CurveColumn.java",
            CONTRACT + "Status.java", CONTRACT + "Row.java", CONTRACT + "Column.java", CONTRACT + "ColumnType.java", CONTRACT + "Sweep.java",
            CONTRACT + "TrivialBaseline.java", CONTRACT + "Artifact.java", CONTRACT + "CodesFile.java", "experiments/pom.xml",
            "experiments/src/main", "experiments/matrix", "harness/pom.xml", HARNESS + "CellExecutor.java",
            HARNESS + "TrainingExecutor.java", HARNESS + "SharedTraining.java", HARNESS + "ResultRows.java",
            "harness/src/main/java/org/aebench/provenance", ":(exclude)experiments/src/main/java/org/aebench/images");

    /** Files listed per difference; the rest are counted. */
    static final int MAX_FILES = 8;

    /** What git says of one commit's training code against another's. */
    public enum Sameness { SAME, DIFFERENT, UNKNOWN }

    /** One commit compared with the current code: the paths that differ, or why it could not be told. */
    public record Difference(String commit, Sameness sameness, List<String> files, String detail) {}

    private final Path workTree;

    public TrainingCode(Path workTree) {
        this.workTree = workTree;
    }

    /** A commit as pages and reports show it: its first 12 characters (a full id stays in the CSV). */
    public static String shortCommit(String commit) {
        return commit != null && commit.length() > 12 ? commit.substring(0, 12) : String.valueOf(commit);
    }

    /** The commit checked out in the work tree, or null when it is not a git work tree. */
    public String head() {
        Result r = git("rev-parse", "HEAD");
        return r.code == 0 ? r.out.strip() : null;
    }

    /** Compares {@code commit}'s training code with the work tree's (committed or not). */
    public Difference againstWorkTree(String commit) {
        return diff(commit, null);
    }

    /** Compares the training code of two commits; the difference is named by {@code other}. */
    public Difference between(String commit, String other) {
        if (other == null || other.isBlank() || other.equals("unknown")) {
            return new Difference(other, Sameness.UNKNOWN, List.of(), "the rows do not name a commit");
        }
        Difference d = diff(commit, other);
        return new Difference(other, d.sameness(), d.files(), d.detail());
    }

    private Difference diff(String commit, String other) {
        if (commit == null || commit.isBlank() || commit.equals("unknown")) {
            return new Difference(commit, Sameness.UNKNOWN, List.of(), "the rows do not name a commit");
        }
        List<String> args = new ArrayList<>(List.of("diff", "--name-only", commit));
        if (other != null) args.add(other);
        args.add("--");
        args.addAll(PATHS);
        Result r = git(args.toArray(String[]::new));
        if (r.code != 0) {
            String why = r.err.isBlank() ? "git exited with " + r.code : r.err.strip().lines().findFirst().orElse("");
            return new Difference(commit, Sameness.UNKNOWN, List.of(), "git cannot compare it" + (other == null ? " with this checkout" : "")
                    + " (" + why + ")");
        }
        List<String> files = r.out.lines().filter(l -> !l.isBlank()).toList();
        if (files.isEmpty()) return new Difference(commit, Sameness.SAME, List.of(), "");
        String detail = String.join(", ", files.subList(0, Math.min(MAX_FILES, files.size())))
                + (files.size() > MAX_FILES ? " and " + (files.size() - MAX_FILES) + " more" : "");
        return new Difference(commit, Sameness.DIFFERENT, files, detail);
    }

    private record Result(int code, String out, String err) {}

    private Result git(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", workTree.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).start();
            p.getOutputStream().close();
            String out = read(p.getInputStream());
            String err = read(p.getErrorStream());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "", "git did not answer within 60 s");
            }
            return new Result(p.exitValue(), out, err);
        } catch (IOException e) {
            return new Result(-1, "", "git is not available: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "", "interrupted");
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
