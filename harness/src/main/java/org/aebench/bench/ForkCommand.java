package org.aebench.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The command line of a JVM like this one (same java, options and class path) running another
 * main class: the runner benchmark's forks and the runner's worker processes start this way.
 */
public final class ForkCommand {
    private ForkCommand() {}

    /** @param option each of this JVM's options as the fork gets it (the identity keeps them all) */
    public static List<String> of(Class<?> main, UnaryOperator<String> option, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) command.add(option.apply(a));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        return command;
    }

    /**
     * Called first in a fork's main: when the JVM that started it ends (killed, or crashed), this
     * one exits too. Why: a fork trains until its work is done, and one whose parent is gone
     * would hold a core for nobody, beside whatever the user runs next.
     */
    public static void exitWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(PARENT_GONE)));
    }

    /** A fork's exit code when its parent ended before it: 128 + SIGHUP, as a shell reports a hung-up child. */
    static final int PARENT_GONE = 129;
}
