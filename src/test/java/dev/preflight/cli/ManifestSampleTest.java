package dev.preflight.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** samples/litware: a tenant whose apps come from real manifests, checked end to end. */
class ManifestSampleTest {

    @Test
    void theSampleGivesExactlyTheExpectedReport() throws IOException {
        Cli r = Cli.run("check", "samples/litware");
        assertEquals(1, r.code(), r.err());
        assertEquals(Files.readString(Path.of("src/test/resources/samples/litware.txt"), StandardCharsets.UTF_8), r.out());
    }

    @Test
    void anUnreadableManifestIsAnInputErrorAtTheReference(@TempDir Path tmp) throws IOException {
        Files.copy(Path.of("src/test/resources/manifests/onenote-taskpaneapp-rubric-grader-not-well-formed.xml"), tmp.resolve("rubric.xml"));
        Path snap = tmp.resolve("apps.yaml");
        Files.writeString(snap, "schemaVersion: 1\napps:\n  - id: rubric\n    kind: office-add-in\n    manifest: rubric.xml\n");
        Cli r = Cli.run("check", snap.toString());
        assertEquals(2, r.code());
        String shown = dev.preflight.snapshot.SnapshotLoader.display(snap);
        String manifest = dev.preflight.snapshot.SnapshotLoader.display(tmp.resolve("rubric.xml"));
        assertEquals(shown + ":5:15: manifest 'rubric.xml' cannot be read: " + manifest
                + ":87:22: not well-formed XML: XML document structures must start and end within the same entity.\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void aHostileManifestNamedBySnapshotIsAnInputErrorNeverAFetch(@TempDir Path tmp) throws IOException {
        Files.copy(Path.of("src/test/resources/manifests/variants/xxe.xml"), tmp.resolve("xxe.xml"));
        Path snap = tmp.resolve("apps.yaml");
        Files.writeString(snap, "schemaVersion: 1\napps:\n  - { id: x, kind: office-add-in, manifest: xxe.xml }\n");
        Cli r = Cli.run("check", snap.toString());
        assertEquals(2, r.code());
        assertEquals(dev.preflight.snapshot.SnapshotLoader.display(snap) + ":3:45: manifest 'xxe.xml' cannot be read: "
                + dev.preflight.snapshot.SnapshotLoader.display(tmp.resolve("xxe.xml"))
                + ":2:1: a DOCTYPE is not allowed in a manifest (no DTDs, no entities; nothing is fetched)\n", r.err());
    }
}
