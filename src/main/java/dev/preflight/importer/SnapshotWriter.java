package dev.preflight.importer;

import dev.preflight.io.FileTrees;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the snapshot split by section (tenant.yaml, users.yaml, ...), deterministic bytes, into a temporary folder
 * beside the target, then moves it into place: a run that fails or is killed leaves no half-written snapshot.
 */
final class SnapshotWriter {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private SnapshotWriter() {
    }

    static void writeInto(Assembled s, Path out, boolean force) throws IOException {
        Path parent = out.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + out.getFileName() + ".importing-");
        try {
            write(s, tmp);
            if (Files.exists(out)) {
                Path old = Files.createTempDirectory(parent, "." + out.getFileName() + ".old-");
                Files.delete(old);
                Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
                FileTrees.deleteTree(old);
            } else {
                Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            FileTrees.deleteTree(tmp);
        }
    }

    static void write(Assembled s, Path dir) throws IOException {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("snapshot", s.snapshot());
        if (s.tenant() != null) head.put("tenant", s.tenant());
        if (s.skus() != null) head.put("skus", s.skus());
        if (!s.gaps().isEmpty()) {
            List<Map<String, Object>> gaps = s.gaps().stream().map(g -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("fact", g.fact());
                if (g.subject() != null) m.put("subject", g.subject());
                m.put("reason", g.reason());
                if (g.origin() != null) m.put("origin", Assembler.origin(g.origin()));
                return m;
            }).toList();
            head.put("gaps", gaps);
        }
        file(dir.resolve("tenant.yaml"), head);
        list(dir.resolve("users.yaml"), "users", s.users());
        list(dir.resolve("groups.yaml"), "groups", s.groups());
        list(dir.resolve("admins.yaml"), "admins", s.admins());
        if (s.apps() != null) {
            Map<String, Object> apps = new LinkedHashMap<>();
            apps.put("apps", s.apps());
            apps.put("deployments", s.deployments());
            file(dir.resolve("apps.yaml"), apps);
        }
        list(dir.resolve("consent.yaml"), "consentGrants", s.consentGrants());
        if (s.dynamics() != null) file(dir.resolve("dynamics.yaml"), Map.of("dynamics", s.dynamics()));
    }

    private static void list(Path file, String section, List<Map<String, Object>> items) throws IOException {
        if (items == null) return; // absent: not exported
        try (Writer w = writer(file)) {
            w.write("schemaVersion: 1\n");
            if (items.isEmpty()) {
                w.write(section + ": []\n");
                return;
            }
            w.write(section + ":\n");
            // one item at a time, so a 100k-user section is never one big YAML tree
            for (Map<String, Object> item : items) {
                String yaml = YAML.writeValueAsString(List.of(item));
                w.write(yaml);
            }
        }
    }

    private static void file(Path file, Map<String, Object> sections) throws IOException {
        try (Writer w = writer(file)) {
            w.write("schemaVersion: 1\n");
            w.write(YAML.writeValueAsString(sections));
        }
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }
}
