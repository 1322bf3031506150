package dev.preflight.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.preflight.report.Report;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Preflight's SARIF validates against the official SARIF 2.1.0 schema, formats (uri) included. */
class SarifSchemaTest {

    @Test
    void everyGoldenCaseValidates() throws Exception {
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in, config);
        }
        ObjectMapper mapper = new ObjectMapper();
        int results = 0;
        for (Map.Entry<String, Report> c : RendererGoldenTest.cases().entrySet()) {
            JsonNode sarif = mapper.readTree(RendererGoldenTest.render("sarif", c.getValue()));
            Set<ValidationMessage> errors = schema.validate(sarif);
            assertTrue(errors.isEmpty(), c.getKey() + ": " + errors);
            results += sarif.get("runs").get(0).get("results").size();
            // Every finding, and with a baseline each fixed one as a result whose baselineState is absent.
            assertEquals(c.getValue().entries().size() + c.getValue().fixed().size(), sarif.get("runs").get(0).get("results").size());
        }
        assertTrue(results > 10, "the cases carry results");
    }

    @Test
    void fingerprintsAreStableAndIgnoreTheMessage() throws Exception {
        Report many = RendererGoldenTest.cases().get("many");
        JsonNode a = new ObjectMapper().readTree(RendererGoldenTest.render("sarif", many));
        JsonNode b = new ObjectMapper().readTree(RendererGoldenTest.render("sarif", RendererGoldenTest.cases().get("many")));
        assertEquals(a.at("/runs/0/results"), b.at("/runs/0/results"));
        var f = many.entries().get(0).finding();
        var reworded = new dev.preflight.engine.Finding(f.ruleId(), f.about(), f.subjectKind(), f.subjectId(), f.subjectName(),
                f.context(), "another wording", f.evidence(), f.location());
        assertEquals(Fingerprint.of(f), Fingerprint.of(reworded));
    }
}
