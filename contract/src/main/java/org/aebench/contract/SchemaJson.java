package org.aebench.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contract as JSON ({@code contract/src/main/resources/aebench/schema.json}), so that the
 * Python scripts read column names, roles and statuses from the enums instead of repeating them.
 */
public final class SchemaJson {
    /** Where the committed copy lives, relative to the project root. */
    public static final String COMMITTED = "contract/src/main/resources/aebench/schema.json";

    private SchemaJson() {}

    public static String render() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("about", "Generated from org.aebench.contract by SchemaJson; SchemaJsonTest fails when it is out of date.");
        root.put("statuses", Arrays.stream(Status.values()).map(Status::key).toList());
        root.put("results_columns", Arrays.stream(ResultColumn.values()).map(c -> column(c.header(), c.type(), c.role().name().toLowerCase(),
                c.description())).toList());
        root.put("curves_columns", Arrays.stream(CurveColumn.values()).map(c -> column(c.header(), c.type(), null, c.description())).toList());
        root.put("crosscheck_columns", Arrays.stream(CrosscheckColumn.values()).map(c -> column(c.header(), c.type(), null, c.description())).toList());
        root.put("artifacts", Arrays.stream(Artifact.values()).map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();  // Map.of's order changes from one JVM to the next
            m.put("name", a.name().toLowerCase());
            m.put("file", a.file());
            return m;
        }).toList());
        root.put("artifact_folder", "the cell id with every '/' replaced by '~'");
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> column(String name, ColumnType type, String role, String description) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("type", type.name().toLowerCase());
        if (role != null) m.put("role", role);
        m.put("description", description);
        return m;
    }
}
