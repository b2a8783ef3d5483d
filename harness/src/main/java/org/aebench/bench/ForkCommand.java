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
}
