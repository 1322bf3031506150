package dev.preflight.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.preflight.model.Location;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The snapshot schema check as it was done with networknt's json-schema-validator on a JSON copy of the tree: the
 * reference {@link SchemaCheck} is compared with, problem for problem ({@code SchemaCheckEquivalenceTest}).
 */
final class LibrarySchemaCheck {

    static final String SCHEMA_RESOURCE = SchemaCheck.SCHEMA_RESOURCE;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonSchema schema;
    private final JsonNode schemaTree;

    LibrarySchemaCheck() {
        try (InputStream in = LibrarySchemaCheck.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            schemaTree = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree, config);
    }

    /** Returns the problems of {@code root}, sorted by place; empty when it is valid. */
    List<Problem> check(YNode root) {
        Set<ValidationMessage> messages = schema.validate(toJson(root));
        List<Problem> problems = new ArrayList<>();
        for (ValidationMessage m : messages) {
            problems.add(describe(root, m));
        }
        problems.sort(Comparator.naturalOrder());
        return SchemaCheck.dedupe(problems);
    }

    private Problem describe(YNode root, ValidationMessage m) {
        List<Object> path = elements(m.getInstanceLocation());
        YNode node = SchemaCheck.find(root, path);
        Location at = node == null ? root.location() : node.location();
        String where = SchemaCheck.pathText(path);
        String prefix = where.isEmpty() ? "" : where + ": ";
        switch (m.getType()) {
            case "additionalProperties" -> {
                String key = m.getProperty();
                if (node instanceof YNode.YMap map && map.containsKey(key)) {
                    at = map.entry(key).keyLocation();
                }
                List<String> allowed = allowedKeys(m);
                String hint = DidYouMean.suggest(key, allowed);
                return new Problem(at, prefix + "unknown key '" + key + "'"
                        + (hint != null ? " (did you mean '" + hint + "'?)" : "")
                        + (allowed.isEmpty() ? "" : "; expected one of: " + String.join(", ", allowed)));
            }
            case "required" -> {
                return new Problem(at, prefix + "missing required key '" + m.getProperty() + "'");
            }
            case "enum" -> {
                String allowed = enumValues(m.getSchemaNode());
                return new Problem(at, prefix + "'" + SchemaCheck.scalarText(node) + "' is not one of: " + allowed);
            }
            case "type" -> {
                Object[] args = m.getArguments();
                String found = args != null && args.length > 0 ? String.valueOf(args[0]) : "another type";
                String expected = args != null && args.length > 1 ? String.valueOf(args[1]) : "another type";
                return new Problem(at, prefix + "expected " + expected + ", found " + found);
            }
            case "const" -> {
                return new Problem(at, prefix + "must be " + m.getSchemaNode());
            }
            case "pattern" -> {
                String hint = where.endsWith("At") || where.contains("At[") ? "an ISO-8601 date or date-time, e.g. 2026-11-20T09:30:00Z" : "a value matching " + m.getSchemaNode().asText();
                return new Problem(at, prefix + "'" + SchemaCheck.scalarText(node) + "' is not " + hint);
            }
            case "minProperties", "maxProperties" -> {
                return new Problem(at, prefix + "give exactly one of: user, group, contact, device");
            }
            default -> {
                String text = m.getMessage();
                int colon = text.indexOf(": ");
                if (text.startsWith("$") && colon > 0) text = text.substring(colon + 2);
                return new Problem(at, prefix + text);
            }
        }
    }

    private List<String> allowedKeys(ValidationMessage m) {
        String fragment = m.getSchemaLocation().getFragment().toString();
        // ".../additionalProperties" -> the object schema that owns it
        JsonNode owner = schemaTree.at(fragmentToPointer(fragment));
        if (owner.isMissingNode() || owner.isBoolean()) {
            int cut = fragment.lastIndexOf('/');
            owner = cut > 0 ? schemaTree.at(fragmentToPointer(fragment.substring(0, cut))) : schemaTree;
        }
        JsonNode props = owner.get("properties");
        if (props == null) return List.of();
        List<String> keys = new ArrayList<>();
        props.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static String fragmentToPointer(String fragment) {
        String f = fragment.startsWith("#") ? fragment.substring(1) : fragment;
        if (f.startsWith("$.")) f = "/" + f.substring(2).replace('.', '/');
        return f.endsWith("/additionalProperties") ? f.substring(0, f.length() - "/additionalProperties".length()) : f;
    }

    private static String enumValues(JsonNode schemaNode) {
        if (schemaNode == null || !schemaNode.isArray()) return String.valueOf(schemaNode);
        List<String> values = new ArrayList<>();
        schemaNode.forEach(v -> values.add(v.asText()));
        return String.join(", ", values);
    }

    private static List<Object> elements(JsonNodePath path) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < path.getNameCount(); i++) out.add(path.getElement(i));
        return out;
    }

    /** The same tree as Jackson JSON, for the validator. */
    static JsonNode toJson(YNode node) {
        if (node instanceof YNode.YMap map) {
            ObjectNode o = NODES.objectNode();
            for (int i = 0; i < map.size(); i++) o.set(map.keyAt(i), toJson(map.valueAt(i)));
            return o;
        }
        if (node instanceof YNode.YList list) {
            ArrayNode a = NODES.arrayNode(list.items().size());
            for (YNode item : list.items()) a.add(toJson(item));
            return a;
        }
        Object v = ((YNode.YScalar) node).value();
        if (v == null) return NODES.nullNode();
        if (v instanceof String s) return NODES.textNode(s);
        if (v instanceof Boolean b) return NODES.booleanNode(b);
        if (v instanceof Integer i) return NODES.numberNode(i);
        if (v instanceof Long l) return NODES.numberNode(l);
        if (v instanceof BigInteger bi) return NODES.numberNode(bi);
        if (v instanceof Double d) return d.isInfinite() || d.isNaN() ? NODES.textNode(((YNode.YScalar) node).raw()) : NODES.numberNode(d);
        if (v instanceof Float f) return f.isInfinite() || f.isNaN() ? NODES.textNode(((YNode.YScalar) node).raw()) : NODES.numberNode(f);
        if (v instanceof BigDecimal bd) return NODES.numberNode(bd);
        return NODES.textNode(v.toString());
    }

}
