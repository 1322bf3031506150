package dev.preflight.version;

import dev.preflight.model.Location;
import dev.preflight.model.OfficeClient;
import dev.preflight.model.User;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every build of Microsoft's update history, of every channel, is decided against each YYMM minimum. */
class OfficeMinimumsTest {
    private static final User U = new User("u", null, null, null, null, null, null, null, null, null, Location.UNKNOWN);

    private static String verdict(String app, String edition, String version) {
        OfficeClient c = new OfficeClient("u", 0, app, "windows", edition, version, Version.parse(version), null, Location.UNKNOWN);
        ClientVerdict v = OfficeMinimums.verdict(U, c);
        return v == null ? "ok" : v.rule();
    }

    @Test
    void everyBuildOfTheTableIsDecidedOnBothSidesOfEachYymmMinimum() {
        Map<String, Integer> decided = new TreeMap<>();
        for (BuildTable.Release r : BuildTable.MICROSOFT_365_APPS.releases()) {
            String build = "16.0." + r.build() + "." + r.revision();
            check(decided, r, "word", "microsoft-365", build, 1704, "CLI-001");
            check(decided, r, "outlook", "microsoft-365", build, 1701, "CLI-004");
            check(decided, r, "outlook", "office-2019", build, 1808, "CLI-004");
        }
        // Both sides of each minimum are met by real builds of the table.
        assertEquals(Map.of("CLI-001 below", 34, "CLI-001 ok", 887, "CLI-004/1701 below", 16, "CLI-004/1701 ok", 905,
                "CLI-004/1808 below", 140, "CLI-004/1808 ok", 781), decided);
    }

    private static void check(Map<String, Integer> decided, BuildTable.Release r, String app, String edition, String build,
                              int minimum, String rule) {
        String expected = r.version() < minimum ? rule : "ok";
        assertEquals(expected, verdict(app, edition, build), r + " against " + minimum);
        String key = rule + (rule.equals("CLI-004") ? "/" + minimum : "") + (expected.equals("ok") ? " ok" : " below");
        decided.merge(key, 1, Integer::sum);
    }

    @Test
    void aBuildOutsideTheTableIsUnknown() {
        assertEquals("DATA-004", verdict("word", "microsoft-365", "16.0.99999.10000"));
        assertEquals("DATA-004", verdict("outlook", "office-2019", "16.0.8000.1000"));
    }
}
