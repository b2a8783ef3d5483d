package org.aebench.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The ops DenseNetwork prepares give exactly what the INDArray calls they replace give, so that
 * training stays bit-identical (the regression gate checks whole runs; this names the op at fault).
 */
class PreparedOpTest {
    @ParameterizedTest
    @CsvSource({"64, 30", "64, 512", "64, 784", "100, 256", "256, 1000", "5, 7"})
    void columnSumsAndBiasAddAreBitIdentical(long rows, long cols) {
        Nd4j.getRandom().setSeed(rows * 1000 + cols);
        INDArray x = Nd4j.randn(DataType.FLOAT, rows, cols).muli(1e-3);
        // the bias gradient is a view into the flat gradient buffer, at an offset
        INDArray flat = Nd4j.create(DataType.FLOAT, 1, cols + 17);
        INDArray sums = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(17, 17 + cols)).reshape('c', 1, cols);
        PreparedOp.of(DynamicCustomOp.builder("reduce_sum").addInputs(x).addOutputs(sums)
                .addIntegerArguments(0).addBooleanArguments(true).build()).run();
        assertArrayEquals(x.sum(true, 0).data().asFloat(), sums.dup().data().asFloat());

        INDArray bias = Nd4j.randn(DataType.FLOAT, 1, cols);
        INDArray expected = x.dup().addiRowVector(bias);
        INDArray z = x.dup();
        PreparedOp.of(new AddOp(z, bias, z)).run();
        assertArrayEquals(expected.data().asFloat(), z.data().asFloat());
    }

    @Test
    void aReplacedInputIsReadOnTheNextRun() {
        INDArray w = Nd4j.rand(DataType.FLOAT, 4, 3);
        INDArray out = Nd4j.create(DataType.FLOAT, 2, 3);
        PreparedOp product = PreparedOp.of(new Mmul(Nd4j.create(DataType.FLOAT, 2, 4), w, out, 1.0, 0.0,
                org.nd4j.linalg.api.blas.params.MMulTranspose.allFalse()));
        INDArray pool = Nd4j.rand(DataType.FLOAT, 6, 4);
        for (int start = 0; start < 6; start += 2) {
            INDArray batch = pool.get(NDArrayIndex.interval(start, start + 2), NDArrayIndex.all());
            product.input(0, batch).run();
            assertArrayEquals(batch.mmul(w).data().asFloat(), out.dup().data().asFloat(), "rows " + start);
        }
        assertThrows(IllegalArgumentException.class, () -> product.input(0, Nd4j.create(DataType.FLOAT, 3, 4)));
        assertThrows(IllegalArgumentException.class, () -> product.input(0, Nd4j.create(DataType.DOUBLE, 2, 4)));
    }

    @Test
    void anOpWithoutOutputsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> PreparedOp.of(DynamicCustomOp.builder("tanh").addInputs(Nd4j.rand(DataType.FLOAT, 2, 2)).build()));
    }
}
