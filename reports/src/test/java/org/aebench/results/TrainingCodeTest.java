package org.aebench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a throwaway git repository laid out as the project is. */
public class TrainingCodeTest {
    @TempDir
    Path repo;

    /** Runs git in the repository; returns its output. */
    public static String git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.name=t", "-c", "user.email=t@t",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IOException(String.join(" ", command) + ": " + out);
        return out.strip();
    }

    /** Writes a file and commits it; returns the new commit. */
    public static String commit(Path repo, String file, String text) throws IOException, InterruptedException {
        Path f = repo.resolve(file);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        git(repo, "add", file);
        git(repo, "commit", "-q", "-m", "change " + file);
        return git(repo, "rev-parse", "HEAD");
    }

    @Test
    void aChangeOutsideTheTrainingCodeKeepsCommitsTheSameAndOneInsideNamesItsFiles() throws Exception {
        git(repo, "init", "-q");
        String first = commit(repo, "experiments/src/main/java/Model.java", "class Model {}");
        String site = commit(repo, "reports/src/main/resources/page.ftlh", "<p>");
        String docs = commit(repo, "docs/notes.md", "notes");
        TrainingCode code = new TrainingCode(repo);
        assertEquals(docs, code.head());
        assertEquals(TrainingCode.Sameness.SAME, code.between(first, site).sameness());
        assertEquals(TrainingCode.Sameness.SAME, code.againstWorkTree(first).sameness(), "site and docs changed, training code did not");

        String model = commit(repo, "experiments/src/main/java/Model.java", "class Model { int layers; }");
        var d = code.between(first, model);
        assertEquals(TrainingCode.Sameness.DIFFERENT, d.sameness());
        assertEquals(List.of("experiments/src/main/java/Model.java"), d.files());
        assertEquals(TrainingCode.Sameness.DIFFERENT, code.againstWorkTree(first).sameness());

        Files.createDirectories(repo.resolve("experiments/matrix"));
        Files.writeString(repo.resolve("experiments/matrix/r000.yaml"), "epochs: 3");
        assertEquals(TrainingCode.Sameness.SAME, code.againstWorkTree(model).sameness(), "an untracked file is not yet the checkout's code");
        git(repo, "add", "experiments/matrix/r000.yaml");
        assertEquals(TrainingCode.Sameness.DIFFERENT, code.againstWorkTree(model).sameness(), "a staged, uncommitted change is");
    }

    @Test
    void aCommitGitDoesNotKnowOrNoRepositoryAtAllIsUnknownWithTheReason() throws Exception {
        TrainingCode none = new TrainingCode(repo);
        var d = none.againstWorkTree("0123456789abcdef0123456789abcdef01234567");
        assertEquals(TrainingCode.Sameness.UNKNOWN, d.sameness());
        assertTrue(d.detail().contains("git cannot compare"), d.detail());
        git(repo, "init", "-q");
        commit(repo, "pom.xml", "<project/>");
        assertEquals(TrainingCode.Sameness.UNKNOWN, new TrainingCode(repo).againstWorkTree("unknown").sameness());
        assertEquals(TrainingCode.Sameness.UNKNOWN, new TrainingCode(repo).againstWorkTree("0123456789abcdef0123456789abcdef01234567").sameness(),
                "a commit of a shallow clone's missing history");
    }

    @Test
    void theSchedulerTheImageWriterAndOtherTablesColumnsAreNotTrainingCodeAndTheResultRowsSchemaIs() throws Exception {
        git(repo, "init", "-q");
        String first = commit(repo, "harness/src/main/java/org/aebench/harness/Runner.java", "class Runner {}");
        commit(repo, "harness/src/main/java/org/aebench/harness/Runner.java", "class Runner { int workers; }");
        commit(repo, "contract/src/main/java/org/aebench/contract/RunColumn.java", "enum RunColumn {}");
        commit(repo, "experiments/src/main/java/org/aebench/images/ImageWriter.java", "class ImageWriter { int gap = 1; }");
        TrainingCode code = new TrainingCode(repo);
        assertEquals(TrainingCode.Sameness.SAME, code.againstWorkTree(first).sameness());
        commit(repo, "contract/src/main/java/org/aebench/contract/ResultColumn.java", "enum ResultColumn { TEST_MSE }");
        commit(repo, "harness/src/main/java/org/aebench/harness/ResultRows.java", "class ResultRows {}");
        commit(repo, "experiments/src/main/java/org/aebench/train/Trainer.java", "class Trainer {}");
        assertEquals(List.of("contract/src/main/java/org/aebench/contract/ResultColumn.java",
                        "experiments/src/main/java/org/aebench/train/Trainer.java", "harness/src/main/java/org/aebench/harness/ResultRows.java"),
                code.againstWorkTree(first).files());
    }
}
