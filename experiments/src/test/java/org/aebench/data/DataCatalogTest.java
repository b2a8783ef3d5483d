package org.aebench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCatalogTest {
    @TempDir
    Path dir;
    Map<String, String> sums = new LinkedHashMap<>();

    @BeforeEach
    void writeTinyMnist() throws IOException {
        DatasetId id = DatasetId.MNIST;
        write(id.trainImages(), IdxFileTest.idx(new int[] {6, 28, 28}));
        write(id.trainLabels(), IdxFileTest.idx(new int[] {6}));
        write(id.testImages(), IdxFileTest.idx(new int[] {4, 28, 28}));
        write(id.testLabels(), IdxFileTest.idx(new int[] {4}));
    }

    private void write(String relative, byte[] bytes) throws IOException {
        Path f = dir.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.write(f, bytes);
        sums.put(relative, DataCatalog.sha256(f));
    }

    @Test
    void loadsVerifiedImagesScaledToUnitInterval() {
        Dataset d = new DataCatalog(dir, sums).load(DatasetId.MNIST);
        assertEquals(6, d.trainCount());
        assertEquals(4, d.testCount());
        assertEquals(784, d.features());
        assertEquals(5 / 255f, d.trainX().getFloat(0, 5), 0);
        assertEquals(sums.get(DatasetId.MNIST.trainImages()), d.sha256().get(DatasetId.MNIST.trainImages()));
        Dataset limited = new DataCatalog(dir, sums).load(DatasetId.MNIST, 2, 3);
        assertEquals(2, limited.trainCount());
        assertEquals(3, limited.testCount());
    }

    @Test
    void checksumMismatchStopsBeforeUseAndNamesTheFile() throws IOException {
        Path f = dir.resolve(DatasetId.MNIST.testImages());
        byte[] bytes = Files.readAllBytes(f);
        bytes[100] ^= 1; // one flipped bit: still a valid IDX file, so only the checksum can catch it
        Files.write(f, bytes);
        DataException e = assertThrows(DataException.class, () -> new DataCatalog(dir, sums).load(DatasetId.MNIST));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void missingFileSaysMakeData() throws IOException {
        Files.delete(dir.resolve(DatasetId.MNIST.trainLabels()));
        DataException e = assertThrows(DataException.class, () -> new DataCatalog(dir, sums).load(DatasetId.MNIST));
        assertTrue(e.getMessage().contains("make data"), e.getMessage());
    }

    @Test
    void committedChecksumsCoverAllEightFiles() {
        Map<String, String> committed = DataCatalog.committedChecksums();
        assertEquals(8, committed.size());
        for (DatasetId id : DatasetId.values()) {
            for (String f : new String[] {id.trainImages(), id.trainLabels(), id.testImages(), id.testLabels()}) {
                assertTrue(committed.get(f).matches("[0-9a-f]{64}"), f);
            }
        }
    }
}
