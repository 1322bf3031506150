package dev.preflight.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCommandTest {

    @Test
    void fabrikamFailsWithTheSeedNestingExampleInJson(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out.json");
        Cli r = Cli.run("check", "samples/fabrikam", "--format", "json=" + out);
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.out());
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        JsonNode grp001 = null;
        for (JsonNode f : report.get("findings")) {
            if (f.get("ruleId").asText().equals("GRP-001") && f.get("subject").get("id").asText().equals("sales-dept")) grp001 = f;
        }
        assertTrue(grp001 != null, "GRP-001 for Sales Department");
        List<String> evidence = new ArrayList<>();
        grp001.get("evidence").forEach(e -> evidence.add(e.asText()));
        assertEquals(List.of("Sales Department > West Coast Sales Department > Bert <bert@fabrikam.com>",
                "Sales Department > West Coast Sales Department > Fred <fred@fabrikam.com>"), evidence);
        assertEquals("sales-rollout", grp001.get("context").asText());
        assertEquals("samples/fabrikam/directory.yaml", grp001.get("location").get("file").asText());
        assertEquals("warning", grp001.get("severity").asText());
        assertEquals(1, report.get("schemaVersion").asInt());
        assertEquals("Preflight", report.get("tool").get("name").asText());
        assertEquals(4, report.get("snapshot").get("files").size());
        assertEquals(64, report.get("snapshot").get("sha256").asText().length());
        for (String key : List.of("ruleId", "severity", "title", "message", "subject", "evidence", "remediation", "source", "location")) {
            assertTrue(grp001.has(key), key);
        }
    }

    @Test
    void contosoIsCleanAtErrorLevel() {
        Cli r = Cli.run("check", "samples/contoso");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("Preflight "), r.out());
        assertTrue(r.out().contains("0 errors"), r.out());
    }

    @Test
    void failOnNoneNeverFailsAndFailOnWarningIsStricter() {
        assertEquals(0, Cli.run("check", "samples/fabrikam", "--fail-on", "none").code());
        assertEquals(1, Cli.run("check", "samples/fabrikam", "--fail-on", "warning").code());
    }

    @Test
    void sameSnapshotSameBytes(@TempDir Path tmp) throws IOException {
        Cli.run("check", "samples/fabrikam", "--format", "json=" + tmp.resolve("a.json"), "--format", "text=" + tmp.resolve("a.txt"));
        Cli.run("check", "samples/fabrikam", "--format", "json=" + tmp.resolve("b.json"), "--format", "text=" + tmp.resolve("b.txt"));
        assertEquals(Files.readString(tmp.resolve("a.json")), Files.readString(tmp.resolve("b.json")));
        assertEquals(Files.readString(tmp.resolve("a.txt")), Files.readString(tmp.resolve("b.txt")));
    }

    @Test
    void brokenYamlIsAnInputErrorWithFileLineColumnAndNoStackTrace(@TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "schemaVersion: 1\nusers:\n  - id: a\n    displayName: [unclosed\n");
        Cli r = Cli.run("check", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().matches("(?s).*bad\\.yaml:\\d+:\\d+: .*"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void schemaViolationsAreListedTogether(@TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "schemaVersion: 1\ntenant:\n  cloud: mars\n  exchangeOnlin: true\nusers:\n  - displayName: X\n");
        Cli r = Cli.run("check", bad.toString());
        assertEquals(2, r.code());
        String name = bad.toString();
        assertTrue(r.err().contains(name + ":3:10: tenant.cloud: 'mars' is not one of: worldwide, gcc, gcc-high, dod, china-21vianet, other-sovereign"), r.err());
        assertTrue(r.err().contains(name + ":4:3: tenant: unknown key 'exchangeOnlin' (did you mean 'exchangeOnline'?)"), r.err());
        assertTrue(r.err().contains(name + ":6:5: users[0]: missing required key 'id'"), r.err());
    }

    @Test
    void unknownFormatAndUnwritableOutputAreUsageErrorsBeforeAnyWork(@TempDir Path tmp) {
        Cli r = Cli.run("check", "samples/contoso", "--format", "pdf");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown format 'pdf'"), r.err());
        Cli w = Cli.run("check", "samples/contoso", "--format", "json=" + tmp.resolve("no/such/dir/out.json"));
        assertEquals(2, w.code());
        assertTrue(w.err().contains("its folder does not exist"), w.err());
        assertEquals(2, Cli.run("check", "samples/contoso", "--fail-on", "sometimes").code());
        assertEquals(2, Cli.run("check").code());
    }

    @Test
    void missingSnapshotIsAnInputError() {
        Cli r = Cli.run("check", "samples/no-such-tenant");
        assertEquals(2, r.code());
        assertEquals("samples/no-such-tenant: no such file or folder", r.err().strip());
    }

    @Test
    void extraRuleFoldersAddRulesAndTheirCompileErrorsNameFileAndLine(@TempDir Path tmp) throws IOException {
        Path rules = tmp.resolve("rules");
        Files.createDirectories(rules);
        Files.writeString(rules.resolve("house.drl"), """
                package house.rules;
                import dev.preflight.model.Tenant;
                import dev.preflight.engine.Findings;
                rule "HOUSE policy"
                    @id("TEN-901") @severity("info") @title("House rule") @rationale("r") @remediation("m") @source("house")
                when
                    $t : Tenant( name == "Contoso" )
                then
                    insert(Findings.of(drools, $t, "Contoso seen"));
                end
                """);
        Cli ok = Cli.run("check", "samples/contoso", "--rules", rules.toString(), "--fail-on", "info");
        assertEquals(1, ok.code(), ok.err());
        assertTrue(ok.out().contains("TEN-901"), ok.out());

        Files.writeString(rules.resolve("broken.drl"), "package house.rules;\n\nrule \"broken\"\nwhen\n    NoSuchFact( )\nthen\nend\n");
        Cli bad = Cli.run("check", "samples/contoso", "--rules", rules.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains(rules.resolve("broken.drl") + ":5:"), bad.err());
    }

    @Test
    void versionAndHelp() {
        Cli v = Cli.run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("preflight "), v.out());
        Cli h = Cli.run("check", "--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("--fail-on"), h.out());
    }
}
