package dev.preflight.robust;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input of every kind: exit 2, file:line:col, no stack trace; resource bombs refused quickly. */
class BadInputTest {
    @TempDir
    Path tmp;

    public record Run(int code, String out, String err, long millis) {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long t0 = System.currentTimeMillis();
        int code = dev.preflight.cli.Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString(), System.currentTimeMillis() - t0);
    }

    public static void clean(Run r) {
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void billionLaughsIsRefusedAtTheFirstAlias() {
        Run r = run("check", "src/test/resources/fuzz/billion-laughs.yaml");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("src/test/resources/fuzz/billion-laughs.yaml:3:"), r.err());
        assertTrue(r.err().contains("YAML aliases"), r.err());
        clean(r);
    }

    @Test
    void deepNestingIsRefused() {
        Run r = run("check", "src/test/resources/fuzz/deep-nesting.yaml");
        assertEquals(2, r.code());
        assertTrue(r.err().matches("(?s)src/test/resources/fuzz/deep-nesting\\.yaml:2:\\d+: .*nesting.*"), r.err());
        clean(r);
    }

    @Test
    void everySchemaProblemOfAFileIsListedInOneRun() throws Exception {
        Path f = tmp.resolve("many.yaml");
        StringBuilder b = new StringBuilder("schemaVersion: 1\nusers:\n");
        for (int i = 0; i < 30; i++) b.append("  - { id: u").append(i).append(", accountState: gone, colour: red }\n");
        Files.writeString(f, b.toString());
        Run r = run("check", f.toString());
        assertEquals(2, r.code());
        assertEquals(60, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("many.yaml:3:29: users[0].accountState: 'gone' is not one of: enabled, disabled, deleted"), r.err());
        assertTrue(r.err().contains("many.yaml:3:35: users[0]: unknown key 'colour'"), r.err());
    }

    @Test
    void theListOfProblemsIsCapped() throws Exception {
        Path f = tmp.resolve("huge.yaml");
        StringBuilder b = new StringBuilder("schemaVersion: 1\nusers:\n");
        for (int i = 0; i < 500; i++) b.append("  - { id: u").append(i).append(", accountState: gone }\n");
        Files.writeString(f, b.toString());
        Run r = run("check", f.toString());
        assertEquals(2, r.code());
        List<String> lines = r.err().lines().toList();
        assertEquals(201, lines.size());
        assertEquals("... and 300 more problems", lines.get(200));
    }

    @Test
    void aSymbolicLinkLoopInASnapshotFolderIsAnInputError() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("snap"));
        Files.writeString(dir.resolve("a.yaml"), "schemaVersion: 1\n");
        Files.createSymbolicLink(dir.resolve("loop"), dir);
        Run r = run("check", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("symbolic link loop"), r.err());
        clean(r);
    }

    @Test
    void aDanglingLinkIsNoSuchFile() throws Exception {
        Path link = tmp.resolve("gone.yaml");
        Files.createSymbolicLink(link, tmp.resolve("missing.yaml"));
        Run r = run("check", link.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no such file"), r.err());
    }

    @Test
    void aBrokenSnapshotInABatchDoesNotStopTheOthers() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "schemaVersion: 1\ntenant: [\n");
        Run r = run("check", bad.toString(), "samples/contoso");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.yaml:3:1"), r.err());
        assertTrue(r.out().contains("tenant 'Contoso'"), r.out());
    }

    @Test
    void badWaiverAndConfigFilesAreLocated() throws Exception {
        Path w = tmp.resolve("waivers.yaml");
        Files.writeString(w, "waivers:\n  - rule: GRP001\n    subject: x\n    expirs: 2026-01-01\n  - rule: GRP-001\n    subject: y\n    expires: soon\n");
        Run r = run("check", "samples/contoso", "--waivers", w.toString());
        assertEquals(2, r.code());
        String name = w.toString();
        // The rule id is checked against the loaded rules once the file is otherwise valid (PolicyReportTest).
        assertTrue(r.err().contains(name + ":4:5: waivers[0]: unknown key 'expirs' (did you mean 'expires'?)"), r.err());
        assertTrue(r.err().contains(name + ":2:5: waivers[0]: missing required key 'justification'"), r.err());
        assertTrue(r.err().contains(name + ":7:14: expires: 'soon' is not a date (YYYY-MM-DD)"), r.err());

        Path c = tmp.resolve("config.yaml");
        Files.writeString(c, "failOn: sometimes\nrules:\n  GRP-005: { threshold: -3, severty: info }\n");
        Run rc = run("check", "samples/contoso", "--config", c.toString());
        assertEquals(2, rc.code());
        assertTrue(rc.err().contains(c + ":1:9: failOn: 'sometimes' is not one of: error, warning, info, none"), rc.err());
        assertTrue(rc.err().contains(c + ":3:29: rules.GRP-005: unknown key 'severty' (did you mean 'severity'?)"), rc.err());
        assertTrue(rc.err().contains(c + ":3:25: rules.GRP-005: threshold: expected a whole number above 0"), rc.err());
    }

    @Test
    void aBadBaselineIsLocated() throws Exception {
        Path b = tmp.resolve("prev.json");
        Files.writeString(b, "{\n  \"findings\": [\n    {\"ruleId\": }\n");
        Run r = run("check", "samples/contoso", "--baseline", b.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(b + ":3:"), r.err());
    }

    @Test
    void aRuleThatThrowsIsAnInternalErrorNamingTheRuleWithoutATrace() throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("boom.drl"), """
                package house;
                import dev.preflight.model.Tenant;
                rule "house boom"
                when
                    Tenant( )
                then
                    throw new IllegalStateException("boom");
                end
                """);
        Run r = run("check", "samples/contoso", "--rules", rules.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("rule 'house boom' failed"), r.err());
        assertTrue(r.err().contains("Please report it") || r.err().contains("please report it"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        Run debug = run("check", "samples/contoso", "--rules", rules.toString(), "--debug");
        assertTrue(debug.err().contains("\tat "), "--debug shows the trace");
    }
}
