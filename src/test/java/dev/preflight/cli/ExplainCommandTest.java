package dev.preflight.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplainCommandTest {

    @Test
    void bertIsMissedThroughNestingAndReachedThroughEveryone() {
        Cli r = Cli.run("explain", "samples/fabrikam", "--user", "BERT@fabrikam.com");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Bert <bert@fabrikam.com> (samples/fabrikam/directory.yaml:"), r.out());
        assertTrue(r.out().contains("  misses  sales-rollout (app sales-assistant): nested group: "
                + "Sales Department > West Coast Sales Department > Bert <bert@fabrikam.com>\n"), r.out());
        assertTrue(r.out().contains("  reaches sales-everyone (app sales-assistant): assigned to Everyone\n"), r.out());
        assertTrue(r.out().contains("  misses  contracts-legal (app contract-checker): group 'West Coast Sales Department' "
                + "has a parent group 'Sales Department'"), r.out());
    }

    @Test
    void sandraIsReachedDirectly() {
        Cli r = Cli.run("explain", "samples/fabrikam", "--user", "sandra@fabrikam.com");
        assertTrue(r.out().contains("  reaches sales-rollout (app sales-assistant): assigned directly; "
                + "direct member of assigned group 'Sales Department'\n"), r.out());
    }

    @Test
    void anUnknownUserIsAnInputError() {
        Cli r = Cli.run("explain", "samples/fabrikam", "--user", "nobody@fabrikam.com");
        assertEquals(2, r.code());
        assertEquals("preflight: no user 'nobody@fabrikam.com' in samples/fabrikam", r.err().strip());
    }
}
