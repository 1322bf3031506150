package dev.preflight.cli;

import dev.preflight.tables.Tables;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tables reviewers own: validated on load, overridable with --tables, shown by preflight tables. */
class TablesCommandTest {
    static final String DIR = "src/test/resources/tables/";

    @Test
    void aReviewersTableChangesAFinding() {
        Cli bundled = Cli.run("check", DIR + "kim.yaml", "--format", "csv", "--fail-on", "none");
        assertEquals(0, bundled.code(), bundled.err());
        assertFalse(bundled.out().contains("CLI-001"), bundled.out());

        Cli reviewed = Cli.run("check", DIR + "kim.yaml", "--tables", DIR + "reviewer", "--format", "csv");
        assertEquals(1, reviewed.code(), reviewed.err());
        assertTrue(reviewed.out().contains("Version 2308 (Build 16731.20234) is below the minimum 2408 "
                + "(house policy 7.1: Version 2408 or later of Microsoft 365 on Windows)"), reviewed.out());
        assertEquals("preflight: note: table minimums from " + DIR + "reviewer/minimums.csv (replaces the bundled clients/minimums.csv)\n",
                reviewed.err());
        assertSame(Tables.bundled(), Tables.inForce(), "the bundled tables are in force again after the check");
    }

    @Test
    void everyRowIsValidatedWithFileLineAndColumn() {
        Cli r = Cli.run("check", DIR + "kim.yaml", "--tables", DIR + "broken");
        assertEquals(2, r.code(), r.out());
        assertEquals("", r.out());
        String f = DIR + "broken/";
        assertEquals(String.join("\n",
                f + "app-for-outlook-privileges.csv:3:1: column 'privilege': 'readEverything' is not a privilege name (prvReadMailbox)",
                f + "minimums.csv:2:40: column 'minimum': '17x04' is not a version (a YYMM version like 1704, or a dotted build like 16.0.4494.1000)",
                f + "minimums.csv:3:1: column 'rule': 'CLI-009' is not one of CLI-001, CLI-002, CLI-004",
                f + "minimums.csv:3:18: column 'platform': 'linux' is not one of windows, mac, ios, android",
                f + "minimums.csv:4:25: row has 3 cells, the table has 6 columns: rule,hostFamily,platform,edition,minimum,text",
                f + "notes.csv: not a table Preflight knows; the tables are minimums.csv, skus.csv, app-for-outlook-privileges.csv, builds.csv",
                ""), r.err());
    }

    @Test
    void overlapsAreErrorsAndGapsAreShown() {
        Cli r = Cli.run("tables", "--tables", "src/test/resources/tables/overlaps");
        assertEquals(2, r.code(), r.out());
        String f = DIR + "overlaps/";
        assertEquals(String.join("\n",
                f + "app-for-outlook-privileges.csv:3:1: overlap: prvReadMailbox is already listed at line 2",
                f + "minimums.csv:3:25: overlap: line 2 already gives the minimum of outlook on windows for edition microsoft-365",
                f + "minimums.csv:5:21: overlap: the edition * row at line 4 already covers outlook on mac, so this row would never be used (put specific editions first)",
                f + "skus.csv:3:13: overlap: skuId '05e9a617-0261-4cee-bb44-138d3ef5d965' is already the SKU of line 2",
                ""), r.err());

        Cli shown = Cli.run("tables", "--tables", DIR + "reviewer");
        assertEquals(0, shown.code(), shown.err());
        assertTrue(shown.out().startsWith("minimums: 6 rows from " + DIR + "reviewer/minimums.csv (replaces the bundled clients/minimums.csv)\n"),
                shown.out());
        assertTrue(shown.out().contains("\nskus: 38 rows from licensing/skus.csv (bundled)\n"), shown.out());
        assertTrue(shown.out().contains("\nbuilds: 921 rows from clients/builds.csv (bundled)\n"), shown.out());
        assertTrue(shown.out().contains("\n  gap: document on windows has minimums for microsoft-365 only: other editions are reported as not listed (CLI-007), never passed\n"),
                shown.out());
    }

    @Test
    void oneTableAsInForce() {
        Cli r = Cli.run("tables", "privileges");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("# privileges: dynamics/app-for-outlook-privileges.csv (bundled)\nprivilege\nprvReadEmailServerProfile\n"), r.out());
        assertEquals(2 + Tables.SOURCE_PRIVILEGES, r.out().lines().count());
        Cli unknown = Cli.run("tables", "prices");
        assertEquals(2, unknown.code());
        assertEquals("preflight: no table 'prices'; tables: minimums, skus, privileges, builds\n", unknown.err());
    }
}
