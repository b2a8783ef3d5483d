package org.aebench.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The passes of one SameDiff session (the training step's gradient pass, or inference): each kind
 * of pass, by key (the feeds' shapes), is run by SameDiff until one run can be recorded as a
 * {@link StepPlan}, and replayed from then on. The session draws its arrays from a
 * {@link StepMemory} from its second pass on, and a recorded pass's arrays then belong to its plan.
 *
 * <p>Off with {@code -Daebench.stepMemory=false} (memory and plans both), to check a suspicion or to
 * compare (StepMemoryTest does).
 */
final class RecordedPasses {
    private final StepMemory memory = Boolean.parseBoolean(System.getProperty("aebench.stepMemory", "true")) ? new StepMemory() : null;
    private final Map<String, StepPlan> plans = new HashMap<>();
    /** Keys asked for so far; only with {@code onlyRepeated}. */
    private final Set<String> seen = new HashSet<>();
    private final boolean onlyRepeated;
    /** False once a pass could not be recorded (control flow): SameDiff then runs every pass. */
    private boolean recordable = true;
    private long replayed;

    /**
     * @param onlyRepeated record a key's pass only the second time it is asked for: a one-off (a
     *                     probe, the site's pictures) would keep its arrays for nothing
     */
    RecordedPasses(boolean onlyRepeated) {
        this.onlyRepeated = onlyRepeated;
    }

    /**
     * One pass's arrays by name. {@code sameDiff} runs the pass on the feeds it is given (the plan's
     * own copies when recording) with {@code graph}'s listeners; {@code session} is the graph whose
     * session runs it, once it exists; {@code wanted} the names read from the result, known after
     * the first run.
     */
    Function<String, INDArray> run(String key, Map<String, INDArray> feeds, SameDiff graph, Supplier<SameDiff> session,
                                   Supplier<List<String>> wanted, Function<Map<String, INDArray>, Function<String, INDArray>> sameDiff) {
        StepPlan plan = plans.get(key);
        if (plan != null) {
            plan.run(feeds);
            replayed++;
            return plan::value;
        }
        boolean due = !onlyRepeated || !seen.add(key);  // seen is kept only when it decides
        StepPlan.Recorder recorder = null;
        List<Listener> listeners = new ArrayList<>(graph.getListeners());
        if (memory != null) {
            memory.recycle();
            if (memory.adopted() && recordable && due) {
                recorder = new StepPlan.Recorder();
                feeds = recorder.ownFeeds(feeds);
                graph.addListeners(recorder);
            }
        }
        Function<String, INDArray> result;
        try {
            result = sameDiff.apply(feeds);
        } finally {
            graph.setListeners(listeners);
        }
        if (memory != null) memory.adopt(session.get());
        if (recorder != null) {
            plan = recorder.plan(wanted.get());
            recordable = plan != null;
            if (plan != null) {
                memory.forget();
                plans.put(key, plan);
            }
        }
        return result;
    }

    /** Passes replayed from a recorded plan so far. */
    long replayed() { return replayed; }
}
