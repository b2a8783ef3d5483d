package org.aebench.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The data folder (default {@code data/}, filled by {@code make data}). Every file is checked
 * against the SHA-256 committed in {@code aebench/data/SHA256SUMS} before its first use, so a
 * wrong or damaged file stops a run before any training. Loaded data sets are kept per process.
 */
public final class DataCatalog {
    private final Path dataDir;
    private final Map<String, String> expectedSha256;
    private final Map<DatasetId, Dataset> loaded = new EnumMap<>(DatasetId.class);

    public DataCatalog(Path dataDir) {
        this(dataDir, committedChecksums());
    }

    public DataCatalog(Path dataDir, Map<String, String> expectedSha256) {
        this.dataDir = dataDir;
        this.expectedSha256 = Map.copyOf(expectedSha256);
    }

    public Path dataDir() { return dataDir; }

    /** The full data set, verified; later calls return the same arrays. */
    public synchronized Dataset load(DatasetId id) {
        Dataset d = loaded.get(id);
        if (d == null && id.source() != id) {
            d = ColouredMnist.colour(load(id.source()), id);
            loaded.put(id, d);
        }
        if (d == null) {
            Map<String, String> sums = new LinkedHashMap<>();
            INDArray trainX = images(id.trainImages(), sums);
            int[] trainY = labels(id.trainLabels(), sums);
            INDArray testX = images(id.testImages(), sums);
            int[] testY = labels(id.testLabels(), sums);
            if (trainX.rows() != trainY.length || testX.rows() != testY.length) {
                throw new DataException(id + ": image and label counts differ. Delete " + dataDir.resolve(id.key()) + " and run `make data`.");
            }
            d = new Dataset(id, trainX, trainY, testX, testY, Map.copyOf(sums));
            loaded.put(id, d);
        }
        return d;
    }

    /** The first {@code trainLimit} training and {@code testLimit} test images (null = all). */
    public Dataset load(DatasetId id, Integer trainLimit, Integer testLimit) {
        Dataset full = load(id);
        int nTrain = limit(trainLimit, full.trainCount());
        int nTest = limit(testLimit, full.testCount());
        if (nTrain == full.trainCount() && nTest == full.testCount()) return full;
        return new Dataset(id,
                full.trainX().get(NDArrayIndex.interval(0, nTrain), NDArrayIndex.all()).dup(),
                java.util.Arrays.copyOf(full.trainLabels(), nTrain),
                full.testX().get(NDArrayIndex.interval(0, nTest), NDArrayIndex.all()).dup(),
                java.util.Arrays.copyOf(full.testLabels(), nTest), full.sha256());
    }

    private static int limit(Integer limit, int available) {
        return limit == null ? available : Math.min(limit, available);
    }

    private INDArray images(String relative, Map<String, String> sums) {
        IdxFile idx = verifiedRead(relative, sums);
        if (idx.dims().length != 3) {
            throw new DataException(idx.source() + " should hold images (3 dimensions) but has " + idx.dims().length + ". Delete it and run `make data`.");
        }
        byte[] raw = idx.data();
        float[] pixels = new float[raw.length];
        for (int i = 0; i < raw.length; i++) pixels[i] = (raw[i] & 0xff) / 255f;
        return Nd4j.create(pixels, new long[] {idx.count(), idx.itemSize()}, DataType.FLOAT);
    }

    private int[] labels(String relative, Map<String, String> sums) {
        IdxFile idx = verifiedRead(relative, sums);
        if (idx.dims().length != 1) {
            throw new DataException(idx.source() + " should hold labels (1 dimension) but has " + idx.dims().length + ". Delete it and run `make data`.");
        }
        int[] out = new int[idx.count()];
        for (int i = 0; i < out.length; i++) out[i] = idx.data()[i] & 0xff;
        return out;
    }

    private IdxFile verifiedRead(String relative, Map<String, String> sums) {
        Path file = dataDir.resolve(relative);
        String expected = expectedSha256.get(relative);
        if (expected == null) throw new IllegalStateException("no committed checksum for " + relative);
        if (!Files.isRegularFile(file)) {
            throw new DataException(file + " is missing. Run `make data` (or `make data DATA_DIR=" + dataDir + "`) to fetch it.");
        }
        String actual = sha256(file);
        if (!actual.equals(expected)) {
            throw new DataException(file + " does not match its committed checksum (expected " + expected + ", found " + actual
                    + "): it is damaged or from another release. Delete it and run `make data`.");
        }
        sums.put(relative, actual);
        return IdxFile.read(file);
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new DataException(file + " cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The checksums committed with the project, in {@code sha256sum} format. */
    public static Map<String, String> committedChecksums() {
        Map<String, String> sums = new LinkedHashMap<>();
        try (InputStream in = DataCatalog.class.getResourceAsStream("/aebench/data/SHA256SUMS")) {
            if (in == null) throw new IllegalStateException("missing resource aebench/data/SHA256SUMS");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                String[] parts = line.trim().split("\\s+", 2);
                sums.put(parts[1], parts[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sums;
    }
}
