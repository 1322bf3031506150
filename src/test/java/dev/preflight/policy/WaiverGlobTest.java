package dev.preflight.policy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Waiver subject globs: the meaning of * and ?, and work linear in the id (each * was a backtracking .*). */
class WaiverGlobTest {
    static boolean matches(String glob, String text) {
        return Waiver.glob(glob, text, new long[1]);
    }

    @Test
    void globsMeanWhatTheySay() {
        assertTrue(matches("sales-*", "sales-dept"));
        assertTrue(matches("*-dept", "sales-dept"));
        assertTrue(matches("*", ""));
        assertTrue(matches("**", "x"));
        assertTrue(matches("s?les-*t", "sales-dept"));
        assertTrue(matches("*a*a*b", "xaxab"));
        assertTrue(matches("a*a", "aa"));
        assertFalse(matches("a*a", "a"), "the prefix and the suffix do not overlap");
        assertTrue(matches("*ab*ab*", "abab"));
        assertFalse(matches("*ab*ab*", "aba"));
        assertTrue(matches("?", "x"));
        assertFalse(matches("?", ""));
        assertFalse(matches("sales-*", "Sales-dept"), "case matters, as in ids");
        assertTrue(matches("user/*.com", "user/bert@fabrikam.com"));
        assertTrue(matches("a.b*", "a.b-c"), "a dot is a dot");
        assertFalse(matches("a.b*", "aXb-c"));
    }

    @Test
    void manyStarsAgainstALongIdCostLinearWork() {
        int n = 200_000;
        String id = "a".repeat(n);
        for (String glob : new String[]{"*a*a*b", "*a*a*a*b", "*a*a*a*a*a*a*a*a*a*a*b", "*aaaaaaab*"}) {
            long[] steps = new long[1];
            assertFalse(Waiver.glob(glob, id, steps), glob);
            assertTrue(steps[0] <= (long) glob.length() * n, glob + ": " + steps[0] + " comparisons for " + n + " characters");
        }
        long[] steps = new long[1];
        assertTrue(Waiver.glob("*a*a*a*b", id + "b", steps));
        assertEquals(4, steps[0], "three parts placed at once, the suffix checked once");
    }
}
