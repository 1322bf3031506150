package dev.preflight.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code preflight verify} and {@code preflight new-rule} on user rule folders (each test compiles the rules once). */
class VerifyCommandTest {

    @Test
    void theSampleRuleFolderPasses() {
        Cli r = Cli.run("verify", "samples/rules");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertEquals("""
                pass  HOUSE-001  an assigned group without mail  (samples/rules/HOUSE-001.yaml:3)
                pass  HOUSE-001  near miss - the assigned group has a mail address  (samples/rules/HOUSE-001.yaml:16)
                1 rule, 2 cases: 2 passed, 0 failed
                """, r.out());
    }

    @Test
    void aCaseWithAPlanIsCheckedAsIfThePlanRan(@TempDir Path tmp) throws IOException {
        Files.copy(Path.of("samples/rules/HOUSE-001.drl"), tmp.resolve("HOUSE-001.drl"));
        String snapshot = """
                    snapshot:
                      schemaVersion: 1
                      users: [ { id: bert } ]
                      groups: [ { id: sales, displayName: Sales, type: security, members: [ { user: bert } ] } ]
                      apps: [ { id: crm, kind: office-add-in, hosts: [outlook] } ]
                      deployments: []
                """;
        Files.writeString(tmp.resolve("HOUSE-001.yaml"), "rule: HOUSE-001\ncases:\n"
                + "  - name: a plan assigns a group without mail\n" + snapshot + """
                    plan:
                      file: plan.yaml
                      text: |
                        operations:
                          - { action: deploy, app: crm, members: [sales] }
                    expect:
                      - { subject: sales, context: "plan.yaml:2", evidence: ["deployment: plan.yaml:2"] }
                """
                + "  - name: near miss - the same snapshot without the plan\n" + snapshot + "    expect: []\n");
        Cli r = Cli.run("verify", tmp.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("pass  HOUSE-001  a plan assigns a group without mail  (" + tmp + "/HOUSE-001.yaml:3)\n"
                + "pass  HOUSE-001  near miss - the same snapshot without the plan  (" + tmp + "/HOUSE-001.yaml:17)\n"
                + "1 rule, 2 cases: 2 passed, 0 failed\n", r.out());
    }

    @Test
    void aPlanThatIsNoMapIsBadInputAtItsLine(@TempDir Path tmp) throws IOException {
        Files.copy(Path.of("samples/rules/HOUSE-001.drl"), tmp.resolve("HOUSE-001.drl"));
        Files.writeString(tmp.resolve("HOUSE-001.yaml"), """
                rule: HOUSE-001
                cases:
                  - name: a plan given as a word
                    snapshot: { schemaVersion: 1 }
                    plan: deploy.ps1
                    expect: []
                """);
        Cli r = Cli.run("verify", tmp.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(tmp + "/HOUSE-001.yaml:5:11: a case's plan is a map with 'file', 'text' and optionally 'as'"), r.err());
    }

    @Test
    void everyScaffoldPassesVerifyAsWritten(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("my-rules");
        int n = 1;
        for (String area : NewRuleCommand.AREAS) {
            String id = "ACME-00" + n++;
            Cli made = Cli.run("new-rule", id, "--area", area, "--dir", dir.toString());
            assertEquals(0, made.code(), made.err());
            assertEquals("wrote " + dir + "/" + id + ".drl\nwrote " + dir + "/" + id + ".yaml\nnext: edit both, then run preflight verify "
                    + dir + "\n", made.out());
            assertTrue(Files.readString(dir.resolve(id + ".drl")).contains("@id(\"" + id + "\") @severity("));
        }
        Cli again = Cli.run("new-rule", "ACME-001", "--area", "apps", "--dir", dir.toString());
        assertEquals(2, again.code());
        assertEquals("preflight: " + dir.resolve("ACME-001.drl") + " exists already; nothing written\n", again.err());

        Cli r = Cli.run("verify", dir.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("4 rules, 10 cases: 10 passed, 0 failed", lines.get(lines.size() - 1));
        assertEquals(10, lines.stream().filter(l -> l.startsWith("pass  ACME-00")).count(), r.out());
        // every scaffold has a firing case and a near miss, so verify's catalog check let it through
        assertTrue(r.out().contains("pass  ACME-001  an add-in with ReadWriteMailbox"), r.out());
        assertTrue(r.out().contains("pass  ACME-001  near miss - an add-in that reads the item only"), r.out());
    }

    @Test
    void newRuleRefusesBadIdsAndAreas(@TempDir Path tmp) {
        Cli bundled = Cli.run("new-rule", "GRP-101", "--area", "groups", "--dir", tmp.toString());
        assertEquals(2, bundled.code());
        assertEquals("preflight: GRP is an area of the bundled rules; give yours one of its own, e.g. HOUSE-001\n", bundled.err());
        Cli malformed = Cli.run("new-rule", "house-1", "--area", "groups", "--dir", tmp.toString());
        assertEquals(2, malformed.code());
        assertTrue(malformed.err().startsWith("preflight: 'house-1' is not a rule id"), malformed.err());
        Cli area = Cli.run("new-rule", "HOUSE-001", "--area", "printers", "--dir", tmp.toString());
        assertEquals(2, area.code());
        assertEquals("preflight: unknown area 'printers'; areas: apps, deployments, groups, users\n", area.err());
    }

    @Test
    void aFailingCaseIsExitOneAndSaysWhatDiffers(@TempDir Path tmp) throws IOException {
        assertEquals(0, Cli.run("new-rule", "ACME-001", "--area", "apps", "--dir", tmp.toString()).code());
        Path fixture = tmp.resolve("ACME-001.yaml");
        Files.writeString(fixture, Files.readString(fixture).replace("permission: ReadItem", "permission: ReadWriteMailbox"));
        Cli r = Cli.run("verify", tmp.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL  ACME-001  near miss - an add-in that reads the item only  (" + tmp + "/ACME-001.yaml:9)\n"
                + "  unexpected: ACME-001 a evidence=[permission: ReadWriteMailbox] message=Add-in 'Notes' asks for ReadWriteMailbox at 12:15\n"), r.out());
        assertTrue(r.out().endsWith("1 rule, 3 cases: 2 passed, 1 failed\n"), r.out());
    }

    @Test
    void theCatalogChecksApplyToUserRulesAtTheirDrlLine(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("house.drl"), String.join("\n",
                "package house.rules;",
                "import dev.preflight.model.Group;",
                "import dev.preflight.engine.Findings;",
                "",
                "rule \"HOUSE-001 no rationale\"",
                "    @id(\"HOUSE-001\") @severity(\"warning\") @title(\"A title\") @remediation(\"Fix it.\") @source(\"house\")",
                "when",
                "    $g : Group( mail == null, eval(true) )",
                "then",
                "    insert(Findings.of(kcontext, $g, \"no mail\"));",
                "end",
                "",
                "rule \"house1 lower case\"",
                "    @id(\"house-1\") @severity(\"info\") @title(\"T\") @rationale(\"R\") @remediation(\"F\") @source(\"S\")",
                "when",
                "    $g : Group( mail != null )",
                "then",
                "end",
                "",
                "rule \"no id at all\"",
                "when",
                "    Group( )",
                "then",
                "end",
                ""));
        Files.writeString(tmp.resolve("HOUSE-001.yaml"), """
                rule: HOUSE-001
                cases:
                  - name: only a firing case
                    snapshot: { schemaVersion: 1, groups: [ { id: g, displayName: G, type: security, members: [] } ] }
                    expect: [ { subject: g } ]
                """);
        Files.writeString(tmp.resolve("HOUSE-009.yaml"), """
                rule: HOUSE-009
                cases:
                  - name: near miss
                    snapshot: { schemaVersion: 1 }
                    expect: []
                """);
        Cli r = Cli.run("verify", tmp.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals("", r.out());
        String d = tmp.toString();
        assertEquals(String.join("\n",
                d + "/house.drl:8: eval(...) cannot be indexed: join with == on ids instead",
                d + "/house.drl:13: rule 'house1 lower case': malformed id 'house-1' (an area of 2 to 10 capitals and three digits, e.g. HOUSE-001)",
                d + "/house.drl:20: rule 'no id at all' has no @id (classifying rules carry @derive)",
                d + "/house.drl:5: HOUSE-001 (HOUSE-001 no rationale): missing @rationale",
                d + "/HOUSE-001.yaml:1: HOUSE-001: fixture has no near-miss case (expect: [])",
                d + "/house.drl:13: house-1: no fixture " + d + "/house-1.yaml",
                d + "/HOUSE-009.yaml:1: fixture for HOUSE-009, a rule that is not defined here",
                "preflight: 7 problems with the rules of " + d + "; no case was run",
                ""), r.err());
    }

    @Test
    void aMalformedFixtureIsBadInputAtItsLine(@TempDir Path tmp) throws IOException {
        assertEquals(0, Cli.run("new-rule", "ACME-001", "--area", "apps", "--dir", tmp.toString()).code());
        Files.writeString(tmp.resolve("ACME-001.yaml"), "rule: ACME-001\ncases:\n  - name: no snapshot\n    expect: []\n");
        Cli r = Cli.run("verify", tmp.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(tmp + "/ACME-001.yaml:3:5: a case needs name, snapshot and expect\n", r.err());
    }

    @Test
    void notAFolderIsBadInput() {
        Cli r = Cli.run("verify", "no/such/folder");
        assertEquals(2, r.code());
        assertEquals("preflight: no/such/folder: verify needs a folder of .drl rules and their fixtures\n", r.err());
    }
}
