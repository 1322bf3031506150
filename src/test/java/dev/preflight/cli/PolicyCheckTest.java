package dev.preflight.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Config and waiver files against the loaded rules, --require-waiver-expiry, the CDP-006 fix per cmdlet, explain
 * for Bert, and merge of duplicate or missing reports, through the command line.
 */
class PolicyCheckTest {
    static final String GOLDEN = "src/test/resources/golden/";

    @Test
    void waivedFindingsDoNotFailTheRunAndAreListedApart() {
        Cli r = Cli.run("check", "samples/fabrikam", "--waivers", GOLDEN + "waivers.yaml", "--as-of", "2026-11-23",
                "--fail-on", "warning");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("\nWAIVED (not counted, do not fail the run)\n  GRP-001  samples/fabrikam/directory.yaml:120:5\n"), r.out());
        assertTrue(r.out().contains("\n47 errors, 22 warnings, 17 info; could not verify: 5; waived: 1\n"), r.out());
    }

    @Test
    void unknownRuleIdsInConfigAndWaiversAreLocatedErrorsWithDidYouMean(@TempDir Path tmp) throws IOException {
        Path c = tmp.resolve("config.yaml");
        Files.writeString(c, "rules:\n  GRP-05: { threshold: 20 }\n  DATA-004: { enabled: false }\n  NOPE-999: { enabled: false }\n");
        Cli rc = Cli.run("check", "samples/contoso", "--config", c.toString());
        assertEquals(2, rc.code(), rc.err());
        assertEquals(c + ":2:3: rules: unknown rule 'GRP-05' (did you mean 'GRP-005'?); no loaded rule declares it (see 'preflight rules')\n"
                + c + ":4:3: rules: unknown rule 'NOPE-999'; no loaded rule declares it (see 'preflight rules')\n", rc.err());
        assertEquals("", rc.out());

        Path w = tmp.resolve("waivers.yaml");
        Files.writeString(w, "waivers:\n  - rule: GRP001\n    subject: x\n    justification: j\n");
        Cli rw = Cli.run("check", "samples/contoso", "--waivers", w.toString());
        assertEquals(2, rw.code(), rw.err());
        assertEquals(w + ":2:11: waiver: unknown rule 'GRP001' (did you mean 'GRP-001'?); no loaded rule declares it (see 'preflight rules')\n",
                rw.err());
    }

    @Test
    void rulesFromRulesDirCanBeWaivedAndConfigured(@TempDir Path tmp) throws IOException {
        Path rules = tmp.resolve("rules");
        Files.createDirectories(rules);
        Files.writeString(rules.resolve("house.drl"), """
                package house.rules;
                import dev.preflight.model.Tenant;
                import dev.preflight.engine.Findings;
                rule "HOUSE-001 house policy"
                    @id("HOUSE-001") @severity("info") @title("House rule") @rationale("r") @remediation("m") @source("house")
                when
                    $t : Tenant( )
                then
                    insert(Findings.of(kcontext, $t, "tenant seen"));
                end
                """);
        Path c = tmp.resolve("config.yaml");
        Files.writeString(c, "rules:\n  HOUSE-001: { severity: error }\n");
        Cli configured = Cli.run("check", "samples/contoso", "--rules", rules.toString(), "--config", c.toString());
        assertEquals(1, configured.code(), configured.err());
        assertTrue(configured.out().contains("  HOUSE-001 severity set to error (" + c + ":2:3)\n"), configured.out());
        assertTrue(configured.out().contains("\nERROR\n  HOUSE-001  "), configured.out());

        Path w = tmp.resolve("waivers.yaml");
        Files.writeString(w, "waivers:\n  - rule: HOUSE-001\n    subject: \"*\"\n    justification: accepted\n");
        Cli waived = Cli.run("check", "samples/contoso", "--rules", rules.toString(), "--config", c.toString(), "--waivers", w.toString());
        assertEquals(0, waived.code(), waived.err());
        assertTrue(waived.out().contains("\nWAIVED (not counted, do not fail the run)\n  HOUSE-001  "), waived.out());

        Cli without = Cli.run("check", "samples/contoso", "--waivers", w.toString());
        assertEquals(2, without.code(), "without --rules, HOUSE-001 is not a loaded rule");
        assertTrue(without.err().startsWith(w + ":2:11: waiver: unknown rule 'HOUSE-001'"), without.err());
    }

    @Test
    void requireWaiverExpiryRefusesAWaiverWithoutExpires(@TempDir Path tmp) throws IOException {
        Path w = tmp.resolve("waivers.yaml");
        Files.writeString(w, "waivers:\n  - rule: GRP-001\n    subject: sales-dept\n    justification: j\n"
                + "  - rule: GRP-001\n    subject: apac\n    justification: j\n    expires: 2099-01-01\n");
        Cli strict = Cli.run("check", "samples/fabrikam", "--waivers", w.toString(), "--require-waiver-expiry");
        assertEquals(2, strict.code(), strict.err());
        assertEquals(w + ":2:5: waivers[0]: missing key 'expires' (YYYY-MM-DD): --require-waiver-expiry is set\n", strict.err());
        Cli lax = Cli.run("check", "samples/fabrikam", "--waivers", w.toString());
        assertEquals(1, lax.code(), lax.err());
        assertTrue(lax.out().contains("waived: 2"), lax.out());
    }

    @Test
    void cdpSixOnSetOrganizationAddInGivesTheFixForThatCmdlet() throws IOException {
        Cli r = Cli.run("check", "samples/fabrikam", "--format", "json");
        JsonNode report = new ObjectMapper().readTree(r.out());
        String update = null;
        String assign = null;
        for (JsonNode f : report.get("findings")) {
            if (!f.path("ruleId").asText().equals("CDP-006")) continue;
            if (f.at("/subject/id").asText().equals("op-update-contracts")) update = f.path("remediation").asText();
            if (f.at("/subject/id").asText().equals("op-assign-sales")) assign = f.path("remediation").asText();
        }
        assertEquals("Complete the command as in the documentation: Set-OrganizationAddIn -ProductId <ProductId> "
                + "-ManifestPath <path to manifest.xml> -Locale <ll-CC>.", update);
        assertEquals("Complete the command as in the documentation: Set-OrganizationAddInAssignments -ProductId <ProductId> "
                + "-Add -Members '<member>' (or -Remove instead of -Add; exactly one of them).", assign);
    }

    static final String BERT_FINDINGS = """
              findings:
                DYN-007 (dynamics-user dyn-bert): 'Bert' has the Dynamics 365 App for Outlook User role only through a team, which doesn't propagate its privileges: 24 of the 24 are missing from the user's own roles
                DATA-004 (dynamics-user dyn-bert): DYN-009 could not be decided for dynamics-user 'Bert' (bert@fabrikam.com#client0): the snapshot does not give users[].clients[].ie11Enabled
                DYN-012 (dynamics-user dyn-bert): App for Outlook is not yet added for 'Bert'
                DYN-016 (dynamics-user dyn-bert): The mailbox test of 'Bert' is scheduled and not run yet
              findings about others that name this user:
                GRP-001 (group sales-dept): Group 'Sales Department' assigned in deployment 'sales-rollout' contains nested groups; 2 users are reached only through nesting and will not get the app
            """;

    @Test
    void explainListsTheDynamicsFindingsAboutBertByAddressOrUniqueName() {
        Cli byMail = Cli.run("explain", "samples/fabrikam", "--user", "bert@fabrikam.com");
        assertEquals(0, byMail.code(), byMail.err());
        assertTrue(byMail.out().endsWith(BERT_FINDINGS), byMail.out());
        Cli byName = Cli.run("explain", "samples/fabrikam", "--user", "bert");
        assertEquals(0, byName.code(), byName.err());
        assertEquals(byMail.out(), byName.out());
    }

    @Test
    void explainWithAnAmbiguousDisplayNameListsTheCandidates(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("fabrikam");
        Files.createDirectories(dir);
        for (String f : new String[]{"apps.yaml", "dynamics.yaml", "tenant.yaml"}) {
            Files.copy(Path.of("samples/fabrikam").resolve(f), dir.resolve(f));
        }
        String directory = Files.readString(Path.of("samples/fabrikam/directory.yaml"));
        Files.writeString(dir.resolve("directory.yaml"), directory.replace("users:\n", "users:\n  - id: bert2@fabrikam.com\n"
                + "    upn: bert2@fabrikam.com\n    displayName: Bert\n    accountState: enabled\n"));
        Cli r = Cli.run("explain", dir.toString(), "--user", "Bert");
        assertEquals(2, r.code(), r.out());
        assertEquals("preflight: 2 users are named 'Bert' in " + dir + "; give the id, userPrincipalName or mail of one:\n"
                + "  Bert <bert2@fabrikam.com> (id bert2@fabrikam.com, " + dir.resolve("directory.yaml") + ":5:5)\n"
                + "  Bert <bert@fabrikam.com> (id bert@fabrikam.com, " + dir.resolve("directory.yaml") + ":31:5)\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void mergeCountsTheSameReportOnceAndSaysSo(@TempDir Path tmp) throws IOException {
        Path reports = tmp.resolve("reports");
        Files.createDirectories(reports);
        assertEquals(1, Cli.run("check", "samples/fabrikam", "--format", "json=" + reports.resolve("a.json")).code());
        Files.copy(reports.resolve("a.json"), reports.resolve("b.json"));
        Cli once = Cli.run("merge", reports.resolve("a.json").toString());
        Cli twice = Cli.run("merge", reports.toString(), reports.resolve("a.json").toString());
        assertEquals(once.out(), twice.out(), "the same report given three times is counted once");
        assertTrue(twice.out().contains("1 tenants, 0 broken; 47 errors, 23 warnings, 17 info"), twice.out());
        String sha = new ObjectMapper().readTree(reports.resolve("a.json").toFile()).at("/snapshot/sha256").asText().substring(0, 12);
        assertEquals("preflight: note: " + reports.resolve("b.json") + " is the same report as " + reports.resolve("a.json")
                + " (tenant 'Fabrikam', snapshot sha256 " + sha + "); counted once\n"
                + "preflight: note: " + reports.resolve("a.json") + " is the same report as " + reports.resolve("a.json")
                + " (tenant 'Fabrikam', snapshot sha256 " + sha + "); counted once\n", twice.err());
        assertEquals(1, twice.code());
    }

    @Test
    void mergeOfAnEmptyFolderIsAnError(@TempDir Path tmp) throws IOException {
        Path empty = tmp.resolve("empty");
        Files.createDirectories(empty);
        Cli r = Cli.run("merge", empty.toString());
        assertEquals(2, r.code());
        assertEquals("preflight: no reports found in " + empty + " (merge reads the JSON reports of preflight check: *.json)\n", r.err());
        assertEquals("", r.out());
        assertFalse(r.out().contains("0 tenants"));
    }
}
