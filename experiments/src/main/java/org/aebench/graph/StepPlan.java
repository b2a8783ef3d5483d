package org.aebench.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.RandomOp;
import org.nd4j.linalg.api.ops.custom.Invoke;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.BaseCompatOp;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.scalar.comparison.ScalarGreaterThan;
import org.nd4j.linalg.api.ops.impl.layers.ExternalErrorsFunction;
import org.nd4j.linalg.api.ops.impl.shape.CreateView;
import org.nd4j.linalg.api.ops.impl.shape.Rank;
import org.nd4j.linalg.api.ops.impl.shape.Reshape;
import org.nd4j.linalg.api.ops.impl.shape.Shape;
import org.nd4j.linalg.api.ops.impl.shape.Size;
import org.nd4j.linalg.api.ops.impl.shape.SizeAt;
import org.nd4j.linalg.api.ops.impl.shape.tensorops.BaseTensorOp;
import org.nd4j.linalg.api.ops.impl.transforms.Assert;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.GradientBackwardsMarker;
import org.nd4j.linalg.api.ops.impl.transforms.same.Identity;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The native ops of one gradient pass for one batch size, recorded once from SameDiff's own
 * execution and then replayed: each op runs with the same arrays, arguments and order every step,
 * with nothing else around it.
 *
 * <p>Why: with a fixed batch size every shape in the pass is fixed, yet SameDiff 1.0.0-M2.1 works
 * out the whole schedule again for every op of every step (subgraph, dependency tracking, a native
 * shape calculation, fresh op contexts, a regex per variable name). For report 001's conv AE that
 * bookkeeping was a third of the step (docs/performance.md, "Replaying recorded passes").
 * Replaying runs the same native ops on the same inputs in the same order, so the numbers are
 * bit-identical to SameDiff's (StepMemoryTest trains with and without it).
 *
 * <p>What a fixed shape makes constant is not replayed: shape queries and the ops that only read
 * constants and their results (reshape targets) keep the recorded values, and a reshape of a
 * contiguous array becomes a view of it: fewer ops replayed, measurably faster steps.
 *
 * <p>The arrays are the ones {@link StepMemory} handed out during the recorded pass; the plan owns
 * them afterwards. Graphs with control flow are not recorded (none of this project's are): the
 * model then keeps running through SameDiff.
 */
final class StepPlan {
    /**
     * {@code -Daebench.profile-ops=true}: time every replayed op and print the slowest at exit, to
     * find where a step's time goes (native ops are invisible to JFR's Java sampling).
     */
    private static final boolean PROFILE = Boolean.getBoolean("aebench.profile-ops");
    private static final Map<String, long[]> PROFILE_TOTALS = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        if (PROFILE) Runtime.getRuntime().addShutdownHook(new Thread(StepPlan::printProfile));
    }

    private final Map<String, INDArray> feeds;
    private final Map<String, INDArray> values;
    private final DifferentialFunction[] ops;
    private final OpContext[] contexts;

    private StepPlan(Map<String, INDArray> feeds, Map<String, INDArray> values, List<DifferentialFunction> ops, List<OpContext> contexts) {
        this.feeds = feeds;
        this.values = values;
        this.ops = ops.toArray(new DifferentialFunction[0]);
        this.contexts = contexts.toArray(new OpContext[0]);
        // Every output array is the one the recorded pass wrote, of the shape it computed then: libnd4j
        // need not compute the shapes again. Why: its shape function runs under a lock every process-wide
        // cache of shapes shares, which is where two workers in one JVM waited on each other.
        for (int i = 0; i < this.ops.length; i++) if (this.ops[i] instanceof CustomOp) this.contexts[i].shapeFunctionOverride(true);
    }

    /** Copies the step's placeholder values into the plan's own arrays, then runs every op. */
    void run(Map<String, INDArray> feedValues) {
        for (Map.Entry<String, INDArray> e : feedValues.entrySet()) {
            INDArray own = feeds.get(e.getKey());
            if (own == null || !own.equalShapes(e.getValue())) {
                throw new IllegalStateException("placeholder " + e.getKey() + " does not match the recorded step: "
                        + (own == null ? "not recorded" : java.util.Arrays.toString(own.shape()) + " vs " + java.util.Arrays.toString(e.getValue().shape())));
            }
            own.assign(e.getValue());
        }
        OpExecutioner exec = Nd4j.getExecutioner();
        for (int i = 0; i < ops.length; i++) {
            long t0 = PROFILE ? System.nanoTime() : 0;
            if (ops[i] instanceof CustomOp) exec.exec((CustomOp) ops[i], contexts[i]);
            else exec.exec((Op) ops[i], contexts[i]);
            if (PROFILE) record(i, System.nanoTime() - t0);
        }
    }

    private void record(int i, long nanos) {
        INDArray out = contexts[i].getOutputArrays().isEmpty() ? null : contexts[i].getOutputArrays().get(0);
        String key = String.format("%3d %-22s %s", i, ops[i].opName(), out == null ? "" : java.util.Arrays.toString(out.shape()));
        long[] t = PROFILE_TOTALS.computeIfAbsent(key, k -> new long[2]);
        synchronized (t) {
            t[0] += nanos;
            t[1]++;
        }
    }

    private static void printProfile() {
        long total = PROFILE_TOTALS.values().stream().mapToLong(t -> t[0]).sum();
        System.err.printf("replayed ops: %.1f s in all%n", total / 1e9);
        PROFILE_TOTALS.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(40)
                .forEach(e -> System.err.printf("%6.1f%% %8.3f ms/call %s%n", 100.0 * e.getValue()[0] / total,
                        e.getValue()[0] / 1e6 / e.getValue()[1], e.getKey()));
    }

    /** The array that holds variable {@code name}, one the plan was built to give, after {@link #run}. */
    INDArray value(String name) {
        INDArray v = values.get(name);
        if (v == null) throw new IllegalArgumentException("the recorded step does not give variable " + name);
        return v;
    }

    /**
     * Listens to one SameDiff gradient pass and builds its plan. The pass must be fed the arrays
     * returned by {@link #ownFeeds}, so that the plan's placeholders are arrays it owns.
     */
    static final class Recorder extends BaseListener {
        private final Map<String, INDArray> feeds = new HashMap<>();
        private final Map<String, INDArray> values = new HashMap<>();
        private final List<DifferentialFunction> ops = new ArrayList<>();
        private final List<OpContext> contexts = new ArrayList<>();
        private final Set<String> fixedNames = new HashSet<>();
        /** Reshape outputs and the views of their inputs that replace them. */
        private final Map<INDArray, INDArray> aliases = new IdentityHashMap<>();
        private String unsupported;

        /** Copies of the step's feeds that the plan keeps as its placeholders. */
        Map<String, INDArray> ownFeeds(Map<String, INDArray> feedValues) {
            for (Map.Entry<String, INDArray> e : feedValues.entrySet()) feeds.put(e.getKey(), e.getValue().dup('c'));
            values.putAll(feeds);
            return feeds;
        }

        @Override
        public boolean isActive(Operation operation) { return true; }

        @Override
        public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext context, INDArray[] outputs) {
            List<String> names = op.getOutputsOfOp();
            DifferentialFunction f = op.getOp();
            List<INDArray> inputs = new ArrayList<>();
            if (context != null) for (INDArray a : context.getInputArrays()) inputs.add(aliases.getOrDefault(a, a));
            boolean fixed = fixed(sd, f, op.getInputsToOp());
            if (fixed) fixedNames.addAll(names);
            for (int i = 0; i < names.size(); i++) values.put(names.get(i), aliases.getOrDefault(outputs[i], outputs[i]));
            // An identity's output is its input array; the backward marker's is a constant 1 made once.
            if (f instanceof Identity || f instanceof GradientBackwardsMarker) return;
            // What InferenceSession.doExec handles other than by executing the op (control flow, views, ...).
            boolean executedAsOp = (f instanceof CustomOp || f instanceof Op) && !(f instanceof BaseCompatOp || f instanceof BaseTensorOp
                    || f instanceof CreateView || f instanceof ExternalErrorsFunction || f instanceof Invoke || f instanceof Assert);
            if (!executedAsOp) {
                unsupported = f.opName();
                return;
            }
            if (fixed) return;  // its outputs keep what the recorded pass computed
            if (f instanceof Reshape && aliasReshape(inputs.get(0), outputs[0], names.get(0))) return;
            OpContext own = Nd4j.getExecutioner().buildContext();
            own.setInputArrays(inputs);
            own.setOutputArrays(new ArrayList<>(context.getOutputArrays()));
            own.setIArguments(context.getIArguments().stream().mapToLong(Long::longValue).toArray());
            own.setTArguments(context.getTArguments().stream().mapToDouble(Double::doubleValue).toArray());
            boolean[] b = new boolean[context.numBArguments()];
            for (int i = 0; i < b.length; i++) b[i] = context.getBArguments().get(i);
            own.setBArguments(b);
            own.setDArguments(context.getDArguments().toArray(new org.nd4j.linalg.api.buffer.DataType[0]));
            ops.add(f);
            contexts.add(own);
        }

        /**
         * Whether an op's outputs are the same every step of this batch size: shape queries (every
         * shape is fixed), and ops that read only constants and such outputs (reshape targets, say).
         */
        private boolean fixed(SameDiff sd, DifferentialFunction f, List<String> inputNames) {
            if (f instanceof Shape || f instanceof Size || f instanceof SizeAt || f instanceof Rank) return true;
            if (inputNames == null || inputNames.isEmpty() || f instanceof RandomOp) return false;
            for (String n : inputNames) if (!fixedNames.contains(n) && !sd.getVariable(n).isConstant()) return false;
            return true;
        }

        /**
         * A reshape of a contiguous array becomes a view of it, which the ops after it read instead
         * of a copy: every array of a pass is written once, by its own op, before anything reads it.
         */
        private boolean aliasReshape(INDArray in, INDArray out, String name) {
            if (in.ordering() != 'c' || out.ordering() != 'c' || !org.nd4j.linalg.api.shape.Shape.hasDefaultStridesForShape(in) || in.dataType() != out.dataType()) return false;
            INDArray view = in.reshape('c', out.shape());
            if (view.data().address() != in.data().address() || view.offset() != in.offset()) return false;  // a copy, not a view
            aliases.put(out, view);
            values.put(name, view);
            return true;
        }

        /**
         * The recorded plan, or null if the pass held an op that cannot be replayed. Only the
         * {@code wanted} variables may be read from it: the arrays of others may be left unwritten.
         */
        StepPlan plan(Collection<String> wanted) {
            if (unsupported != null) return null;
            Map<String, INDArray> kept = new HashMap<>();
            for (String name : wanted) kept.put(name, values.get(name));
            dropUnreadInputGradients(kept.values());
            fuseComparisonCasts(kept.values());
            return new StepPlan(feeds, kept, ops, contexts);
        }

        /**
         * A matmul_bp whose first output, the gradient of its left operand, nothing reads becomes
         * the one matmul that computes its second: libnd4j's matmul_bp is two matmul calls, and this
         * is its second with the same arguments, so the numbers do not change. Why: a left operand
         * that is data or a constant still gets its gradient computed: the first layer's patches,
         * batch norm's column of ones (half of those products' backprop; docs/performance.md).
         */
        private void dropUnreadInputGradients(Collection<INDArray> wanted) {
            for (int i = 0; i < ops.size(); i++) {
                OpContext c = contexts.get(i);
                if (!"matmul_bp".equals(ops.get(i).opName()) || c.getOutputArrays().size() != 2) continue;
                INDArray unread = c.getOutputArrays().get(0);
                if (readAfter(i, unread, wanted)) continue;
                List<Long> iArgs = c.getIArguments();
                long transX = iArgs.size() > 0 ? iArgs.get(0) : 0, transY = iArgs.size() > 1 ? iArgs.get(1) : 0, transZ = iArgs.size() > 2 ? iArgs.get(2) : 0;
                List<Double> tArgs = c.getTArguments();
                OpContext own = Nd4j.getExecutioner().buildContext();
                own.setInputArrays(c.getInputArrays().get(0), c.getInputArrays().get(2));
                own.setOutputArrays(c.getOutputArrays().get(1));
                own.setTArguments(tArgs.size() > 0 ? tArgs.get(0) : 1.0, tArgs.size() > 1 ? tArgs.get(1) : 0.0);
                own.setIArguments(transX == 0 ? 1 : 0, transZ, transY);
                ops.set(i, DynamicCustomOp.builder("matmul").build());
                contexts.set(i, own);
            }
        }

        /**
         * {@code x > 0} computed as booleans and then cast to floats (how SameDiff differentiates
         * {@link Relu}'s {@code max(x, 0)}: the mask the gradient is multiplied by) becomes one
         * {@code step} op writing the floats: 1 where x > 0, else 0, the same values. Why: one op
         * instead of two, about half the time; every ReLU of every SameDiff conv family has this pair.
         */
        private void fuseComparisonCasts(Collection<INDArray> wanted) {
            for (int i = 0; i < ops.size(); i++) {
                if (!(ops.get(i) instanceof ScalarGreaterThan gt) || gt.scalar() == null || gt.scalar().getDouble(0) != 0.0) continue;
                INDArray x = contexts.get(i).getInputArrays().get(0), mask = contexts.get(i).getOutputArrays().get(0);
                int j = nextReader(i, mask);
                if (j < 0 || !"cast".equals(ops.get(j).opName()) || readAfter(j, mask, wanted)) continue;
                INDArray floats = contexts.get(j).getOutputArrays().get(0);
                if (!floats.dataType().isFPType()) continue;
                // the step runs where the cast ran, so its output is written when it always was
                OpContext own = Nd4j.getExecutioner().buildContext();
                own.setInputArrays(x);
                own.setOutputArrays(floats);
                ops.set(j, new Step(x, floats, 0.0));
                contexts.set(j, own);
                ops.remove(i);
                contexts.remove(i);
                i--;
            }
        }

        /** The first op after the i-th that reads {@code array}'s buffer, or -1. */
        private int nextReader(int i, INDArray array) {
            long address = array.data().address();
            for (int j = i + 1; j < ops.size(); j++) {
                for (INDArray in : contexts.get(j).getInputArrays()) if (in.data().address() == address) return j;
            }
            return -1;
        }

        /** Whether an op after the i-th, or the caller, reads {@code array}'s buffer. */
        private boolean readAfter(int i, INDArray array, Collection<INDArray> wanted) {
            long address = array.data().address();
            return wanted.stream().anyMatch(w -> w.data().address() == address) || nextReader(i, array) >= 0;
        }
    }
}
