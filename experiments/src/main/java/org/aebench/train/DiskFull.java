package org.aebench.train;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A full disk or an exhausted quota, wherever it surfaces (a CSV append, a PNG writer that wraps it
 * twice). Why: it is the results folder's fault, not the cell's, so it must stop the run with the
 * cell left unfinished, not be recorded as the cell failing (which a rerun would then retrain).
 */
public final class DiskFull {
    private DiskFull() {}

    /** The no-space error among {@code e}'s causes, or null. */
    public static IOException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io && is(io)) return io;
        }
        return null;
    }

    public static boolean is(IOException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("No space left on device") || m.contains("Disk quota exceeded");
    }

    /** Rethrows {@code e} as unchecked when a full disk caused it. */
    public static void rethrow(RuntimeException e) {
        IOException io = find(e);
        if (io != null) throw new UncheckedIOException(io);
    }
}
