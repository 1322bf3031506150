package dev.preflight.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A real-looking deploy script checked against a small tenant as if it ran: the exact report, with findings at
 * the script's lines and every part not understood listed; and what explain says per planned operation.
 */
class PlanCheckTest {
    static final String TENANT = "src/test/resources/plans/tenant.yaml";
    static final String SCRIPT = "src/test/resources/plans/deploy.ps1";

    @Test
    void theDeployScriptIsCheckedAsIfItRan() {
        Cli r = Cli.run("check", TENANT, "--plan", SCRIPT, "--as", "alex@contoso.com", "--fail-on", "none");
        assertEquals("", r.err());
        assertEquals(0, r.code());
        assertEquals(expected("deploy.check.txt"), r.out());
    }

    @Test
    void explainSaysPerPlannedOperationWhetherBertWouldReceiveTheAddIn() {
        Cli r = Cli.run("explain", TENANT, "--plan", SCRIPT, "--as", "alex@contoso.com", "--user", "bert@contoso.com");
        assertEquals("", r.err());
        assertEquals(expected("deploy.explain-bert.txt"), r.out());
    }

    @Test
    void theYamlPlanIsCheckedTheSameWayRunByItsOwnAdmin() {
        Cli r = Cli.run("check", TENANT, "--plan", "src/test/resources/plans/deploy.yaml", "--fail-on", "none");
        assertEquals("", r.err());
        assertEquals(0, r.code());
        assertEquals(expected("deploy.yaml.check.txt"), r.out());
    }

    @Test
    void aBadYamlPlanIsAnInputErrorAtEachPlace(@TempDir Path dir) throws IOException {
        Path plan = dir.resolve("bad.yaml");
        Files.writeString(plan, "operations:\n  - { action: launch, app: x }\n  - { cmdlet: Get-OrganizationAddIn, bogus: 1 }\n");
        Cli r = Cli.run("check", TENANT, "--plan", plan.toString());
        assertEquals(2, r.code());
        String f = dev.preflight.snapshot.SnapshotLoader.display(plan);
        assertEquals(f + ":2:15: action 'launch' is not one of deploy, assign, remove, turn-on, turn-off\n"
                + f + ":3:15: cmdlet 'Get-OrganizationAddIn' is not one of New-OrganizationAddIn, Set-OrganizationAddIn, "
                + "Set-OrganizationAddInAssignments, Remove-OrganizationAddIn\n"
                + f + ":3:38: unknown key 'bogus'; expected one of action, app, assignment, cmdlet, members, parameters, remove\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void anAdminTheSnapshotDoesNotHaveIsAUsageError() {
        Cli r = Cli.run("check", TENANT, "--plan", SCRIPT, "--as", "nobody@contoso.com");
        assertEquals(2, r.code());
        assertEquals("preflight: --as 'nobody@contoso.com': no user of the snapshot has that id, userPrincipalName or mail\n", r.err());
        Cli alone = Cli.run("check", TENANT, "--as", "alex@contoso.com");
        assertEquals(2, alone.code());
        assertEquals("preflight: --as names who runs a --plan\n", alone.err());
        Cli fleet = Cli.run("check", TENANT, "samples/contoso", "--plan", SCRIPT);
        assertEquals(2, fleet.code());
        assertEquals("preflight: --plan checks one snapshot, not a fleet\n", fleet.err());
        Cli explain = Cli.run("explain", TENANT, "--user", "bert@contoso.com", "--as", "alex@contoso.com");
        assertEquals(2, explain.code());
        assertEquals("preflight: --as names who runs a --plan\n", explain.err());
    }

    @Test
    void withoutAnAdminTheAdminRulesCannotDecide() {
        Cli r = Cli.run("check", TENANT, "--plan", SCRIPT, "--fail-on", "none", "--format", "json");
        assertEquals(0, r.code(), r.err());
        org.junit.jupiter.api.Assertions.assertTrue(r.out().contains("\"message\" : \"ADM-007 could not be decided for operation 'deploy.ps1:11 (Set-OrganizationAddInAssignments)'"), r.out());
        org.junit.jupiter.api.Assertions.assertTrue(r.out().contains("\"undecidedRule\" : \"ADM-001\""), r.out());
    }

    static String expected(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/plans", name));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
