package dev.preflight.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.preflight.model.Location;
import dev.preflight.snapshot.Problem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * First pass over a file, streamed: envelope fields, the body's {@code @odata.context} / {@code @odata.nextLink},
 * its shape and the keys of its first item. Items are not kept (the second pass, {@link Items}, streams them).
 */
final class Sniffer {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonFactory JSON = MAPPER.getFactory();
    static final CsvMapper CSV = new CsvMapper();

    private Sniffer() {
    }

    static void sniff(ExportFile f, List<Problem> problems) throws IOException {
        if (f.rel.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            csv(f);
            return;
        }
        try (InputStream in = Items.open(f.path); JsonParser p = JSON.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                f.shape = ExportFile.Shape.ARRAY;
                firstItem(p, f);
            } else if (t == JsonToken.START_OBJECT) {
                top(p, f);
            } else {
                problems.add(new Problem(new Location(f.display, 1, 1), "not a JSON object or array"));
                return;
            }
            if (p.nextToken() != null) {
                problems.add(new Problem(where(f, p), "unexpected content after the JSON value"));
            }
        } catch (JsonProcessingException e) {
            var l = e.getLocation();
            problems.add(new Problem(new Location(f.display, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr()),
                    "malformed JSON: " + e.getOriginalMessage()));
        }
    }

    private static void top(JsonParser p, ExportFile f) throws IOException {
        ExportFile bare = f;
        boolean sawResponse = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "preflightExport" -> f.envelope = true;
                case "preflightCollect" -> {
                    f.kind = Kind.COLLECT_MANIFEST;
                    p.skipChildren();
                }
                case "tenant" -> f.tenant = v.isScalarValue() ? p.getValueAsString() : skip(p);
                case "request" -> f.request = v.isScalarValue() ? p.getValueAsString() : skip(p);
                case "status" -> f.status = v.isNumeric() ? p.getIntValue() : null;
                case "receivedAt" -> f.receivedAt = v.isScalarValue() ? p.getValueAsString() : skip(p);
                case "response" -> {
                    sawResponse = true;
                    if (v == JsonToken.START_OBJECT) body(p, f, true);
                    else if (v == JsonToken.START_ARRAY) {
                        f.shape = ExportFile.Shape.ARRAY;
                        firstItem(p, f);
                    } else f.shape = ExportFile.Shape.OBJECT;
                }
                default -> {
                    // a bare body's own fields
                    bodyField(p, bare, name, v);
                }
            }
        }
        if (f.kind == Kind.COLLECT_MANIFEST) {
            f.manifest = MAPPER.readTree(Items.open(f.path));
            return;
        }
        if (!f.envelope) {
            if (f.shape == null) f.shape = ExportFile.Shape.OBJECT;
        } else if (!sawResponse) {
            f.shape = ExportFile.Shape.OBJECT;
        }
    }

    private static String skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    /** The body object (after its START_OBJECT). */
    private static void body(JsonParser p, ExportFile f, boolean inEnvelope) throws IOException {
        f.shape = ExportFile.Shape.OBJECT;
        f.keys.clear();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            bodyField(p, f, name, v);
        }
    }

    private static void bodyField(JsonParser p, ExportFile f, String name, JsonToken v) throws IOException {
        switch (name) {
            case "@odata.context" -> f.context = p.getValueAsString();
            case "@odata.nextLink" -> {
                f.nextLink = p.getValueAsString();
                f.nextLinkAt = where(f, p);
            }
            case "value" -> {
                if (v == JsonToken.START_ARRAY) {
                    f.shape = ExportFile.Shape.LIST;
                    f.keys.clear();
                    firstItem(p, f);
                } else {
                    f.keys.add("value");
                    p.skipChildren();
                }
            }
            case "error" -> {
                f.error = MAPPER.readTree(p);
                f.keys.add("error");
            }
            default -> {
                if (f.shape != ExportFile.Shape.LIST) f.keys.add(Normal.key(name));
                if (!name.startsWith("@") && !name.isEmpty() && Character.isUpperCase(name.charAt(0))) f.pascal = true;
                p.skipChildren();
            }
        }
    }

    /** Inside an array: keys of the first object item; the rest is skipped. */
    private static void firstItem(JsonParser p, ExportFile f) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_ARRAY) {
            f.empty = true;
            return;
        }
        if (t == JsonToken.START_OBJECT) {
            JsonNode first = MAPPER.readTree(p);
            Iterator<String> names = first.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!n.startsWith("@") && !n.isEmpty() && Character.isUpperCase(n.charAt(0))) f.pascal = true;
                f.keys.add(Normal.key(n));
            }
            if (first.has("AdditionalProperties")) first.get("AdditionalProperties").fieldNames().forEachRemaining(n -> f.keys.add(Normal.key(n)));
        } else {
            p.skipChildren();
        }
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) p.skipChildren();
    }

    private static void csv(ExportFile f) throws IOException {
        f.shape = ExportFile.Shape.CSV;
        try (BufferedReader r = Files.newBufferedReader(f.path, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            if (line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
            while (line != null && line.startsWith("#")) {
                f.csvPreamble++;
                line = r.readLine();
            }
            if (line == null) {
                f.empty = true;
                f.csvHeader = List.of();
                return;
            }
            if (!line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
            List<String> header = new ArrayList<>();
            try (var it = CSV.readerForListOf(String.class).with(CsvSchema.emptySchema()).with(CsvParser.Feature.WRAP_AS_ARRAY)
                    .<List<String>>readValues(line)) {
                if (it.hasNext()) for (String h : it.next()) header.add(h.trim());
            }
            f.csvHeader = List.copyOf(header);
            for (String h : header) f.keys.add(Normal.key(h));
            f.empty = r.readLine() == null;
        }
    }

    static Location where(ExportFile f, JsonParser p) {
        var l = p.currentTokenLocation();
        return new Location(f.display, l.getLineNr(), l.getColumnNr());
    }
}
