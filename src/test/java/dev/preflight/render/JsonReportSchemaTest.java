package dev.preflight.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.preflight.report.Report;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON report of every golden case validates against the documented schema, docs/report.schema.json. */
class JsonReportSchemaTest {
    @Test
    void everyCaseValidates() throws Exception {
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(Path.of("docs/report.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        for (Map.Entry<String, Report> c : RendererGoldenTest.cases().entrySet()) {
            JsonNode json = new ObjectMapper().readTree(RendererGoldenTest.render("json", c.getValue()));
            Set<ValidationMessage> errors = schema.validate(json);
            assertTrue(errors.isEmpty(), c.getKey() + ": " + errors);
        }
    }
}
