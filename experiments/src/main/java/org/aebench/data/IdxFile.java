package org.aebench.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * An IDX file (the MNIST format): magic number, dimensions, then unsigned bytes. Reads plain and
 * gzip-compressed files and checks the magic number, the dimensions and the exact byte length,
 * so a truncated or foreign file fails here with its name instead of as garbage pixels later.
 */
public record IdxFile(Path source, int[] dims, byte[] data) {
    /** IDX type code for unsigned bytes, the only one MNIST-style files use. */
    private static final int UNSIGNED_BYTE = 0x08;

    public static IdxFile read(Path file) {
        byte[] bytes;
        try {
            bytes = file.getFileName().toString().endsWith(".gz") ? gunzip(file) : Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataException(file + " is missing. Run `make data` to fetch the data sets.");
        } catch (IOException e) {
            throw new DataException(file + " cannot be read (" + e.getMessage() + "). Delete it and run `make data`.", e);
        }
        return parse(file, bytes);
    }

    static IdxFile parse(Path file, byte[] bytes) {
        if (bytes.length < 4) {
            throw new DataException(file + " is truncated: " + bytes.length + " bytes, not even an IDX header. Delete it and run `make data`.");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int zero = buf.getShort() & 0xffff;
        int type = buf.get() & 0xff;
        int ndims = buf.get() & 0xff;
        if (zero != 0 || type != UNSIGNED_BYTE || ndims < 1 || ndims > 4) {
            throw new DataException(String.format(
                    "%s is not an unsigned-byte IDX file (magic number 0x%08x, expected 0x000008NN with 1-4 dimensions). Delete it and run `make data`.",
                    file, ByteBuffer.wrap(bytes, 0, 4).getInt()));
        }
        if (bytes.length < 4 + 4L * ndims) {
            throw new DataException(file + " is truncated inside its header. Delete it and run `make data`.");
        }
        int[] dims = new int[ndims];
        long expected = 1;
        for (int i = 0; i < ndims; i++) {
            dims[i] = buf.getInt();
            if (dims[i] <= 0) throw new DataException(file + " declares dimension " + i + " as " + dims[i] + ". Delete it and run `make data`.");
            expected *= dims[i];
        }
        long headerLength = 4 + 4L * ndims;
        long actual = bytes.length - headerLength;
        if (actual != expected) {
            throw new DataException(String.format("%s is %s: dimensions %s need %d data bytes, the file has %d. Delete it and run `make data`.",
                    file, actual < expected ? "truncated" : "longer than its header says", Arrays.toString(dims), expected, actual));
        }
        return new IdxFile(file, dims, Arrays.copyOfRange(bytes, (int) headerLength, bytes.length));
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    /** Number of items (the first dimension). */
    public int count() { return dims[0]; }

    /** Bytes per item (product of the other dimensions). */
    public int itemSize() {
        int size = 1;
        for (int i = 1; i < dims.length; i++) size *= dims[i];
        return size;
    }
}
