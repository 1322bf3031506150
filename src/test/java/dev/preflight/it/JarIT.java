package dev.preflight.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
        return run(workDir, List.of(), jar().toAbsolutePath(), args);
    }

    /** Runs {@code jar} with {@code args}, prefixed by {@code launcher} (e.g. to run as another user). */
    static Run run(Path workDir, List<String> launcher, Path jar, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(launcher);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
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

    /** What needs a real process: devices as input and as report targets, with the JVM's own standard streams. */
    @Test
    void devicesAreRefusedAsSnapshotsAndWrittenAsStreams(@TempDir Path tmp) throws Exception {
        Run zero = run(tmp, "check", "/dev/zero");
        assertEquals(2, zero.code(), zero.err());
        assertEquals("/dev/zero: not a regular file (a device, pipe or socket): a snapshot is a YAML file or a folder of them\n", zero.err());

        Path samples = Path.of("samples").toAbsolutePath();
        Run stdout = run(tmp, "check", samples.resolve("contoso").toString(), "--fail-on", "none", "--format", "json=/dev/stdout");
        assertEquals(0, stdout.code(), stdout.err());
        assertTrue(stdout.out().startsWith("{\n  \"schemaVersion\" : 1,"), stdout.out());

        Run devNull = run(tmp, "check", samples.resolve("contoso").toString(), "--fail-on", "none", "--format", "json=/dev/null");
        assertEquals(0, devNull.code(), devNull.err());
        assertTrue(!Files.isRegularFile(Path.of("/dev/null")), "/dev/null is still a device");
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

    /**
     * A snapshot file the user may not read is an input error naming the file. Root reads anything, so when the
     * tests run as root (as in CI containers) the jar runs as the unprivileged user nobody, as an admin's job would.
     */
    @Test
    void anUnreadableFileIsAnInputError(@TempDir Path tmp) throws Exception {
        Path snap = Files.createDirectories(tmp.resolve("snap"));
        Files.writeString(snap.resolve("tenant.yaml"), "schemaVersion: 1\ntenant: { id: t, name: T }\n");
        Path locked = snap.resolve("users.yaml");
        Files.writeString(locked, "schemaVersion: 1\nusers: []\n");
        Path jar = Files.copy(jar(), tmp.resolve("preflight.jar"));
        for (Path p : List.of(tmp, snap)) Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Path p : List.of(jar, snap.resolve("tenant.yaml"))) Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(locked, Set.of());
        List<String> asUser = List.of();
        if ("root".equals(System.getProperty("user.name"))) {
            assertTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "running as root needs setpriv (util-linux) for this test");
            asUser = List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
        }
        Run r = run(tmp, asUser, jar, "check", "snap");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("snap/users.yaml"), r.err());
        assertTrue(r.err().contains("cannot read file: permission denied"), r.err());
        assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
    }

    /** A .preflight.yaml in the working folder changes the exit code, and every report says it was used and what it changed. */
    @Test
    void aConfigFoundInTheWorkingFolderIsStatedInTheReports(@TempDir Path tmp) throws Exception {
        Path contoso = Path.of("samples/contoso").toAbsolutePath();
        Run plain = run(tmp, "check", contoso.toString(), "--format", "text");
        assertEquals(0, plain.code(), plain.err());
        assertTrue(!plain.out().contains("config:"), plain.out());
        Files.writeString(tmp.resolve(".preflight.yaml"), "failOn: info\nrules:\n  DATA-004: { enabled: false }\n");
        Run r = run(tmp, "check", contoso.toString(), "--format", "text", "--format", "markdown=r.md", "--format", "github=r.github.txt");
        assertEquals(1, r.code(), "failOn: info from the found config gates on info findings: " + r.err());
        assertTrue(r.out().contains("\nconfig: .preflight.yaml (.preflight.yaml found in the working folder; --config FILE names another)\n"
                + "  failOn set to info (.preflight.yaml:1:9)\n  DATA-004 disabled (.preflight.yaml:3:3): "), r.out());
        assertTrue(r.out().contains("\nWARNING: DATA-004 (could not verify) is disabled by .preflight.yaml:3:3: "), r.out());
        String md = Files.readString(tmp.resolve("r.md"));
        assertTrue(md.contains("- config: \\.preflight\\.yaml \\(\\.preflight\\.yaml found in the working folder"), md);
        String gh = Files.readString(tmp.resolve("r.github.txt"));
        assertTrue(gh.contains("%0Aconfig: .preflight.yaml (.preflight.yaml found in the working folder"), gh);
    }
}
