package dev.preflight.importer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.preflight.model.Location;
import dev.preflight.model.Origin;
import dev.preflight.snapshot.Problem;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Second pass: streams the items of a file one by one (each item is a small tree; a page is never held whole),
 * in the one camelCase dialect, with the origin (file and JSON pointer, or CSV line) of each.
 */
final class Items {
    interface Sink {
        void item(JsonNode item, Origin origin, Location at);
    }

    private Items() {
    }

    static InputStream open(Path p) throws IOException {
        return new BufferedInputStream(Files.newInputStream(p), 1 << 16);
    }

    static void each(ExportFile f, Sink sink, List<Problem> problems) throws IOException {
        if (f.shape == ExportFile.Shape.CSV) {
            csv(f, sink);
            return;
        }
        try (InputStream in = open(f.path); JsonParser p = Sniffer.JSON.createParser(in)) {
            JsonToken t = p.nextToken();
            if (f.envelope) {
                if (t != JsonToken.START_OBJECT) return;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if (name.equals("response")) {
                        body(f, p, v, "/response", sink);
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                body(f, p, t, "", sink);
            }
        } catch (JsonProcessingException e) {
            var l = e.getLocation();
            problems.add(new Problem(new Location(f.display, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr()),
                    "malformed JSON: " + e.getOriginalMessage()));
        }
    }

    private static void body(ExportFile f, JsonParser p, JsonToken t, String base, Sink sink) throws IOException {
        if (t == JsonToken.START_ARRAY) {
            array(f, p, base, sink);
        } else if (t == JsonToken.START_OBJECT) {
            if (f.shape == ExportFile.Shape.LIST) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if (name.equals("value") && v == JsonToken.START_ARRAY) array(f, p, base + "/value", sink);
                    else p.skipChildren();
                }
            } else {
                Location at = Sniffer.where(f, p);
                JsonNode node = Sniffer.MAPPER.readTree(p);
                sink.item(Normal.camel(node), new Origin(f.rel, base, 0), at);
            }
        } else {
            p.skipChildren();
        }
    }

    private static void array(ExportFile f, JsonParser p, String base, Sink sink) throws IOException {
        int i = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            if (t == JsonToken.START_OBJECT) {
                Location at = Sniffer.where(f, p);
                JsonNode node = Sniffer.MAPPER.readTree(p);
                sink.item(Normal.camel(node), new Origin(f.rel, base + "/" + i, 0), at);
            } else {
                p.skipChildren();
            }
            i++;
        }
    }

    private static void csv(ExportFile f, Sink sink) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (InputStream in = open(f.path);
             MappingIterator<Map<String, String>> rows = Sniffer.CSV.readerFor(Map.class).with(schema).readValues(skipPreamble(in))) {
            int line = 1 + preamble(f); // the header
            while (rows.hasNext()) {
                Map<String, String> r = rows.next();
                // the row's first line: one after the previous row's last (a quoted field may span lines)
                line++;
                int end = rows.getCurrentLocation() == null ? line : rows.getCurrentLocation().getLineNr() - 1 + preamble(f);
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                for (var e : r.entrySet()) {
                    String k = e.getKey();
                    if (!k.isEmpty() && k.charAt(0) == '\uFEFF') k = k.substring(1);
                    o.put(Normal.key(k.trim()), e.getValue());
                }
                sink.item(o, new Origin(f.rel, null, line), new Location(f.display, line, 1));
                line = Math.max(line, end);
            }
        }
    }

    /** Lines before the header that Export-Csv may write ({@code #TYPE ...}). */
    private static int preamble(ExportFile f) {
        return f.csvPreamble;
    }

    private static InputStream skipPreamble(InputStream in) throws IOException {
        in.mark(1 << 16);
        byte[] head = in.readNBytes(1 << 15);
        int skip = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) skip = 3;
        while (skip < head.length && head[skip] == '#') {
            while (skip < head.length && head[skip] != '\n') skip++;
            skip++;
        }
        in.reset();
        in.skipNBytes(Math.min(skip, head.length));
        return in;
    }
}
