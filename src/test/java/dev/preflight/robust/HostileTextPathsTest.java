package dev.preflight.robust;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.preflight.robust.BadInputTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile text on every path: credentials of the common kinds redacted from all 8 formats and from errors,
 * terminal escapes in keys, values and file names shown (not acted on) in errors, BiDi and zero-width characters
 * shown or escaped in reports, and no @mention in Markdown.
 */
class HostileTextPathsTest {
    static final String AWS = "AKIAIOSFODNN7EXAMPLE";
    static final String SLACK = "xoxb-1234567890-abcdefghijkl";
    static final String URL = "https://deploy:S3cr3tPa55@repo.example.com/x";
    static final String GOOGLE = "AIzaSyD-1234567890abcdefghijklmnopqrstu";
    static final String[] FORMATS = {"json", "sarif", "junit", "markdown", "github", "csv", "html", "text", "readiness-csv"};

    @TempDir
    Path tmp;

    List<String> reportArgs(Path snap) {
        List<String> args = new ArrayList<>(List.of("check", snap.toString(), "--fail-on", "none"));
        for (String f : FORMATS) args.addAll(List.of("--format", f + "=" + tmp.resolve("r." + f)));
        return args;
    }

    @Test
    void credentialsOfEveryKindAreRedactedFromEveryReport() throws Exception {
        Path snap = tmp.resolve("s.yaml");
        Files.writeString(snap, "schemaVersion: 1\nsnapshot: { source: \"exporter " + AWS + "\" }\n"
                + "tenant: { id: t, name: \"" + URL + "\", cloud: worldwide }\n"
                + "users:\n  - { id: u, displayName: \"" + SLACK + "\", licenses: [] }\n"
                + "  - { id: v, displayName: \"key " + GOOGLE + "\", licenses: [] }\n"
                + "apps:\n  - { id: a, kind: office-add-in, hosts: [word] }\n"
                + "deployments:\n  - { id: d, app: a, assignment: everyone }\n");
        BadInputTest.Run r = run(reportArgs(snap).toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        for (String f : FORMATS) {
            String report = Files.readString(tmp.resolve("r." + f));
            for (String secret : new String[]{AWS, SLACK, "S3cr3tPa55", GOOGLE}) assertFalse(report.contains(secret), f + ": " + secret);
        }
        assertTrue(r.err().contains(":2:21: value looks like an AWS access key; it is redacted from every report"), r.err());
        assertTrue(r.err().contains(":3:24: value looks like a URL with a password"), r.err());
        assertTrue(r.err().contains(":5:27: value looks like a Slack token"), r.err());
        assertTrue(r.err().contains(":6:27: value looks like a Google API key"), r.err());
        for (String secret : new String[]{AWS, SLACK, "S3cr3tPa55", GOOGLE}) assertFalse(r.err().contains(secret), secret);
        assertTrue(r.out().isEmpty(), r.out());
    }

    @Test
    void aCredentialUsedAsAKeyIsNotEchoedInTheUnknownKeyError() throws Exception {
        Path snap = tmp.resolve("k.yaml");
        Files.writeString(snap, "schemaVersion: 1\ntenant: { id: t, name: T, cloud: worldwide, " + SLACK + ": 1 }\n");
        BadInputTest.Run r = run("check", snap.toString());
        assertEquals(2, r.code(), r.err());
        assertFalse(r.err().contains(SLACK), r.err());
        assertTrue(r.err().contains("k.yaml:2:45: tenant: unknown key '[redacted]'"), r.err());
    }

    @Test
    void terminalEscapesInKeysValuesAndFileNamesAreShownNotActedOn() throws Exception {
        String esc = "\u001b[2J\u001b]0;owned\u0007\u001b]8;;http://evil\u001b\\";
        Path snap = tmp.resolve("bad\u001b[2J\u001b]0;owned\u0007.yaml");
        Files.writeString(snap, "schemaVersion: 1\ntenant: { id: t, name: T, cloud: \"" + esc.replace("\\", "\\\\").replace("\u001b", "\\e").replace("\u0007", "\\a")
                + "\", \"k\\e[31m\\u202e\": 1 }\n");
        BadInputTest.Run r = run("check", snap.toString());
        assertEquals(2, r.code(), r.err());
        for (char c : r.err().toCharArray()) {
            assertTrue(c == '\n' || (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0) && c != 0x202e), "raw character U+" + Integer.toHexString(c) + " in " + r.err());
        }
        assertTrue(r.err().contains("bad<U+001B>[2J<U+001B>]0;owned<U+0007>.yaml:2:"), r.err());
        assertTrue(r.err().contains("unknown key 'k<U+001B>[31m<U+202E>'"), r.err());
        assertTrue(r.err().contains("<U+001B>]8;;http://evil<U+001B>\\"), "the value, shown: " + r.err());
    }

