package org.aebench.results;

import org.aebench.contract.Column;
import org.aebench.contract.ColumnType;
import org.aebench.contract.Row;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * An append-only CSV file with a fixed schema, written so that a crash or kill never leaves a
 * half-written row behind: rows are formatted in memory, appended with one write and forced to
 * disk; a trailing fragment left by a kill during that write is cut off when the file is opened
 * again. Every read and write of the project's CSV goes through here.
 */
public final class CsvTable<C extends Enum<C> & Column> {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").build();

    private final Path file;
    private final Class<C> columns;

    public CsvTable(Path file, Class<C> columns) {
        this.file = file;
        this.columns = columns;
    }

    public Path file() { return file; }

    public List<String> header() {
        return Arrays.stream(columns.getEnumConstants()).map(Column::header).toList();
    }

    /**
     * Reads every complete row; a missing file reads as empty. Does not modify the file. A file
     * from an older version with fewer columns reads too (the missing ones are empty); appending
     * to it does not.
     */
    public List<Row<C>> read() throws IOException {
        if (!Files.exists(file)) return List.of();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return parse(completePart(text), false);
    }

    /** A row as read, with the file line it ends on (a quoted value may span lines). */
    public record Line<C extends Enum<C> & Column>(long line, Row<C> row) {}

    /**
     * Reads every row of a file that must have been written by this version: the header must be
     * exactly this schema's and every value must be of its column's type. Unlike {@link #read}, a
     * missing file, a torn last row or an older schema is an error, so a checker can trust what it read.
     */
    public List<Line<C>> readStrict() throws IOException {
        return readStrict(false);
    }

