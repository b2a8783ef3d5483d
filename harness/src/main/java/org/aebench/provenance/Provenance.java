package org.aebench.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where a result came from, gathered once per process and written into every row: code version,
 * backend and native build, BLAS, threads, JVM, OS, CPU and its vector instruction set.
 */
public record Provenance(String gitCommit, String gitDirty, String version, String backend, String nd4jBackend,
                         String nativeClassifier, String blas, String threads, String jvm, String os, String cpu,
                         String cpuIsa) {

    public static Provenance collect(Path workTree) {
        Properties build = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("/aebench/build.properties")) {
            if (in != null) build.load(in);
        } catch (IOException ignored) {
            // stays empty: the row then says "unknown"
        }
        String commit = git(workTree, "rev-parse", "HEAD");
        // Dirty means the code differs from the commit; committed results (baselines/) are not code.
        String status = git(workTree, "status", "--porcelain", "--untracked-files=no", "--", ":(top)", ":(top,exclude)baselines");
        String backendClass = Nd4j.getBackend().getClass().getSimpleName().toLowerCase();
        String backend = backendClass.contains("cuda") ? "cuda" : "cpu";
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        String blas = String.valueOf(env.getOrDefault("blas.vendor", "unknown"));
        String threads = System.getenv().getOrDefault("OMP_NUM_THREADS", "unset")
                + " (nd4j max threads " + env.getOrDefault("omp.threads", "?") + ")";
        return new Provenance(
                commit == null ? "unknown" : commit,
                commit == null ? "unknown" : String.valueOf(status != null && !status.isBlank()),
                build.getProperty("version", "unknown"),
                backend,
                build.getProperty("nd4j.backend", "unknown"),
                build.getProperty("nd4j.classifier", "unknown"),
                blas,
                threads,
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " " + Runtime.version(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores",
                widestVectorExtension());
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8);
            for (String l : lines) if (l.startsWith("model name")) return l.substring(l.indexOf(':') + 1).trim();
        } catch (IOException ignored) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    /** The widest vector extension in /proc/cpuinfo's flags: oneDNN picks its kernels by it at run time. */
    static String widestVectorExtension() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (!l.startsWith("flags")) continue;
                List<String> flags = List.of(l.substring(l.indexOf(':') + 1).trim().split("\\s+"));
                for (String isa : List.of("avx512f", "avx2", "avx", "sse4_2")) {
                    if (flags.contains(isa)) return isa.equals("avx512f") ? "avx512" : isa.replace('_', '.');
                }
                break;
            }
        } catch (IOException ignored) {
            // not Linux: the architecture is all we know
        }
        return System.getProperty("os.arch");
    }

    private static String git(Path dir, String... args) {
        try {
            String[] cmd = new String[args.length + 3];
            cmd[0] = "git";
            cmd[1] = "-C";
            cmd[2] = dir.toString();
            System.arraycopy(args, 0, cmd, 3, args.length);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) return null;
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
