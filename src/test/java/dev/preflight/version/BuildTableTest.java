package dev.preflight.version;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuildTableTest {
    private final BuildTable table = BuildTable.MICROSOFT_365_APPS;

    @Test
    void theTableIsMicrosoftsUpdateHistoryOfEveryChannel() {
        assertEquals(921, table.releases().size());
        assertEquals("2026-08-11", table.newest());
        Set<String> channels = new TreeSet<>();
        table.releases().forEach(r -> channels.add(r.channel()));
        assertEquals(Set.of("Current Channel", "Monthly Enterprise Channel", "Semi-Annual Enterprise Channel",
                "Semi-Annual Enterprise Channel (Preview)"), channels);
    }

    @Test
    void buildsIncreaseWithVersions() {
        List<Integer> versions = table.versions();
        assertEquals(120, versions.size());
        for (int i = 1; i < versions.size(); i++) {
            int[] before = table.buildsOf(versions.get(i - 1));
            int[] after = table.buildsOf(versions.get(i));
            assertTrue(before[1] < after[0], "every build of " + versions.get(i) + " is above every build of " + versions.get(i - 1));
        }
    }

    @Test
    void versionsOfKnownBuilds() {
        assertArrayEquals(new int[]{8067, 8067}, table.buildsOf(1704));
        assertEquals(1704, table.versionOf(8067));
        assertEquals(1809, table.versionOf(10827));
        assertEquals(2408, table.versionOf(17928));
        assertNull(table.versionOf(8000));
        assertNull(table.buildsOf(1513));
    }

    @Test
    void aBuildListedUnderTwoVersionsIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new BuildTable(List.of(
                new BuildTable.Release("2024-01-01", "Current Channel", 2401, 17231, 20182),
                new BuildTable.Release("2024-02-01", "Current Channel", 2402, 17231, 20194))));
        assertEquals("build 17231 is listed as Version 2401 and 2402", e.getMessage());
    }

    @Test
    void versionForms() {
        assertEquals(2408, Version.parse("Version 2408 (Build 17928.20114)").yymm());
        assertArrayEquals(new int[]{17928, 20114}, Version.parse("Version 2408 (Build 17928.20114)").build16());
        assertEquals(1704, Version.parse("1704").yymm());
        assertNull(Version.parse("16.0.17928.20114").yymm());
        assertArrayEquals(new int[]{17928, 20114}, Version.parse("16.0.17928.20114").build16());
        assertNull(Version.parse("16.0").build16());
        assertNull(Version.parse("16.0").yymm());
        assertNull(Version.parse("15.0.4937.1000").build16());
    }
}
