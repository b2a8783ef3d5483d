package org.aebench.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ForkCommandTest {
    /** A fork that would sleep for a minute. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            if (args.length > 0) ForkCommand.exitWithParent();
            System.out.println("started");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }

    /** Starts a Sleeper under a shell that ends at once, and returns the Sleeper's process, orphaned. */
    private static ProcessHandle orphanedSleeper(boolean watchParent) throws Exception {
        List<String> fork = ForkCommand.of(Sleeper.class, UnaryOperator.identity(), watchParent ? List.of("watch") : List.of());
        String command = String.join(" ", fork.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
        // the shell starts the fork, prints its pid, waits until it is up, and exits: the fork's parent is gone
        Path started = Files.createTempFile("fork", ".out");
        try {
            Process shell = new ProcessBuilder("sh", "-c", command + " > \"$0\" & echo $!; while [ ! -s \"$0\" ]; do sleep 0.1; done",
                    started.toString()).start();
            long pid;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8))) {
                pid = Long.parseLong(out.readLine().trim());
            }
            assertTrue(shell.waitFor(30, TimeUnit.SECONDS), "the shell ends once the fork is up");
            return ProcessHandle.of(pid).orElseThrow();
        } finally {
            Files.deleteIfExists(started);
        }
    }

    @Test
    void aForkExitsWhenItsParentEnds() throws Exception {
        ProcessHandle fork = orphanedSleeper(true);
        try {
            fork.onExit().get(20, TimeUnit.SECONDS);
            assertFalse(fork.isAlive());
        } finally {
            fork.destroyForcibly();
        }
    }

    @Test
    void withoutTheWatchAForkOutlivesItsParent() throws Exception {
        // the control: the same orphan without exitWithParent is still there, so the test above measures the watch
        ProcessHandle fork = orphanedSleeper(false);
        try {
            Thread.sleep(3_000);
            assertTrue(fork.isAlive());
        } finally {
            fork.destroyForcibly();
        }
    }
}
