package org.aebench.ops;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A libnd4j custom op bound once to its arrays and arguments, run as often as a step needs it.
 *
 * <p>Why: {@code Nd4j.exec(op)} builds a native context, argument buffers and a random-generator
 * handle for every call, each with a reference the collector must trace; a small dense network's
 * step made hundreds of them, and the young collections they caused stopped every worker of the
 * JVM (docs/performance.md, "Objects per step"). The native call is the same as {@code Nd4j.exec}'s,
 * so results are bit-identical.
 */
public final class PreparedOp {
    private final CustomOp op;
    private final OpContext context;

    private PreparedOp(CustomOp op) {
        this.op = op;
        this.context = Nd4j.getExecutioner().buildContext();
        context.setInputArrays(op.inputArguments().toArray(new INDArray[0]));
        context.setOutputArrays(op.outputArguments().toArray(new INDArray[0]));
        context.setIArguments(op.iArgs());
        context.setTArguments(op.tArgs());
        context.setBArguments(op.bArgs());
        context.setDArguments(op.dArgs());
        // the outputs are given, of the shape the op computes: no native shape function per call
        context.shapeFunctionOverride(true);
    }

    /** {@code op} with its inputs, outputs and arguments set, as {@code Nd4j.exec(op)} would run it. */
    public static PreparedOp of(CustomOp op) {
        if (op.outputArguments().isEmpty()) throw new IllegalArgumentException(op.opName() + ": a prepared op needs its output arrays");
        return new PreparedOp(op);
    }

    /** Replaces input {@code index} (same shape and type: a new batch in the arrays' place) for the next runs. */
    public PreparedOp input(int index, INDArray array) {
        INDArray old = op.inputArguments().get(index);
        if (!old.equalShapes(array) || old.dataType() != array.dataType()) {
            throw new IllegalArgumentException(op.opName() + " input " + index + ": prepared for " + old.shapeInfoToString()
                    + ", given " + array.shapeInfoToString());
        }
        context.setInputArray(index, array);
        return this;
    }

    public void run() {
        Nd4j.getExecutioner().exec(op, context);
    }
}
