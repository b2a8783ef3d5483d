package org.aebench.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SchemaJsonTest {
    /** Surefire runs in the contract module's folder; the committed path is relative to the project root. */
    private static final Path COMMITTED = Path.of("..").resolve(SchemaJson.COMMITTED);

    @Test
    void theCommittedSchemaIsWhatTheEnumsSay() throws IOException {
        String expected = SchemaJson.render();
        if (Boolean.getBoolean("schema.update")) Files.writeString(COMMITTED, expected, StandardCharsets.UTF_8);
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertEquals(expected, committed, SchemaJson.COMMITTED + " is out of date with the enums: regenerate it with"
                + " `mvn -q -pl contract test -Dschema.update=true` and commit it");
    }
}
