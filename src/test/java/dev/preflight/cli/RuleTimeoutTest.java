package dev.preflight.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user rule that loops forever is stopped by the time limit of a run and reported by name, exit 3. */
class RuleTimeoutTest {
    static final String LOOPING = "src/test/resources/user-rules/looping";

    @Test
    void verifyStopsALoopingRuleAndNamesIt() {
        Cli r = Cli.run("verify", LOOPING, "--rule-timeout", "300ms");
        assertEquals(3, r.code(), r.out() + r.err());
        assertEquals("STOP  LOOP-001  a tenant  (" + LOOPING + "/LOOP-001.yaml:3)\n", r.out());
        assertTrue(r.err().startsWith("preflight: rule 'LOOP-001 counts forever' (LOOP-001) in " + LOOPING
                + "/LOOP-001.drl was still firing when the time limit of 300 ms per run was reached ("), r.err());
        assertTrue(r.err().contains("and was stopped. A rule that inserts facts which match it again"), r.err());
        assertTrue(!r.err().contains("Exception") && !r.err().contains("bug in Preflight"), r.err());
    }

    @Test
    void aConsequenceThatNeverReturnsIsAbandonedAndNamed() {
        String stuck = "src/test/resources/user-rules/stuck";
        Cli r = Cli.run("verify", stuck, "--rule-timeout", "300ms");
        assertEquals(3, r.code(), r.out() + r.err());
        assertEquals("STOP  STUCK-001  a tenant  (" + stuck + "/STUCK-001.yaml:3)\n", r.out());
        assertTrue(r.err().startsWith("preflight: rule 'STUCK-001 never returns' (STUCK-001) in " + stuck
                + "/STUCK-001.drl was still running its consequence when the time limit of 300 ms per run was reached ("), r.err());
    }

    @Test
    void aConsequenceThatThrowsStopsVerifyNamingTheRule() {
        String throwing = "src/test/resources/user-rules/throwing";
        Cli r = Cli.run("verify", throwing);
        assertEquals(3, r.code(), r.out() + r.err());
        assertEquals("STOP  BOOM-001  a tenant  (" + throwing + "/BOOM-001.yaml:3)\n", r.out());
        assertTrue(r.err().startsWith("preflight: rule 'BOOM-001 throws' failed: java.lang.NullPointerException"), r.err());
        assertTrue(r.err().endsWith("(a consequence threw: fix the rule)\n"), r.err());
    }

    @Test
    void checkStopsALoopingRuleWithExitThree() {
        Cli r = Cli.run("check", "samples/contoso", "--rules", LOOPING, "--rule-timeout", "1s", "--format", "json");
        assertEquals(3, r.code(), r.err());
        assertEquals("", r.out(), "no half-written report");
        assertTrue(r.err().startsWith("preflight: rule 'LOOP-001 counts forever' (LOOP-001) in " + LOOPING
                + "/LOOP-001.drl was still firing when the time limit of 1 s per run was reached ("), r.err());
    }

    @Test
    void aTimeLimitThatIsNotOneIsAUsageError() {
        Cli r = Cli.run("check", "samples/contoso", "--rule-timeout", "soon");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'soon' is not a time limit: write 30s, 500ms, 2m or 0"), r.err());
    }
}
