package dev.preflight.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.regex.JoniRegularExpressionFactory;
import dev.preflight.manifest.JsonTree.Arr;
import dev.preflight.manifest.JsonTree.Node;
import dev.preflight.manifest.JsonTree.Obj;
import dev.preflight.model.Location;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates a unified manifest against the JSON Schema of its {@code manifestVersion}, bundled in the jar
 * ({@code manifest/json-schema/}, see its README); never fetched.
 */
final class JsonSchemaValidation {
    private static final String DIR = "/manifest/json-schema/";
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private JsonSchemaValidation() {
    }

    /** The bundled schema file for {@code manifestVersion}, or null when none is bundled. */
    static String schemaFile(String manifestVersion) {
        if (manifestVersion == null || !manifestVersion.matches("1\\.[0-9]{1,3}")) return null;
        String name = "v" + manifestVersion + ".schema.json";
        return JsonSchemaValidation.class.getResource(DIR + name) == null ? null : name;
    }

    static List<Diagnostic> validate(Node root, String file, String schemaFile) {
        JsonSchema schema = SCHEMAS.computeIfAbsent(schemaFile, JsonSchemaValidation::load);
        List<Diagnostic> out = new ArrayList<>();
        for (ValidationMessage m : schema.validate(JsonTree.toJackson(root))) {
            Node at = find(root, m.getInstanceLocation());
            Location where = at == null ? root.at() : at.at();
            if ("additionalProperties".equals(m.getType()) && at instanceof Obj o && o.keys().containsKey(m.getProperty())) {
                where = o.keys().get(m.getProperty());
            }
            out.add(new Diagnostic(Diagnostic.Severity.ERROR, "schema", where, m.getMessage()));
        }
        out.sort(null);
        return out;
    }

    private static JsonSchema load(String name) {
        try (InputStream in = JsonSchemaValidation.class.getResourceAsStream(DIR + name)) {
            JsonNode tree = new ObjectMapper().readTree(in);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                    .getSchema(tree, SchemaValidatorsConfig.builder()
                            // the schema's patterns are ECMA-262 (\\v, [\\b]), which java.util.regex does not read
                            .regularExpressionFactory(JoniRegularExpressionFactory.getInstance())
                            .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Node find(Node root, JsonNodePath path) {
        Node node = root;
        for (int i = 0; i < path.getNameCount() && node != null; i++) {
            Object e = path.getElement(i);
            if (node instanceof Obj o && e instanceof String key) node = o.get(key);
            else if (node instanceof Arr a && e instanceof Integer n) node = n < a.items().size() ? a.items().get(n) : null;
            else return node;
        }
        return node;
    }
}
