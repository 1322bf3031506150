package dev.preflight.version;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Microsoft's version-to-build table of Microsoft 365 Apps (resource {@code clients/builds.csv}, the "Update history
 * for Microsoft 365 Apps (listed by date)"; provenance in {@code clients/README.md}). Within 16.0, builds increase
 * with versions: a build number of the table belongs to exactly one YYMM version. A build the table does not list is
 * unknown (null), never guessed.
 */
public final class BuildTable {
    /** One row: release date, channel, YYMM version, build number and revision (16.0.build.revision). */
    public record Release(String date, String channel, int version, int build, int revision) {
    }

    /** The bundled table (the one in force unless {@code --tables} replaces it: {@link dev.preflight.tables.Tables}). */
    public static final BuildTable MICROSOFT_365_APPS = dev.preflight.tables.Tables.bundled().builds();

    private final List<Release> releases;
    private final Map<Integer, Integer> versionByBuild = new HashMap<>();
    private final TreeMap<Integer, int[]> buildsByVersion = new TreeMap<>();
    private final String newest;

    public BuildTable(List<Release> releases) {
        this.releases = List.copyOf(releases);
        String max = "";
        for (Release r : releases) {
            Integer before = versionByBuild.putIfAbsent(r.build(), r.version());
            if (before != null && before != r.version()) {
                throw new IllegalStateException("build " + r.build() + " is listed as Version " + before + " and " + r.version());
            }
            buildsByVersion.merge(r.version(), new int[]{r.build(), r.build()},
                    (a, b) -> new int[]{Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            if (r.date().compareTo(max) > 0) max = r.date();
        }
        this.newest = max;
    }

    public List<Release> releases() {
        return releases;
    }

    /** The YYMM version of 16.0 build {@code build} (the 17928 of 16.0.17928.20114), or null when the table lacks it. */
    public Integer versionOf(int build) {
        return versionByBuild.get(build);
    }

    /** {lowest, highest} build number of Version {@code yymm}, or null when the table lacks the version. */
    public int[] buildsOf(int yymm) {
        int[] b = buildsByVersion.get(yymm);
        return b == null ? null : b.clone();
    }

    /** The versions of the table in ascending order. */
    public List<Integer> versions() {
        return List.copyOf(buildsByVersion.keySet());
    }

    /** The date of the newest release the table lists. */
    public String newest() {
        return newest;
    }
}
