package org.aebench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aebench.provenance.Provenance;
import org.aebench.matrix.Cell;
import org.aebench.matrix.ExperimentSpec;
import org.aebench.contract.BenchColumn;
import org.aebench.contract.Row;
import org.openjdk.jmh.util.ListStatistics;

/**
 * PyTorch's training step for the benchmark's models, on the same machine and images, with JMH's
 * iteration settings: {@code results/bench/pytorch.csv}, in the schema of {@code summary.csv}.
 *
 * <p>Why: the speed targets are PyTorch's figures, and a shared machine's speed drifts by tens of
 * percent between days; only a reference measured beside the JMH run compares like with like.
 * The matrix supplies each model's settings and the benchmark its images, so the only thing the
 * Python side adds is each architecture in PyTorch ({@code pytorch_reference.py}); models it has
 * no version of (sparse and contractive penalties, dropout and batch norm, unpooling)
 * are listed as skipped, not approximated.
 */
public final class PyTorchReference {
    static final String SCRIPT = "/aebench/pytorch_reference.py";
    /** 99.9%, as JMH reports its score error. */
    private static final double CONFIDENCE = 0.999;

    private PyTorchReference() {}

    /**
     * @param python an interpreter that imports torch (Debian's {@code /usr/bin/python3} with python3-torch)
     */
    public static List<Row<BenchColumn>> run(Path outDir, boolean quick, List<String> models, String python, List<String> options,
                                             Provenance provenance)
            throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        BenchRunner.Iterations iterations = BenchRunner.Iterations.of(quick);
        Path work = Files.createTempDirectory("aebench-pytorch");
        List<Row<BenchColumn>> rows = new ArrayList<>();
        try {
            Path script = script(work);
            String measuredAt = Instant.now().toString();
            for (String model : models == null || models.isEmpty() ? ModelBenchmark.models() : models) {
                Cell cell = ModelBenchmark.cell(model);
                org.aebench.data.Dataset data = ModelBenchmark.data(cell);
                List<String> command = command(python, script, cell.spec(), data.features());
                if (!has(command)) {
                    System.err.println("pytorch: " + model + " skipped (no PyTorch version of it in " + SCRIPT.substring(1) + ")");
                    continue;
                }
                Path images = work.resolve("images.f32");
                writeImages(data.trainX(), images);
                command.addAll(List.of("--images", images.toString(), "--threads", BenchRunner.threads(),
                        "--warmup", String.valueOf(iterations.warmup()), "--warmup-seconds", String.valueOf(iterations.warmupSeconds()),
                        "--iterations", String.valueOf(iterations.measured()), "--seconds", String.valueOf(iterations.measuredSeconds())));
                command.addAll(options);
                JsonNode result = execute(command);
                ListStatistics rates = new ListStatistics();
                result.get("rates").forEach(r -> rates.addValue(r.asDouble()));
                rows.add(BenchRunner.row("pytorch_reference.train", model, "train", "torch " + result.get("torch").asText() + " " + configuration(result.get("config")),
                        rates.getMean(), rates.getN() > 1 ? rates.getMeanErrorAt(CONFIDENCE) : Double.NaN, cell.spec().batchSize(), 1,
                        (int) rates.getN(), provenance, measuredAt));
                System.err.printf("pytorch: %-45s %,10.0f samples/s%n", model, rates.getMean());
            }
        } finally {
            delete(work);
        }
        BenchRunner.keepOthers(outDir.resolve("pytorch.csv"), rows);
        return rows;
    }

    /** The settings PyTorch ran with, as the script found them: "openblas-pthread default flush-denormal". */
    static String configuration(JsonNode config) {
        List<String> parts = new ArrayList<>();
        config.get("blas").forEach(b -> parts.add(b.asText()));
        parts.add(config.get("capability").asText());
        if (config.get("channels_last").asBoolean()) parts.add("channels-last");
        parts.add(config.get("flush_denormal").asBoolean() ? "flush-denormal" : "denormals");
        return String.join(" ", parts);
    }

    /** The script's arguments for a model: its family and architecture settings from the matrix. */
    static List<String> command(String python, Path script, ExperimentSpec spec, int features) {
        List<String> c = new ArrayList<>(List.of(python, script.toString(), "--family", spec.family().key(),
                "--features", String.valueOf(features), "--batch", String.valueOf(spec.batchSize()),
                "--loss", (spec.loss() == null ? org.aebench.matrix.Loss.MSE : spec.loss()).key(),
                "--optimizer", (spec.optimizer() == null ? org.aebench.matrix.Optimizer.ADAM : spec.optimizer()).key(),
                "--lr", String.valueOf(spec.learningRate() == null ? 1e-3 : spec.learningRate()),
                "--weight-decay", String.valueOf(spec.weightDecayRate()),
                "--init", (spec.init() == null ? org.aebench.matrix.WeightInit.PYTORCH_UNIFORM : spec.init()).key()));
        c.addAll(spec.family().pytorchArguments(spec));
        return c;
    }

    /** The script, copied out of the jar into {@code work}. */
    static Path script(Path work) throws IOException {
        Path script = work.resolve("pytorch_reference.py");
        try (InputStream in = PyTorchReference.class.getResourceAsStream(SCRIPT)) {
            Files.copy(in, script);
        }
        return script;
    }

    static void delete(Path work) throws IOException {
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Whether the script builds this model (it says so without training). */
    static boolean has(List<String> command) throws IOException, InterruptedException {
        List<String> check = new ArrayList<>(command);
        check.add("--check");
        return execute(check).get("built").asBoolean();
    }

    static JsonNode execute(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new IOException("cannot start " + command.get(0) + " (set PYTORCH_PYTHON to a python3 with torch): " + e.getMessage(), e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int code = p.waitFor();
        if (code != 0 || out.isEmpty()) {
            throw new IOException(command.get(0) + " " + command.get(1) + " exited with " + code + (code == 1
                    ? " (no torch? make pytorch-deps installs Debian's python3-torch and libopenblas0-openmp; without an OpenBLAS its BLAS is the"
                    + " reference one, ~9x slower)" : ""));
        }
        return new ObjectMapper().readTree(out.substring(out.lastIndexOf('\n') + 1));
    }

    /** Images as the raw little-endian float32 rows the script reads. */
    static void writeImages(org.nd4j.linalg.api.ndarray.INDArray images, Path file) throws IOException {
        float[] values = images.dup('c').data().asFloat();
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(buffer);
        }
    }
}