    @Test
    void bidiAndZeroWidthCharactersAreShownOrEscapedInEveryFormat() throws Exception {
        String name = "Eve \u202Egnp.exe\u202C adm\u200Bin \u2066x\u2069";
        Path snap = tmp.resolve("b.yaml");
        Files.writeString(snap, "schemaVersion: 1\ntenant: { id: t, name: T, cloud: worldwide }\n"
                + "users:\n  - { id: u, displayName: \"" + name + "\", licenses: [] }\n"
                + "apps:\n  - { id: a, kind: office-add-in, hosts: [word] }\n"
                + "deployments:\n  - { id: d, app: a, assignment: everyone }\n");
        BadInputTest.Run r = run(reportArgs(snap).toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        String shown = "Eve <U+202E>gnp.exe<U+202C> adm<U+200B>in <U+2066>x<U+2069>";
        for (String f : FORMATS) {
            String report = Files.readString(tmp.resolve("r." + f));
            for (char c : new char[]{0x202E, 0x202C, 0x200B, 0x2066, 0x2069}) {
                assertFalse(report.indexOf(c) >= 0, f + " carries U+" + Integer.toHexString(c) + " raw");
            }
            switch (f) {
                case "text", "csv", "readiness-csv", "github" -> assertTrue(report.contains(shown), f + ": " + report);
                case "html", "junit" -> assertTrue(report.contains(shown.replace("<", "&lt;").replace(">", "&gt;")), f + ": " + report);
                case "markdown" -> assertTrue(report.contains("Eve &lt;U\\+202E&gt;gnp\\.exe&lt;U\\+202C&gt;"), report);
                default -> assertTrue(report.contains("Eve \\u202Egnp.exe\\u202C adm\\u200Bin"), f + ": " + report);
            }
        }
        // JSON keeps the exact text for machines: the escape reads back as the character
        String json = Files.readString(tmp.resolve("r.json"));
        assertTrue(new ObjectMapper().readTree(json).toString().contains("\u202Egnp.exe"));
    }

    @Test
    void markdownMentionsNobody() throws Exception {
        Path snap = tmp.resolve("m.yaml");
        Files.writeString(snap, "schemaVersion: 1\ntenant: { id: t, name: \"@octo-org/admins\", cloud: worldwide }\n"
                + "users:\n  - { id: u, displayName: \"@octocat\", licenses: [] }\n"
                + "apps:\n  - { id: a, kind: office-add-in, hosts: [word] }\n"
                + "deployments:\n  - { id: d, app: a, assignment: everyone }\n");
        BadInputTest.Run r = run("check", snap.toString(), "--fail-on", "none", "--format", "markdown");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("## Preflight: @&#8203;octo\\-org/admins\n"), r.out());
        assertTrue(r.out().contains("@&#8203;octocat"), r.out());
        assertFalse(r.out().matches("(?s).*@[A-Za-z0-9].*"), "no @ followed by a name: " + r.out());
    }
}
