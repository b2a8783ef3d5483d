package org.aebench.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aebench.train.CellModel;
import org.aebench.data.DataCatalog;
import org.aebench.data.Dataset;
import org.aebench.matrix.Cell;
import org.aebench.matrix.MatrixLoader;
import org.aebench.model.Reconstructor;
import org.aebench.model.TrainableModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Training step and inference of each model family, built from the project's own matrix (so the
 * benchmark measures exactly what the runner trains) on real MNIST / Fashion-MNIST images. A new
 * family adds its experiment id to {@link #model}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ModelBenchmark {
    /** Images reconstructed per inference operation. */
    public static final int INFER_BATCH = 1000;
    /** Training images cycled through, so batches differ as in training. */
    private static final int POOL = 6400;

    /**
     * Set by {@link BenchRunner} from the families' {@code benchmarked()} lists (see {@link #models});
     * JMH's annotation processor insists on a default, which is never used as such.
     */
    @Param({"r000/deep-ae/mnist"})
    public String model;

    private TrainableModel trainable;
    private Reconstructor reconstructor;
    private INDArray pool;
    private INDArray inferBatch;
    private int batch;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Cell cell = cell(model);
        Dataset data = data(cell);
        pool = data.trainX();
        inferBatch = data.testX();
        batch = cell.spec().batchSize();
        reconstructor = CellModel.of(cell, data.features());
        trainable = (TrainableModel) reconstructor;
    }

    /** The images a benchmark of {@code cell} uses: the first {@value #POOL} training and {@value #INFER_BATCH} test images. */
    static Dataset data(Cell cell) {
        return new DataCatalog(Path.of(System.getProperty("aebench.data", "data"))).load(cell.spec().dataset(), POOL, INFER_BATCH);
    }

    /** Every model id the benchmark measures, in order. */
    static List<String> models() {
        return org.aebench.matrix.Families.all().stream().flatMap(f -> f.benchmarked().stream()).toList();
    }

    /** The first seed's cell of an experiment id in the full profile. */
    public static Cell cell(String experimentId) {
        Path matrix = Path.of(System.getProperty("aebench.matrix", "experiments/matrix"));
        return new MatrixLoader().load(matrix, "full").stream().filter(c -> c.experimentId().equals(experimentId))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no experiment " + experimentId + " in " + matrix));
    }

    @Benchmark
    public double train() {
        if (next + batch > POOL) next = 0;
        INDArray x = pool.get(NDArrayIndex.interval(next, next + batch), NDArrayIndex.all());
        next += batch;
        return trainable.fitBatch(x, x);
    }

    @Benchmark
    public INDArray infer() {
        return reconstructor.reconstruct(inferBatch);
    }
}
