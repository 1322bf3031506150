package dev.preflight.robust;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.preflight.robust.BadInputTest.clean;
import static dev.preflight.robust.BadInputTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile places: special files as snapshots or report targets, symbolic links out of a snapshot folder, reports
 * over inputs, fleet names that collide. The timeouts only stop a hang from stalling the build.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostilePlacesTest {
    static final String NOT_REGULAR = "not a regular file (a device, pipe or socket): a snapshot is a YAML file or a folder of them";
    static final String SMALL = "schemaVersion: 1\ntenant: { id: t, name: T, cloud: worldwide }\n";

    @TempDir
    Path tmp;

    static void mkfifo(Path p) throws Exception {
        assertEquals(0, new ProcessBuilder("mkfifo", p.toString()).inheritIO().start().waitFor());
    }

    @Test
    void devicesAreRefusedWithoutReadingThem() {
        for (String device : new String[]{"/dev/zero", "/dev/urandom"}) {
            BadInputTest.Run r = run("check", device);
            assertEquals(2, r.code(), r.err());
            assertEquals(device + ": " + NOT_REGULAR + "\n", r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void aFifoNamedYamlIsRefusedAsAnArgumentAndInAFolder() throws Exception {
        Path fifo = tmp.resolve("pipe.yaml");
        mkfifo(fifo);
        BadInputTest.Run r = run("check", fifo.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().endsWith("pipe.yaml: " + NOT_REGULAR + "\n"), r.err());

        Path dir = Files.createDirectories(tmp.resolve("snap"));
        Files.writeString(dir.resolve("tenant.yaml"), SMALL);
        mkfifo(dir.resolve("users.yaml"));
        r = run("check", dir.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().endsWith("snap/users.yaml: " + NOT_REGULAR + "\n"), r.err());
        clean(r);
    }

    @Test
    void aWaiverFileThatIsADeviceIsRefused() {
        BadInputTest.Run r = run("check", "samples/contoso", "--waivers", "/dev/zero");
        assertEquals(2, r.code(), r.err());
        assertEquals("/dev/zero: " + NOT_REGULAR + "\n", r.err());
    }

    @Test
    void aLinkOutOfTheSnapshotFolderIsNotFollowedAndNothingBehindItIsEchoed() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(outside.resolve("leak.yaml"), "schemaVersion: 1\ntenant: { id: t, name: T, cloud: tok-3f9a8b7c6d5e }\n");
        Path dir = Files.createDirectories(tmp.resolve("snap"));
        Files.writeString(dir.resolve("tenant.yaml"), "schemaVersion: 1\n");
        Files.createSymbolicLink(dir.resolve("users.yaml"), outside.resolve("leak.yaml"));
        Files.createSymbolicLink(dir.resolve("up"), tmp);
        Files.createSymbolicLink(dir.resolve("usr"), Path.of("/usr"));

        BadInputTest.Run r = run("check", dir.toString());
        assertEquals(2, r.code(), r.err());
        String why = ": symbolic link to a place outside the snapshot folder; not followed (copy the file in, or pass --follow-links)";
        assertTrue(r.err().contains("snap/up" + why + "\n"), r.err());
        assertTrue(r.err().contains("snap/users.yaml" + why + "\n"), r.err());
        assertTrue(r.err().contains("snap/usr" + why + "\n"), r.err());
        assertFalse(r.err().contains("tok-3f9a8b7c6d5e"), "nothing read outside the folder is printed");
        assertEquals(3, r.err().lines().count(), r.err());

        // asked for, the link is followed: the value read there is the (located) problem
        Files.delete(dir.resolve("up"));
        Files.delete(dir.resolve("usr"));
        r = run("check", dir.toString(), "--follow-links");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("snap/users.yaml:2:"), r.err());
    }

    @Test
    void aTenantLinkOutOfTheFleetFolderIsNotFollowed() throws Exception {
        Path fleet = Files.createDirectories(tmp.resolve("fleet"));
        Files.writeString(fleet.resolve("a.yaml"), SMALL);
        Files.createSymbolicLink(fleet.resolve("usr"), Path.of("/usr"));
        BadInputTest.Run r = run("check", "--each", fleet.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("preflight: " + fleet + ": usr is a symbolic link to a place outside the folder; not followed"
                + " (pass --follow-links)\n", r.err());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    }

    @Test
    void linksWithinTheFolderAreFollowedAndReadOnce() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("snap"));
        Path parts = Files.createDirectories(dir.resolve("parts"));
        Files.writeString(parts.resolve("tenant.yaml"), SMALL);
        Files.createSymbolicLink(dir.resolve("alias"), parts);
        Files.createSymbolicLink(dir.resolve("same.yaml"), parts.resolve("tenant.yaml"));
        BadInputTest.Run r = run("check", dir.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        var files = new ObjectMapper().readTree(r.out()).get("snapshot").get("files");
        assertEquals(1, files.size(), files.toString());
    }

    @Test
    void aReportIsNeverWrittenOverAnInput() throws Exception {
        Path me = tmp.resolve("me.yaml");
        Files.writeString(me, SMALL);
        BadInputTest.Run r = run("check", me.toString(), "--format", "json=" + me);
        assertEquals(2, r.code());
        assertEquals("preflight: will not write report '" + me + "': it is the snapshot being checked\n", r.err());
        assertEquals(SMALL, Files.readString(me));

        Path dir = Files.createDirectories(tmp.resolve("snap"));
        Files.writeString(dir.resolve("tenant.yaml"), SMALL);
        r = run("check", dir.toString(), "--format", "html=" + dir.resolve("tenant.yaml"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("it is the snapshot being checked") || r.err().contains("a file of the snapshot folder"), r.err());
        assertEquals(SMALL, Files.readString(dir.resolve("tenant.yaml")));

        Path waivers = tmp.resolve("waivers.yaml");
        Files.writeString(waivers, "waivers: []\n");
        r = run("check", me.toString(), "--waivers", waivers.toString(), "--format", "json=" + waivers);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("it is an input of this run (" + waivers + ")"), r.err());
        assertEquals("waivers: []\n", Files.readString(waivers));
    }

    @Test
    void devNullStaysADevice() {
        BadInputTest.Run r = run("check", "samples/contoso", "--fail-on", "none", "--format", "json=/dev/null");
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.isRegularFile(Path.of("/dev/null")));
        assertEquals("", r.out());
    }

    @Test
    void devStdoutPrints() throws Exception {
        BadInputTest.Run r = run("check", "samples/contoso", "--fail-on", "none", "--format", "json=/dev/stdout");
        assertEquals(0, r.code(), r.err());
        assertEquals("Contoso", new ObjectMapper().readTree(r.out()).get("snapshot").get("tenant").asText());
    }

    @Test
    void aPipeIsWrittenAsAStream() throws Exception {
        Path fifo = tmp.resolve("report.pipe");
        mkfifo(fifo);
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        BadInputTest.Run r = run("check", "samples/contoso", "--fail-on", "none", "--format", "json=" + fifo);
        assertEquals(0, r.code(), r.err());
        assertEquals("Contoso", new ObjectMapper().readTree(read.get(60, TimeUnit.SECONDS)).get("snapshot").get("tenant").asText());
        assertFalse(Files.isRegularFile(fifo), "still a pipe");
    }

    @Test
    void aNegativeSizeLimitIsAUsageError() {
        BadInputTest.Run r = run("check", "samples/contoso", "--max-snapshot-bytes", "-5");
        assertEquals(2, r.code(), r.err());
        assertEquals("preflight: --max-snapshot-bytes takes a positive number of bytes, not -5\n", r.err());
    }

    @Test
    void severalSnapshotsWithAMachineFormatOnStandardOutputAreRefused() {
        BadInputTest.Run r = run("check", "samples/contoso", "samples/fabrikam", "--format", "json");
        assertEquals(2, r.code(), r.err());
        assertEquals("preflight: with several snapshots, --format json writes one report per tenant: give --out DIR"
                + " (standard output takes only the text summary)\n", r.err());
        assertEquals("", r.out());
        r = run("check", "a", "b", "--format", "json");
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aTenantNamedLikeTheFleetSummaryGetsAFolderOfItsOwn() throws Exception {
        Path fleet = Files.createDirectories(tmp.resolve("fleet"));
        Files.writeString(fleet.resolve("fleet.txt.yaml"), SMALL);
        Files.writeString(fleet.resolve("fleet.json.yaml"), SMALL);
        Path out = tmp.resolve("out");
        BadInputTest.Run r = run("check", "--each", fleet.toString(), "--format", "json", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("fleet.txt")), "the fleet summary is written");
        assertTrue(Files.readString(out.resolve("fleet.txt")).contains("2 tenants"), Files.readString(out.resolve("fleet.txt")));
        assertTrue(Files.isRegularFile(out.resolve("fleet.txt-2/report.json")));
        assertTrue(Files.isRegularFile(out.resolve("fleet.json-2/report.json")));
        assertTrue(Files.isRegularFile(out.resolve("fleet.json")));
    }
}
