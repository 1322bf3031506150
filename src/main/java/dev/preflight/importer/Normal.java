package dev.preflight.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * One JSON dialect for the readers: the Graph PowerShell SDK and other cmdlets write PascalCase properties
 * ({@code UserPrincipalName}, {@code AssignedLicenses[].SkuId}) and keep unmapped ones in
 * {@code AdditionalProperties}; REST is camelCase. Keys get a lower-case first letter; annotations stay.
 */
final class Normal {
    private Normal() {
    }

    static String key(String k) {
        if (k.isEmpty() || k.charAt(0) == '@' || !Character.isUpperCase(k.charAt(0))) return k;
        int n = 1;
        // "ODataType" -> "oDataType"; "ID" -> "id"
        while (n < k.length() && Character.isUpperCase(k.charAt(n)) && (n + 1 == k.length() || Character.isUpperCase(k.charAt(n + 1)))) n++;
        return k.substring(0, n).toLowerCase(java.util.Locale.ROOT) + k.substring(n);
    }

    static JsonNode camel(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (!needs(o)) {
                // fast path: REST bodies are already camelCase; still normalise nested values
                for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getValue().isContainerNode()) e.setValue(camel(e.getValue()));
                }
                return o;
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("AdditionalProperties") && e.getValue() instanceof ObjectNode extra) {
                    for (Iterator<Map.Entry<String, JsonNode>> x = extra.fields(); x.hasNext(); ) {
                        Map.Entry<String, JsonNode> xe = x.next();
                        if (!out.has(key(xe.getKey()))) out.set(key(xe.getKey()), camel(xe.getValue()));
                    }
                    continue;
                }
                out.set(key(e.getKey()), camel(e.getValue()));
            }
            return out;
        }
        if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) if (a.get(i).isContainerNode()) a.set(i, camel(a.get(i)));
        }
        return node;
    }

    private static boolean needs(ObjectNode o) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.isEmpty() && Character.isUpperCase(k.charAt(0))) return true;
        }
        return false;
    }

    /** Text of a property, or null when absent or JSON null. */
    static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    static Boolean bool(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return v.booleanValue();
        if (v.isTextual()) {
            String s = v.asText();
            if (s.equalsIgnoreCase("true")) return true;
            if (s.equalsIgnoreCase("false")) return false;
        }
        return null;
    }

    static Integer integer(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) return null;
        if (v.isNumber()) return v.intValue();
        if (v.isTextual()) {
            try {
                return Integer.parseInt(v.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
