package dev.preflight.cli;

import org.junit.jupiter.api.Test;

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

    static String expected(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/plans", name));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
