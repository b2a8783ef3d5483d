package org.aebench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.aebench.bench.ForkCommand;
import org.aebench.matrix.Cell;
import org.aebench.train.TrainingListener;

/**
 * Trains each request in a worker JVM of its own ({@code aebench run --worker-processes}): the
 * runner's worker threads only wait on their process, so workers share no heap, allocator arena,
 * garbage collector or JIT. A worker that dies is replaced for the next training. Each worker gets
 * the runner's JVM options with the memory limits shared out among the workers ({@link #shared}).
 */
final class ProcessExecutor implements CellExecutor, AutoCloseable {
    /** The native memory JavaCPP may track: the workers share it. */
    private static final String NATIVE_LIMIT = "-Dorg.bytedeco.javacpp.maxbytes=";
    /** The resident-size limit: each worker's resident size also holds its own Java heap, which the workers do not share. */
    private static final String RESIDENT_LIMIT = "-Daebench.maxresident=";

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
        long heap = Runtime.getRuntime().maxMemory();
        List<String> args = new ArrayList<>(List.of("worker"));
        args.addAll(workerArgs);
        this.command = ForkCommand.of(Main.class, option -> shared(option, workers, heap), args);
    }

    /**
     * {@code option} for one of {@code workers} worker JVMs: the native-memory limit divided among
     * them; the resident-size limit as its Java heap ({@code heap}, each worker has one as large as
     * the runner's) plus a share of the rest. With -Xmx4g and a 20G limit (the Makefile's 85 % of 24
     * GiB), two workers get 12G each: the runner's one JVM would hold both workers' native memory and one heap in 20G.
     */
    static String shared(String option, int workers, long heap) {
        String prefix = option.startsWith(NATIVE_LIMIT) ? NATIVE_LIMIT : option.startsWith(RESIDENT_LIMIT) ? RESIDENT_LIMIT : null;
        if (prefix == null) return option;
        long bytes = parseSize(option.substring(prefix.length()));
        if (bytes <= 0) return option;
        long share = prefix.equals(NATIVE_LIMIT) || bytes <= heap ? bytes / workers : heap + (bytes - heap) / workers;
        return prefix + Math.max(1, share >> 20) + "M";
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
