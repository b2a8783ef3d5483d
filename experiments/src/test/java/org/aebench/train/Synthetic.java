package org.aebench.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.aebench.data.Dataset;
import org.aebench.data.DatasetId;
import org.aebench.matrix.Cell;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.families.DenseAeFamily;
import org.aebench.matrix.Families;
import org.aebench.matrix.ModelFamily;
import org.aebench.matrix.Loss;
import org.aebench.matrix.Optimizer;
import org.aebench.matrix.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Small made-up data and cells, so model tests run without the real data sets. */
public final class Synthetic {
    private Synthetic() {}

    /** Images that lie near a 5-dimensional subspace, clipped to [0,1]: learnable by a small AE. */
    public static Dataset dataset(int train, int test, long seed) {
        Random r = new Random(seed);
        int d = 784, k = 5;
        float[][] basis = new float[k][d];
        for (float[] b : basis) for (int j = 0; j < d; j++) b[j] = (float) (r.nextGaussian() * 0.3);
        float[] all = new float[(train + test) * d];
        for (int i = 0; i < train + test; i++) {
            double[] z = new double[k];
            for (int c = 0; c < k; c++) z[c] = r.nextGaussian();
            for (int j = 0; j < d; j++) {
                double v = 0.3;
                for (int c = 0; c < k; c++) v += z[c] * basis[c][j];
                all[i * d + j] = (float) Math.min(1, Math.max(0, v));
            }
        }
        var x = Nd4j.create(all, new long[] {train + test, d}, DataType.FLOAT);
        return new Dataset(DatasetId.MNIST,
                x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, train), org.nd4j.linalg.indexing.NDArrayIndex.all()).dup(),
                new int[train],
                x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(train, train + test), org.nd4j.linalg.indexing.NDArrayIndex.all()).dup(),
                new int[test], Map.of("synthetic", "seed=" + seed));
    }

    public static ExperimentSpec dense(List<String> layers, Loss loss, Optimizer optimizer) {
        return new ExperimentSpec("test", "t", null, Families.get(DenseAeFamily.class), DatasetId.MNIST, loss, optimizer,
                optimizer == Optimizer.ADAM ? 1e-3 : null, 32, 3, WeightInit.PYTORCH_UNIFORM, List.of(1), new LinkedHashMap<>(), null, null, null, null,
                new DenseAeFamily.Settings(layers, null, null, null, null, null, null));
    }

    public static ExperimentSpec closedForm(ModelFamily<?> family, Record settings) {
        return new ExperimentSpec("test", "t", null, family, DatasetId.MNIST, null, null, null, null, null, null, List.of(1), new LinkedHashMap<>(),
                null, null, null, null, settings);
    }

    /** {@code spec} with one field (a component of the spec, or else of its family's settings, by name) set to {@code value}. */
    public static ExperimentSpec with(ExperimentSpec spec, String field, Object value) {
        boolean shared = java.util.Arrays.stream(ExperimentSpec.class.getRecordComponents()).anyMatch(c -> c.getName().equals(field));
        return shared ? withComponent(spec, field, value) : spec.with(spec.family(), withComponent(spec.settings(), field, value));
    }

    @SuppressWarnings("unchecked")
    private static <R extends Record> R withComponent(R record, String field, Object value) {
        try {
            var components = record.getClass().getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            boolean found = false;
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                found |= components[i].getName().equals(field);
                args[i] = components[i].getName().equals(field) ? value : components[i].getAccessor().invoke(record);
            }
            if (!found) throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no field " + field);
            return (R) record.getClass().getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Cell cell(ExperimentSpec spec, int seed, int epochs) {
        return new Cell("t/" + spec.name() + "/mnist/seed=" + seed, "t/" + spec.name() + "/mnist", "t", "t.yaml", spec,
                Map.of(), seed, "smoke", null, null, epochs);
    }
}
