package dev.preflight.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.preflight.model.Location;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.Problem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON read into a tree whose every value knows where it is written (Jackson's tree does not). */
final class JsonTree {
    static final int MAX_DEPTH = 64;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    sealed interface Node permits Obj, Arr, Val {
        Location at();
    }

    record Obj(Map<String, Node> fields, Map<String, Location> keys, Location at) implements Node {
        Node get(String key) {
            return fields.get(key);
        }

        Obj obj(String key) {
            return fields.get(key) instanceof Obj o ? o : null;
        }

        List<Node> arr(String key) {
            return fields.get(key) instanceof Arr a ? a.items() : List.of();
        }

        Located str(String key) {
            return fields.get(key) instanceof Val v && v.value() instanceof String s ? new Located(s, v.at()) : null;
        }
    }

    record Arr(List<Node> items, Location at) implements Node {
    }

    /** A scalar: String, Boolean, a Number, or null. */
    record Val(Object value, Location at) implements Node {
    }

    private JsonTree() {
    }

    static Node parse(byte[] bytes, String file) throws InputException {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        try (JsonParser p = FACTORY.createParser(bytes, start, bytes.length - start)) {
            JsonToken t = p.nextToken();
            if (t == null) throw new InputException(new Problem(new Location(file, 1, 1), "empty file: not a JSON manifest"));
            Node root = value(p, file);
            if (p.nextToken() != null) {
                throw new InputException(new Problem(at(p.currentTokenLocation(), file), "text after the end of the JSON document"));
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new InputException(new Problem(l == null ? new Location(file, 1, 1) : at(l, file),
                    "not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InputException(new Problem(new Location(file, 1, 1), "cannot read JSON: " + e.getMessage()));
        }
    }

    private static Node value(JsonParser p, String file) throws IOException, InputException {
        Location at = at(p.currentTokenLocation(), file);
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Node> fields = new LinkedHashMap<>();
                Map<String, Location> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Location keyAt = at(p.currentTokenLocation(), file);
                    if (fields.containsKey(key)) {
                        throw new InputException(new Problem(keyAt, "duplicate key '" + key + "' (first at line "
                                + keys.get(key).line() + ")"));
                    }
                    p.nextToken();
                    keys.put(key, keyAt);
                    fields.put(key, value(p, file));
                }
                return new Obj(fields, keys, at);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) items.add(value(p, file));
                return new Arr(List.copyOf(items), at);
            }
            case VALUE_STRING -> {
                return new Val(p.getText(), at);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Val(p.getDecimalValue(), at);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Val(p.getBooleanValue(), at);
            }
            default -> {
                return new Val(null, at);
            }
        }
    }

    private static Location at(JsonLocation l, String file) {
        return new Location(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    /** The same tree as Jackson JSON, for the schema validator. */
    static JsonNode toJackson(Node node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof Obj o) {
            ObjectNode out = f.objectNode();
            o.fields().forEach((k, v) -> out.set(k, toJackson(v)));
            return out;
        }
        if (node instanceof Arr a) {
            ArrayNode out = f.arrayNode(a.items().size());
            for (Node n : a.items()) out.add(toJackson(n));
            return out;
        }
        Object v = ((Val) node).value();
        if (v == null) return f.nullNode();
        if (v instanceof String s) return f.textNode(s);
        if (v instanceof Boolean b) return f.booleanNode(b);
        java.math.BigDecimal d = (java.math.BigDecimal) v;
        try {
            return f.numberNode(d.toBigIntegerExact());
        } catch (ArithmeticException notInteger) {
            return f.numberNode(d);
        }
    }
}
