package dev.preflight.robust;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsAndOutputTest {
    @TempDir
    Path tmp;

    static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl";
    static final String CLIENT_SECRET = "abc8Q~abcdefghijklmnopqrstuvwxyz0123456";

    @Test
    void credentialLikeValuesNeverReachAReportAndAreWarnedAbout() throws Exception {
        Path snap = tmp.resolve("s.yaml");
        Files.writeString(snap, "schemaVersion: 1\nsnapshot: { source: \"exporter password=Hunter2Hunter2\" }\n"
                + "tenant: { id: t, name: \"" + JWT + "\", cloud: worldwide }\n"
                + "users:\n  - { id: u, displayName: \"" + CLIENT_SECRET + "\", licenses: [] }\n"
                + "apps:\n  - { id: a, kind: office-add-in, hosts: [word] }\n"
                + "deployments:\n  - { id: d, app: a, assignment: everyone }\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] formats = {"json", "sarif", "junit", "markdown", "github", "csv", "html", "text", "readiness-csv"};
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("check", snap.toString(), "--fail-on", "none"));
        for (String f : formats) args.addAll(java.util.List.of("--format", f + "=" + tmp.resolve("r." + f)));
        int code = dev.preflight.cli.Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args.toArray(String[]::new));
        assertEquals(0, code, err.toString());
        for (String f : formats) {
            String report = Files.readString(tmp.resolve("r." + f));
            assertFalse(report.contains("Hunter2"), f);
            assertFalse(report.contains(JWT), f);
            assertFalse(report.contains(CLIENT_SECRET), f);
        }
        assertTrue(err.toString().contains(":2:21: value looks like a password or secret assignment; it is redacted from every report"), err.toString());
        assertTrue(err.toString().contains(":3:24: value looks like a JSON Web Token"), err.toString());
        assertTrue(err.toString().contains(":5:27: value looks like an Entra ID client secret"), err.toString());
        assertFalse(err.toString().contains(JWT));
    }

    @Test
    void aCredentialRepeatedIsRedactedAndWarnedAboutWhereverItIs() throws Exception {
        // The reader checks a value repeated on many entities once; a credential is never taken for such a value.
        Path snap = tmp.resolve("r.yaml");
        Files.writeString(snap, "schemaVersion: 1\nusers:\n"
                + "  - { id: u1, displayName: \"" + CLIENT_SECRET + "\", accountState: enabled }\n"
                + "  - { id: u2, displayName: \"" + CLIENT_SECRET + "\", accountState: enabled }\n"
                + "groups:\n  - { id: g, displayName: \"" + CLIENT_SECRET + "\", members: [{ user: u1 }] }\n");
        dev.preflight.model.Snapshot s = new dev.preflight.snapshot.SnapshotLoader().load(snap);
        assertEquals(java.util.List.of("[redacted]", "[redacted]"), s.users().stream().map(dev.preflight.model.User::displayName).toList());
        assertEquals(java.util.List.of("enabled", "enabled"), s.users().stream().map(dev.preflight.model.User::accountState).toList());
        assertEquals("[redacted]", s.groups().get(0).displayName());
        assertEquals(3, s.warnings().size(), s.warnings().toString());
        assertTrue(s.warnings().get(1).contains("r.yaml:4:28: value looks like an Entra ID client secret"), s.warnings().toString());
    }

    @Test
    void aFailedWriteLeavesTheEarlierReportWholeAndNoTemporaryFile() throws Exception {
        Path target = tmp.resolve("report.json");
        Files.writeString(target, "the good report");
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "schemaVersion: 1\ntenant: [\n");
        StringWriter err = new StringWriter();
        int code = dev.preflight.cli.Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute("check", bad.toString(), "--format", "json=" + target);
        assertEquals(2, code);
        assertEquals("the good report", Files.readString(target));
        try (var files = Files.list(tmp)) {
            assertEquals(2, files.count(), "no temporary file left");
        }
    }
}
