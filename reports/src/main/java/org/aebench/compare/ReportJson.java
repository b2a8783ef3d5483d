package org.aebench.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import org.aebench.results.AtomicFile;

/** The report as JSON, for machines and for the site's changes page; the file is the record, field for field. */
public final class ReportJson {
    /** The file {@code make regress} writes beside the candidate's results, and the site looks for. */
    public static final String FILE = "comparison.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    public static void write(RegressionReport r, Path file) throws IOException {
        AtomicFile.write(file, MAPPER.writeValueAsString(r));
    }

    public static RegressionReport read(Path file) throws IOException {
        try {
            return MAPPER.readValue(file.toFile(), RegressionReport.class);
        } catch (IOException e) {
            throw new IOException(file + " is not a comparison written by this version of aebench: " + e.getMessage(), e);
        }
    }
}
