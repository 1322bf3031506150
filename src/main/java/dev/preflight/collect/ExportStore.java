package dev.preflight.collect;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One tenant's exports folder: every response written as an envelope (docs/collect.md, the exports contract), each
 * file atomically (a temporary file in the same folder, then a rename), so a killed run leaves only whole files.
 */
public final class ExportStore {

    static final String PART = ".part";

    private final Path root;
    private final String tenant;
    private final Clock clock;

    public ExportStore(Path root, String tenant, Clock clock) {
        this.root = root;
        this.tenant = tenant;
        this.clock = clock;
    }

    public Path root() {
        return root;
    }

    public String tenant() {
        return tenant;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Writes {@code rel} as an envelope of one response. */
    public void write(String rel, String request, int status, JsonNode response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(response == null ? 512 : 64 * 1024);
        try (JsonGenerator g = Caller.JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("preflightExport", 1);
            g.writeStringField("tenant", tenant);
            g.writeStringField("request", request);
            g.writeNumberField("status", status);
            g.writeStringField("receivedAt", now().toString());
            g.writeFieldName("response");
            if (response == null) g.writeNull();
            else Caller.JSON.writeTree(g, response);
            g.writeEndObject();
        }
        out.write('\n');
        writeAtomically(root.resolve(rel), out.toByteArray());
    }

    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("." + file.getFileName() + PART);
        Files.write(tmp, bytes);
        dev.preflight.io.FileTrees.replace(tmp, file);
    }

    /** The envelope at {@code rel}, or null when there is none (or only a half-written temporary file). */
    public JsonNode read(String rel) throws IOException {
        Path f = root.resolve(rel);
        if (!Files.isRegularFile(f)) return null;
        try {
            JsonNode n = Caller.JSON.readTree(f.toFile());
            return n != null && n.path("preflightExport").asInt() == 1 && n.has("response") ? n : null;
        } catch (IOException e) {
            return null; // not ours or damaged: collected again
        }
    }

    public void delete(String rel) throws IOException {
        Files.deleteIfExists(root.resolve(rel));
    }

    /** Removes what a killed run may have left half-written. */
    public void removeParts() throws IOException {
        if (!Files.isDirectory(root)) return;
        try (var walk = Files.walk(root)) {
            walk.filter(p -> p.getFileName().toString().endsWith(PART)).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static boolean isEmptyDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return true;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }
}
