package dev.preflight.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.model.Location;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates one snapshot file against the bundled JSON Schema and words every violation for a person.
 * <p>
 * The validator walks the {@link YNode} tree itself, with no JSON copy: it is compiled from the schema file (the one
 * source of the rules) and knows the keywords that file uses ({@code type}, {@code enum}, {@code const},
 * {@code properties}, {@code additionalProperties: false}, {@code required}, {@code items}, {@code $ref},
 * {@code minLength}, {@code maxLength}, {@code minimum}, {@code pattern}, {@code minProperties},
 * {@code maxProperties}); a keyword it does not know fails loudly when the schema is loaded, never silently at a check.
 * Its verdicts and wording are JSON Schema 2020-12's as networknt's json-schema-validator gives them, which checked
 * snapshots before (an integral number such as {@code 1.0} is an integer, lengths count code points, patterns are
 * searched with {@code java.util.regex}), and the test suite holds the two to the same problems on every input.
 */
public final class SchemaCheck {

    public static final String SCHEMA_RESOURCE = "/schema/snapshot-v1.schema.json";

    private static volatile SchemaCheck shared;

    private final Rule root;

    /** The one instance (it only reads its schema, so threads share it); made on first use. */
    public static SchemaCheck shared() {
        SchemaCheck s = shared;
        if (s == null) {
            synchronized (SchemaCheck.class) {
                s = shared;
                if (s == null) shared = s = new SchemaCheck();
            }
        }
        return s;
    }

