package dev.preflight.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shaded jar runs on its own, outside Maven's class path, with the rules it carries inside. */
class JarIT {

    record Run(int code, String out, String err) {
    }

    static Path jar() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("target"))) {
            return s.filter(p -> p.getFileName().toString().matches("preflight-.*-all\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no shaded jar in target/; run mvn package"));
        }
    }

    static Run run(Path workDir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("jar-out", ".txt");
        Path err = Files.createTempFile("jar-err", ".txt");
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "jar run timed out");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void checksTheSampleFromAnotherFolder(@TempDir Path tmp) throws Exception {
        Path samples = Path.of("samples").toAbsolutePath();
        Run r = run(tmp, "check", samples.resolve("fabrikam").toString(), "--format", "json=out.json", "--format", "text");
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.err());
        String json = Files.readString(tmp.resolve("out.json"));
        assertTrue(json.contains("\"ruleId\" : \"GRP-001\""), json);
        assertTrue(json.contains("Sales Department > West Coast Sales Department > Bert <bert@fabrikam.com>"), json);
        assertTrue(json.contains("Sales Department > West Coast Sales Department > Fred <fred@fabrikam.com>"), json);
        assertTrue(r.out().contains("GRP-001"), r.out());
    }

    @Test
    void listsTheBundledCatalog(@TempDir Path tmp) throws Exception {
        Run r = run(tmp, "rules", "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"id\" : \"GRP-001\""), r.out());
    }

    @Test
    void brokenInputIsExitTwoWithoutStackTrace(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("bad.yaml"), "schemaVersion: 1\ntenant: [\n");
        Run r = run(tmp, "check", "bad.yaml");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("bad.yaml:"), r.err());
        assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
    }
}