    /**
     * As {@link #readStrict()}, but a file from an older version (a subset of this schema's
     * columns, in any order) reads too, its missing columns empty: for a committed baseline that
     * predates a new measure. {@link #columnsOf} says which columns the file has.
     */
    public List<Line<C>> readStrict(boolean olderSchema) throws IOException {
        if (!Files.isRegularFile(file)) throw new MalformedCsvException(file + " does not exist");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!completePart(text).equals(text)) {
            throw new MalformedCsvException(file + ": the last row is incomplete (a run was killed while writing it?)");
        }
        try {
            return lines(text, !olderSchema, true);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new MalformedCsvException(file + ": not a well-formed CSV file (" + e.getMessage() + ")");
        }
    }

    /**
     * Makes the file ready for appending: creates it with the header when absent, cuts off a
     * trailing partial row, brings a file from an older version (fewer columns) up to the current
     * columns, and refuses a file written with another schema.
     */
    public List<Row<C>> openForAppend() throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            rewrite(List.of());
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String complete = completePart(text);
        List<Row<C>> older = olderSchema(complete);
        if (older != null) {
            // a file from before a column was added: rewrite it with the new columns left empty
            rewrite(older);
            return older;
        }
        if (complete.length() != text.length()) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(complete.getBytes(StandardCharsets.UTF_8).length);
                ch.force(true);
            }
        }
        return parse(complete, true);
    }

    /**
     * Appends rows as one write, then forces them to disk. A write that fails part-way (a full
     * disk, a quota) is cut back off, so the file never ends in half a row.
     */
    public void append(List<Row<C>> rows) throws IOException {
        if (rows.isEmpty()) return;
        byte[] bytes = format(rows, false).getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            long before = ch.size();
            try {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(false);
            } catch (IOException e) {
                ch.truncate(before);
                throw e;
            }
        }
    }

    /** Bytes in the file now (0 when absent): where {@link #truncate} can cut back to. */
    public long size() throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    /** Cuts the file back to {@code size} bytes: undoes appends that must not stay without a later one. */
    public void truncate(long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size);
        }
    }

    /** Replaces the whole file atomically (temp file + rename). */
    public void rewrite(List<Row<C>> rows) throws IOException {
        AtomicFile.write(file, format(rows, true));
    }

    /** The rows when the text has a proper subset of our columns (an older version wrote it), else null. */
    private List<Row<C>> olderSchema(String complete) throws IOException {
        int end = complete.indexOf('\n');
        if (end < 0) return null;
        List<String> found = List.of(complete.substring(0, end).trim().split(","));
        if (found.equals(header()) || !header().containsAll(found)) return null;
        return parse(complete, false);
    }

    private String format(List<Row<C>> rows, boolean withHeader) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            if (withHeader) printer.printRecord(header());
            C[] cols = columns.getEnumConstants();
            for (Row<C> row : rows) {
                List<String> values = new ArrayList<>(cols.length);
                for (C c : cols) values.add(row.get(c));
                printer.printRecord(values);
            }
        }
        return out.toString();
    }

    /** The text up to and including the last record separator outside quotes. */
    private static String completePart(String text) {
        boolean quoted = false;
        int lastEnd = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == '\n' && !quoted) lastEnd = i + 1;
        }
        return text.substring(0, lastEnd);
    }

    private List<Row<C>> parse(String text, boolean exact) throws IOException {
        return lines(text, exact, false).stream().map(Line::row).toList();
    }

    /**
     * @param exact  the header must be exactly this schema's (else a subset: an older version's file)
     * @param strict every value must be of its column's type, and a mismatch is reported as "regenerate it"
     */
    private List<Line<C>> lines(String text, boolean exact, boolean strict) throws IOException {
        if (text.isEmpty()) return List.of();
        List<Line<C>> rows = new ArrayList<>();
        try (Reader r = new java.io.StringReader(text);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            List<String> found = parser.getHeaderNames();
            if (exact ? !found.equals(header()) : !header().containsAll(found)) {
                throw new SchemaMismatchException(file, header(), found, strict ? "Regenerate it with this version of aebench."
                        : "Move it away or rerun with --force to start a fresh results file.");
            }
            C[] cols = columns.getEnumConstants();
            for (CSVRecord rec : parser) {
                long line = parser.getCurrentLineNumber();
                if (strict && rec.size() != found.size()) {
                    throw new MalformedCsvException(file + " line " + line + ": " + rec.size() + " values, the header has " + found.size());
                }
                Row<C> row = new Row<>(columns);
                for (C c : cols) {
                    String v = rec.isMapped(c.header()) ? rec.get(c.header()) : "";
                    if (strict && !c.type().accepts(v)) {
                        throw new MalformedCsvException(file + " line " + line + ", column " + c.header() + ": '" + v
                                + "' is not " + (c.type() == ColumnType.INTEGER ? "an integer" : "a " + c.type().name().toLowerCase())
                                + (c.type() == ColumnType.NUMBER ? " (an unmeasured value is left empty, never NaN)" : ""));
                    }
                    row.set(c, v);
                }
                rows.add(new Line<>(line, row));
            }
        }
        return rows;
    }

    /** The columns of this schema that the file's header names (all of them for a file of this version). */
    public List<C> columnsOf() throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        List<String> found = List.of((end < 0 ? text : text.substring(0, end)).trim().split(","));
        return java.util.Arrays.stream(columns.getEnumConstants()).filter(c -> found.contains(c.header())).toList();
    }

    /** The file on disk is not what this version of aebench writes. */
    public static class MalformedCsvException extends IOException {
        public MalformedCsvException(String message) {
            super(message);
        }
    }

    /** The file on disk was written with another set of columns. */
    public static final class SchemaMismatchException extends MalformedCsvException {
        public SchemaMismatchException(Path file, List<String> expected, List<String> found, String advice) {
            super(file + " was written with another column set than this version of aebench writes "
                    + "(expected " + expected.size() + " columns, found " + found.size() + differences(expected, found) + "). " + advice);
        }

        private static String differences(List<String> expected, List<String> found) {
            List<String> missing = expected.stream().filter(c -> !found.contains(c)).toList();
            List<String> unknown = found.stream().filter(c -> !expected.contains(c)).toList();
            return (missing.isEmpty() ? "" : "; missing: " + String.join(", ", missing))
                    + (unknown.isEmpty() ? "" : "; unknown: " + String.join(", ", unknown))
                    + (missing.isEmpty() && unknown.isEmpty() ? "; same columns in another order" : "");
        }
    }
}