    private SchemaCheck() {
        JsonNode tree;
        try (InputStream in = SchemaCheck.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            tree = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Rule> defs = new HashMap<>();
        List<Rule> all = new ArrayList<>();
        root = new Rule(tree, defs, all);
        for (Rule r : all) if (r.ref != null) r.target(); // every $ref resolves, or the schema fails to load
    }

    /** Returns the problems of {@code root}, sorted by place; empty when it is valid. */
    public List<Problem> check(YNode root) {
        return check(root, List.of());
    }

    /**
     * The problems of {@code root} together with {@code items}, the problems {@link #item} found in the items a
     * streamed read handed over from it, sorted by place: the same as {@link #check(YNode)} of the whole tree.
     */
    public List<Problem> check(YNode root, List<Problem> items) {
        List<Violation> violations = new ArrayList<>();
        this.root.validate(root, new ArrayList<>(), violations);
        if (violations.isEmpty() && items.isEmpty()) return List.of();
        List<Problem> problems = new ArrayList<>(items);
        for (Violation v : violations) problems.add(describe(root, 0, v));
        problems.sort(null);
        return dedupe(problems);
    }

    /**
     * The problems of item {@code index} of the top-level list section {@code section}, worded as {@link
     * #check(YNode)} words them for the whole file (the section itself, an empty list in the streamed tree, is checked
     * with the root). Unsorted.
     */
    public List<Problem> item(String section, int index, YNode item) {
        Rule list = root.properties.get(section);
        if (list == null) throw new IllegalArgumentException("no list section '" + section + "' in the schema");
        List<Violation> violations = new ArrayList<>();
        List<Object> path = new ArrayList<>(List.of(section, index));
        list.validateItem(item, path, violations);
        if (violations.isEmpty()) return List.of();
        List<Problem> problems = new ArrayList<>(violations.size());
        for (Violation v : violations) problems.add(describe(item, 2, v));
        return problems;
    }

    static List<Problem> dedupe(List<Problem> problems) {
        List<Problem> out = new ArrayList<>();
        for (Problem p : problems) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals(p)) out.add(p);
        }
        return out;
    }

    /** One keyword a node fails: where (the path from the root), which keyword of which rule, and about which key. */
    private record Violation(List<Object> path, String keyword, Rule rule, String property) {
    }

    /** The problem {@code v} words; {@code root} is the node at the first {@code depth} steps of its path. */
    private static Problem describe(YNode root, int depth, Violation v) {
        YNode node = find(root, v.path().subList(depth, v.path().size()));
        Location at = node == null ? root.location() : node.location();
        String where = pathText(v.path());
        String prefix = where.isEmpty() ? "" : where + ": ";
        Rule r = v.rule();
        switch (v.keyword()) {
            case "additionalProperties" -> {
                String key = v.property();
                if (node instanceof YNode.YMap map && map.containsKey(key)) {
                    at = map.entry(key).keyLocation();
                }
                List<String> allowed = new ArrayList<>(r.properties.keySet());
                String hint = DidYouMean.suggest(key, allowed);
                return new Problem(at, prefix + "unknown key '" + key + "'"
                        + (hint != null ? " (did you mean '" + hint + "'?)" : "")
                        + (allowed.isEmpty() ? "" : "; expected one of: " + String.join(", ", allowed)));
            }
            case "required" -> {
                return new Problem(at, prefix + "missing required key '" + v.property() + "'");
            }
            case "enum" -> {
                return new Problem(at, prefix + "'" + scalarText(node) + "' is not one of: " + String.join(", ", r.enumTexts));
            }
            case "type" -> {
                String expected = r.types.length == 1 ? r.types[0] : "[" + String.join(", ", r.types) + "]";
                return new Problem(at, prefix + "expected " + expected + ", found " + v.property());
            }
            case "const" -> {
                return new Problem(at, prefix + "must be " + r.constant);
            }
            case "pattern" -> {
                String hint = where.endsWith("At") || where.contains("At[") ? "an ISO-8601 date or date-time, e.g. 2026-11-20T09:30:00Z" : "a value matching " + r.pattern.pattern();
                return new Problem(at, prefix + "'" + scalarText(node) + "' is not " + hint);
            }
            case "minProperties", "maxProperties" -> {
                return new Problem(at, prefix + "give exactly one of: user, group, contact, device");
            }
            case "minLength" -> {
                return new Problem(at, prefix + pointer(v.path()) + ": must be at least " + number(r.minLength) + " characters long");
            }
            case "maxLength" -> {
                return new Problem(at, prefix + pointer(v.path()) + ": must be at most " + number(r.maxLength) + " characters long");
            }
            case "minimum" -> {
                return new Problem(at, prefix + pointer(v.path()) + ": must have a minimum value of " + r.minimumText);
            }
            default -> throw new IllegalStateException("no wording for " + v.keyword());
        }
    }

    /** A limit as the validator's messages print it: in the default locale's digits and grouping (4,096). */
    private static String number(int n) {
        return new java.text.MessageFormat("{0}", java.util.Locale.getDefault()).format(new Object[] {n});
    }

    static String scalarText(YNode node) {
        if (node instanceof YNode.YScalar s) return String.valueOf(s.value());
        if (node instanceof YNode.YMap) return "a mapping";
        if (node instanceof YNode.YList) return "a list";
        return "?";
    }

    /** {@code users[3].mailbox.type} for a path. */
    static String pathText(List<Object> path) {
        StringBuilder b = new StringBuilder();
        for (Object e : path) {
            if (e instanceof Integer n) {
                b.append('[').append(n).append(']');
            } else {
                if (b.length() > 0) b.append('.');
                b.append(e);
            }
        }
        return b.toString();
    }

    /** {@code /users/3/id}: the path as a JSON Pointer. */
    private static String pointer(List<Object> path) {
        StringBuilder b = new StringBuilder();
        for (Object e : path) b.append('/').append(e instanceof String s ? s.replace("~", "~0").replace("/", "~1") : e);
        return b.toString();
    }

    /** The node at {@code path}, the way a reader of the file finds it: the first entry of a key. */
    static YNode find(YNode root, List<Object> path) {
        YNode node = root;
        for (int i = 0; i < path.size() && node != null; i++) {
            Object e = path.get(i);
            if (node instanceof YNode.YMap map && e instanceof String key) {
                node = map.get(key);
            } else if (node instanceof YNode.YList list && e instanceof Integer n) {
                node = n < list.items().size() ? list.items().get(n) : null;
            } else {
                return node;
            }
        }
        return node;
    }

    // ---- the node as JSON sees it ----------------------------------------------------------------------

    /** The JSON type of a node: object, array, string, integer, number, boolean or null. */
    private static String typeOf(YNode node) {
        if (node instanceof YNode.YMap) return "object";
        if (node instanceof YNode.YList) return "array";
        Object v = ((YNode.YScalar) node).value();
        if (v == null) return "null";
        if (v instanceof String) return "string";
        if (v instanceof Boolean) return "boolean";
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger || v instanceof Short || v instanceof Byte) return "integer";
        if (v instanceof Double d) return d.isInfinite() || d.isNaN() ? "string" : "number";
        if (v instanceof Float f) return f.isInfinite() || f.isNaN() ? "string" : "number";
        if (v instanceof BigDecimal) return "number";
        return "string";
    }

    /** The text of a string-typed scalar as JSON holds it (a non-finite number is kept as written). */
    private static String jsonText(YNode.YScalar s) {
        Object v = s.value();
        if (v instanceof String str) return str;
        if (v instanceof Double || v instanceof Float) return s.raw();
        return v.toString();
    }

    private static BigDecimal decimal(Object v) {
        if (v instanceof BigDecimal d) return d;
        if (v instanceof BigInteger i) return new BigDecimal(i);
        if (v instanceof Double || v instanceof Float) return new BigDecimal(v.toString());
        return BigDecimal.valueOf(((Number) v).longValue());
    }

    /** An integral number (1.0, 1e3), which JSON Schema counts as an integer. */
    private static boolean integral(Object v) {
        if (v instanceof Double d) return d == Math.rint(d);
        if (v instanceof Float f) return f == Math.rint(f);
        if (v instanceof BigDecimal d) return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
        return true;
    }

    private static boolean hasType(String type, String actual, YNode node) {
        if (type.equals(actual)) return true;
        if (type.equals("number")) return actual.equals("integer");
        return type.equals("integer") && actual.equals("number") && integral(((YNode.YScalar) node).value());
    }

    /** A mapping as a JSON object holds it: when a key repeats (keys redacted alike), the last value counts. */
    private static boolean shadowed(YNode.YMap map, int i) {
        String key = map.keyAt(i);
        if (!key.equals(Secrets.REDACTED)) return false;
        for (int j = i + 1; j < map.size(); j++) if (map.keyAt(j).equals(key)) return true;
        return false;
    }

    private static int distinctKeys(YNode.YMap map) {
        int n = 0;
        for (int i = 0; i < map.size(); i++) if (!shadowed(map, i)) n++;
        return n;
    }

    // ---- the compiled schema ---------------------------------------------------------------------------

    /** One schema object of the file, compiled: the keywords it has, and its sub-schemas. */
    private static final class Rule {
        private static final java.util.Set<String> KNOWN = java.util.Set.of("$schema", "$id", "$defs", "title", "description",
                "$ref", "type", "enum", "const", "properties", "additionalProperties", "required", "items", "minLength",
                "maxLength", "minimum", "pattern", "minProperties", "maxProperties");

        private final Map<String, Rule> defs;
        private final String ref;
        private Rule target;
        final String[] types;
        final java.util.Set<String> enumValues;
        final List<String> enumTexts;
        final JsonNode constant;
        final Map<String, Rule> properties = new LinkedHashMap<>();
        final boolean closed;
        final List<String> required = new ArrayList<>();
        final Rule items;
        final Integer minLength;
        final Integer maxLength;
        final BigDecimal minimum;
        final String minimumText;
        final Pattern pattern;
        final Integer minProperties;
        final Integer maxProperties;

        Rule(JsonNode s, Map<String, Rule> defs, List<Rule> all) {
            this.defs = defs;
            all.add(this);
            for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!KNOWN.contains(k)) throw new IllegalStateException(SCHEMA_RESOURCE + ": keyword '" + k + "' is not supported by SchemaCheck");
            }
            ref = s.has("$ref") ? s.get("$ref").asText() : null;
            JsonNode t = s.get("type");
            if (t == null) {
                types = null;
            } else if (t.isArray()) {
                types = new String[t.size()];
                for (int i = 0; i < t.size(); i++) types[i] = t.get(i).asText();
            } else {
                types = new String[] {t.asText()};
            }
            JsonNode e = s.get("enum");
            if (e != null) {
                enumValues = new java.util.HashSet<>();
                enumTexts = new ArrayList<>();
                for (JsonNode v : e) {
                    if (!v.isTextual()) throw new IllegalStateException(SCHEMA_RESOURCE + ": only text values are supported in enum");
                    enumValues.add(v.asText());
                    enumTexts.add(v.asText());
                }
            } else {
                enumValues = null;
                enumTexts = null;
            }
            constant = s.get("const");
            if (constant != null && !constant.isIntegralNumber()) throw new IllegalStateException(SCHEMA_RESOURCE + ": only an integer const is supported");
            JsonNode props = s.get("properties");
            if (props != null) props.fields().forEachRemaining(p -> properties.put(p.getKey(), new Rule(p.getValue(), defs, all)));
            JsonNode ap = s.get("additionalProperties");
            if (ap != null && !(ap.isBoolean() && !ap.asBoolean())) throw new IllegalStateException(SCHEMA_RESOURCE + ": only additionalProperties: false is supported");
            closed = ap != null;
            if (s.has("required")) s.get("required").forEach(r -> required.add(r.asText()));
            items = s.has("items") ? new Rule(s.get("items"), defs, all) : null;
            minLength = s.has("minLength") ? s.get("minLength").asInt() : null;
            maxLength = s.has("maxLength") ? s.get("maxLength").asInt() : null;
            minimum = s.has("minimum") ? s.get("minimum").decimalValue() : null;
            minimumText = s.has("minimum") ? s.get("minimum").toString() : null;
            pattern = s.has("pattern") ? Pattern.compile(s.get("pattern").asText()) : null;
            minProperties = s.has("minProperties") ? s.get("minProperties").asInt() : null;
            maxProperties = s.has("maxProperties") ? s.get("maxProperties").asInt() : null;
            if (s.has("$defs")) {
                s.get("$defs").fields().forEachRemaining(d -> defs.put("#/$defs/" + d.getKey(), new Rule(d.getValue(), defs, all)));
            }
        }

        private Rule target() {
            if (target == null) {
                target = defs.get(ref);
                if (target == null) throw new IllegalStateException(SCHEMA_RESOURCE + ": unresolved $ref " + ref);
            }
            return target;
        }

        void validate(YNode node, List<Object> path, List<Violation> out) {
            if (ref != null) target().validate(node, path, out);
            String actual = typeOf(node);
            if (types != null) {
                boolean ok = false;
                for (String t : types) ok |= hasType(t, actual, node);
                if (!ok) out.add(new Violation(List.copyOf(path), "type", this, actual));
            }
            if (enumValues != null && !(actual.equals("string") && enumValues.contains(jsonText((YNode.YScalar) node)))) {
                out.add(new Violation(List.copyOf(path), "enum", this, null));
            }
            if (constant != null && !((actual.equals("integer") || actual.equals("number"))
                    && decimal(((YNode.YScalar) node).value()).compareTo(constant.decimalValue()) == 0)) {
                out.add(new Violation(List.copyOf(path), "const", this, null));
            }
            if (actual.equals("string")) {
                if (minLength != null || maxLength != null || pattern != null) {
                    String text = jsonText((YNode.YScalar) node);
                    int length = minLength != null || maxLength != null ? text.codePointCount(0, text.length()) : 0;
                    if (minLength != null && length < minLength) out.add(new Violation(List.copyOf(path), "minLength", this, null));
                    if (maxLength != null && length > maxLength) out.add(new Violation(List.copyOf(path), "maxLength", this, null));
                    if (pattern != null && !pattern.matcher(text).find()) out.add(new Violation(List.copyOf(path), "pattern", this, null));
                }
            } else if (minimum != null && (actual.equals("integer") || actual.equals("number"))
                    && decimal(((YNode.YScalar) node).value()).compareTo(minimum) < 0) {
                out.add(new Violation(List.copyOf(path), "minimum", this, null));
            }
            if (node instanceof YNode.YMap map) {
                validateObject(map, path, out);
            } else if (node instanceof YNode.YList list && items != null) {
                List<YNode> all = list.items();
                for (int i = 0; i < all.size(); i++) {
                    path.add(i);
                    items.validate(all.get(i), path, out);
                    path.remove(path.size() - 1);
                }
            }
        }

        /** What {@link #validate} checks of one item of a list this rule (or the rule it refers to) describes. */
        void validateItem(YNode item, List<Object> path, List<Violation> out) {
            if (ref != null) target().validateItem(item, path, out);
            if (items != null) items.validate(item, path, out);
        }

        private void validateObject(YNode.YMap map, List<Object> path, List<Violation> out) {
            int n = map.size();
            for (int i = 0; i < n; i++) {
                String key = map.keyAt(i);
                Rule p = properties.get(key);
                if (p == null) {
                    if (closed) out.add(new Violation(List.copyOf(path), "additionalProperties", this, key));
                } else if (!shadowed(map, i)) {
                    path.add(key);
                    p.validate(map.valueAt(i), path, out);
                    path.remove(path.size() - 1);
                }
            }
            for (String r : required) {
                if (!map.containsKey(r)) out.add(new Violation(List.copyOf(path), "required", this, r));
            }
            if (minProperties != null || maxProperties != null) {
                int keys = distinctKeys(map);
                if (minProperties != null && keys < minProperties) out.add(new Violation(List.copyOf(path), "minProperties", this, null));
                if (maxProperties != null && keys > maxProperties) out.add(new Violation(List.copyOf(path), "maxProperties", this, null));
            }
        }
    }
}
