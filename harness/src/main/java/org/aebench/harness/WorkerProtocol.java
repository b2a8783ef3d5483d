package org.aebench.harness;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import org.aebench.train.EpochRecord;

/**
 * What a runner and its worker processes say to each other, one JSON object per line: the runner
 * sends a {@link Request} on the worker's stdin, the worker answers on its stdout with an
 * {@link Event} per finished epoch and one with the outcomes (or the error) at the end. Doubles
 * travel as Java prints them, so every number arrives bit for bit; native code may print to the same
 * stdout, so a message is the text after {@link #MARK} wherever it appears in a line.
 */
final class WorkerProtocol {
    static final String MARK = "\u0001aebench-worker ";

    /** Train once for these cells (ids of the run's profile), which share one training. */
    record Request(List<String> cellIds) {}

    /**
     * {@code epoch} and {@code epochs}: an epoch finished; {@code executed}: the training is done;
     * {@code error} and {@code errorType}: it threw (the runner records the cells as failed with it).
     */
    record Event(EpochRecord epoch, int epochs, List<CellExecutor.Executed> executed, String error, String errorType) {
        static Event epoch(EpochRecord e, int epochs) { return new Event(e, epochs, null, null, null); }

        static Event done(List<CellExecutor.Executed> executed) { return new Event(null, 0, executed, null, null); }

        static Event failed(Throwable t) { return new Event(null, 0, null, String.valueOf(t.getMessage()), t.getClass().getName()); }
    }

    /** NaN and infinities are numbers here (a collapsed cell's loss may be one). */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private WorkerProtocol() {}

    /** The message in a line of the worker's stdout, or null when the line is someone else's. */
    static String message(String line) {
        int at = line.indexOf(MARK);
        return at < 0 ? null : line.substring(at + MARK.length());
    }
}
