package org.aebench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.aebench.matrix.Cell;
import org.aebench.train.TrainingListener;

/**
 * Trains each request in a worker JVM of its own ({@code aebench run --worker-processes}): the
 * runner's worker threads only wait on their process, so workers share no heap, allocator arena,
 * garbage collector or JIT. A worker that dies is replaced for the next training. Each worker gets
 * the runner's JVM options with the native memory limits divided among the workers, so together
 * they stay within what one run may use.
 */
final class ProcessExecutor implements CellExecutor, AutoCloseable {
    /** JVM options holding a memory size that the workers share. */
    private static final List<String> SHARED_LIMITS = List.of("-Dorg.bytedeco.javacpp.maxbytes=", "-Daebench.maxresident=");

    private final CellExecutor verifier;
    private final List<String> command;
    private final LinkedBlockingQueue<WorkerProcess> idle = new LinkedBlockingQueue<>();
    private final List<WorkerProcess> started = new ArrayList<>();

    /**
     * @param verifier   checks the data in this process before any worker starts (as a serial run does)
     * @param workerArgs the {@code aebench worker} arguments (profile, matrix, data, artifacts)
     */
    ProcessExecutor(CellExecutor verifier, int workers, List<String> workerArgs) {
        this.verifier = verifier;
        this.command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) command.add(shared(a, workers));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "worker"));
        command.addAll(workerArgs);
    }

    /** {@code option} with its size divided by {@code workers} when it is one the workers share. */
    static String shared(String option, int workers) {
        for (String prefix : SHARED_LIMITS) {
            if (!option.startsWith(prefix)) continue;
            String size = option.substring(prefix.length());
            long bytes = parseSize(size);
            return bytes <= 0 ? option : prefix + Math.max(1, bytes / workers / (1 << 20)) + "M";
        }
        return option;
    }

    /** 8G, 512M, 100000K or plain bytes; 0 when it is not a size. */
    static long parseSize(String s) {
        if (s.isEmpty()) return 0;
        char unit = Character.toUpperCase(s.charAt(s.length() - 1));
        long scale = switch (unit) { case 'K' -> 1L << 10; case 'M' -> 1L << 20; case 'G' -> 1L << 30; case 'T' -> 1L << 40; default -> 1; };
        try {
            return Long.parseLong(scale == 1 ? s : s.substring(0, s.length() - 1)) * scale;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    List<String> command() {
        return List.copyOf(command);
    }

    @Override
    public void prepare(List<Cell> cells) {
        verifier.prepare(cells);
    }

    @Override
    public List<Executed> execute(List<Cell> cells, TrainingListener listener) {
        WorkerProcess worker = take();
        try {
            return worker.execute(cells, listener);
        } finally {
            if (worker.alive()) idle.add(worker);
        }
    }

    private synchronized WorkerProcess take() {
        WorkerProcess w = idle.poll();
        if (w != null) return w;
        try {
            w = new WorkerProcess(command);
        } catch (IOException e) {
            throw new UncheckedIOException("starting a worker process (" + command.get(0) + ")", e);
        }
        started.add(w);
        return w;
    }

    @Override
    public synchronized void close() {
        started.forEach(WorkerProcess::close);
    }

    /** Stops every worker at once (the runner is being stopped). */
    synchronized void destroy() {
        started.forEach(WorkerProcess::destroy);
    }
}
