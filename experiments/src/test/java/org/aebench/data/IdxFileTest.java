package org.aebench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {
    @TempDir
    Path dir;

    /** An IDX file of unsigned bytes with the given dimensions; data bytes count 0, 1, 2, ... */
    static byte[] idx(int[] dims) {
        int n = Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + n);
        b.putShort((short) 0).put((byte) 0x08).put((byte) dims.length);
        for (int d : dims) b.putInt(d);
        for (int i = 0; i < n; i++) b.put((byte) i);
        return b.array();
    }

    @Test
    void readsPlainImages() throws IOException {
        Path f = dir.resolve("images-idx3-ubyte");
        Files.write(f, idx(new int[] {3, 2, 2}));
        IdxFile idx = IdxFile.read(f);
        assertArrayEquals(new int[] {3, 2, 2}, idx.dims());
        assertEquals(3, idx.count());
        assertEquals(4, idx.itemSize());
        assertEquals(11, idx.data()[11]);
    }

    @Test
    void readsGzippedLabels() throws IOException {
        Path f = dir.resolve("labels-idx1-ubyte.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(idx(new int[] {5}));
        }
        IdxFile idx = IdxFile.read(f);
        assertArrayEquals(new int[] {5}, idx.dims());
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4}, idx.data());
    }

    @Test
    void rejectsTruncatedFileNamingIt() throws IOException {
        byte[] full = idx(new int[] {10, 28, 28});
        Path f = dir.resolve("train-images-idx3-ubyte");
        Files.write(f, Arrays.copyOf(full, full.length - 100));
        DataException e = assertThrows(DataException.class, () -> IdxFile.read(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("make data"), e.getMessage());
    }

    @Test
    void rejectsFileTruncatedInsideHeader() throws IOException {
        Path f = dir.resolve("short");
        Files.write(f, Arrays.copyOf(idx(new int[] {10, 28, 28}), 9));
        assertThrows(DataException.class, () -> IdxFile.read(f));
    }

    @Test
    void rejectsWrongMagicNumber() throws IOException {
        byte[] bytes = idx(new int[] {2, 2});
        bytes[2] = 0x0D; // float data: not what MNIST files hold
        Path f = dir.resolve("float-idx");
        Files.write(f, bytes);
        DataException e = assertThrows(DataException.class, () -> IdxFile.read(f));
        assertTrue(e.getMessage().contains("magic number 0x00000d02"), e.getMessage());
    }

    @Test
    void rejectsTrailingBytes() throws IOException {
        byte[] full = idx(new int[] {2, 2});
        Path f = dir.resolve("long");
        Files.write(f, Arrays.copyOf(full, full.length + 3));
        DataException e = assertThrows(DataException.class, () -> IdxFile.read(f));
        assertTrue(e.getMessage().contains("longer than its header says"), e.getMessage());
    }

    @Test
    void rejectsGzipThatIsNotGzip() throws IOException {
        Path f = dir.resolve("fake.gz");
        Files.write(f, idx(new int[] {2}));
        DataException e = assertThrows(DataException.class, () -> IdxFile.read(f));
        assertTrue(e.getMessage().contains(f.toString()));
    }

    @Test
    void missingFileSaysHowToFetch() {
        DataException e = assertThrows(DataException.class, () -> IdxFile.read(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("make data"), e.getMessage());
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bos)) {
            out.write(raw);
        }
        return bos.toByteArray();
    }
}
