package dev.preflight.version;

import dev.preflight.assign.AssignedUser;
import dev.preflight.model.OfficeClient;
import dev.preflight.model.User;
import dev.preflight.tables.Tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The minimum Office versions of seed 000 (the table {@code clients/minimums.csv}, see {@link Tables}) and the verdict for each client
 * of an assigned user. Versions are compared in the scheme of the minimum: a YYMM minimum (1704, 1808) with the
 * client's YYMM version or, for a 16.0 build, the version Microsoft's version-to-build table gives it ({@link BuildTable});
 * a build minimum (16.0.4494.1000, 2.75.0) with the client's build.
 */
public final class OfficeMinimums {
    /** One row of the minimums table (the table in force: {@link Tables#inForce()}, {@code clients/minimums.csv}). */
    public record Minimum(String rule, String family, String platform, String edition, Version minimum, String text) {
    }

    /** Minimums by family and platform, in table order: the lookup runs for every client of every assigned user. */
    public static Map<String, List<Minimum>> byPlatform(List<Minimum> table) {
        return table.stream()
                .collect(Collectors.groupingBy(m -> m.family() + "|" + m.platform(), LinkedHashMap::new, Collectors.toList()));
    }

    private OfficeMinimums() {
    }

    /** Verdicts for the clients of {@code u} that run a host the user's add-ins need; only problems are returned. */
    public static List<ClientVerdict> verdicts(AssignedUser a) {
        User u = a.user();
        List<ClientVerdict> out = new ArrayList<>();
        if (u.clients() == null) return out;
        for (OfficeClient c : u.clients()) {
            if (!a.needsHost(c.app())) continue;
            ClientVerdict v = verdict(u, c);
            if (v != null) out.add(v);
        }
        return out;
    }

    /** A client on Windows, or on a platform not given, that does not say its edition (CLI-003/006/007 need it). */
    public static boolean editionUnknown(OfficeClient c) {
        return c.edition() == null && (c.platform() == null || "windows".equals(c.platform()));
    }

    /** Whether any of {@code clients} is {@linkplain #editionUnknown(OfficeClient) of unknown edition}. */
    public static boolean anyEditionUnknown(List<OfficeClient> clients) {
        if (clients == null) return false;
        for (OfficeClient c : clients) if (editionUnknown(c)) return true;
        return false;
    }

    static ClientVerdict verdict(User u, OfficeClient c) {
        String family = "outlook".equals(c.app()) ? "outlook" : "document";
        String edition = c.edition();
        String platform = c.platform();
        if ("document".equals(family) && ("office-2013".equals(edition) || "office-2013-msi".equals(edition))) {
            return v(u, c, "CLI-003", null, "Office 2013 is not supported for Word, Excel and PowerPoint add-ins");
        }
        if ("web".equals(platform)) return null; // Office on the web: supported, no minimum listed
        if ("document".equals(family) && ("ios".equals(platform) || "android".equals(platform))) {
            return null; // mobile supports Outlook add-ins only: judged per user by CLI-005
        }
        Minimum m = find(family, platform, edition);
        if (m == null) {
            if (edition == null && !"other".equals(platform)) {
                return v(u, c, "DATA-004", family.equals("outlook") ? "CLI-004" : "CLI-001", "users[].clients[].edition");
            }
            return v(u, c, "CLI-007", null, "the source lists no " + (family.equals("outlook") ? "Outlook" : "Word/Excel/PowerPoint")
                    + " requirement for " + (edition == null ? "this edition" : edition) + " on " + platform);
        }
        if (c.version() == null) return v(u, c, "DATA-004", m.rule(), "users[].clients[].version");
        return judge(u, c, m, c.parsedVersion());
    }

    /**
     * Compares a client's version with its minimum in the scheme of the minimum: a YYMM minimum (1704, 1808) against
     * the client's YYMM version, or the version of its 16.0 build in Microsoft's version-to-build table; a build
     * minimum (16.0.4494.1000, 2.75.0) against the client's build, a Windows YYMM version converted to its build.
     * A version that cannot be placed in the minimum's scheme is DATA-004, never compared raw.
     */
    static ClientVerdict judge(User u, OfficeClient c, Minimum m, Version have) {
        BuildTable BUILDS = Tables.inForce().builds();
        Version min = m.minimum();
        String against = " the minimum " + min.text() + " (" + m.text() + ")";
        Integer minYymm = min.yymm();
        if (minYymm != null) {
            Integer yymm = have.yymm();
            String how = "";
            if (yymm == null) {
                int[] build = have.build16();
                if (build == null) {
                    return v(u, c, "DATA-004", m.rule(), "a version comparable with the YYMM minimum " + min.text()
                            + ": '" + c.version() + "' is neither a YYMM version (Version 2408 (Build 17928.20114)) nor a 16.0 build (16.0.17928.20114)");
                }
                yymm = BUILDS.versionOf(build[0]);
                if (yymm == null) {
                    return v(u, c, "DATA-004", m.rule(), "a build Microsoft's update history lists: build " + build[0]
                            + " of '" + c.version() + "' is not in the version-to-build table (releases up to " + BUILDS.newest() + ")");
                }
                how = " (build " + build[0] + " is Version " + yymm + ")";
            }
            if (yymm < minYymm) return v(u, c, m.rule(), null, c.version() + how + " is below" + against);
            return null;
        }
        Version cmp = have;
        String how = "";
        if (have.yymm() != null) {
            // A YYMM version against a build minimum: only a Windows Microsoft 365 Apps version has a 16.0 build.
            if (!"windows".equals(c.platform())) {
                return v(u, c, "DATA-004", m.rule(), "a build comparable with the minimum " + min.text() + ": '" + c.version()
                        + "' is a YYMM version, which the version-to-build table gives only for Windows");
            }
            int[] build = have.build16();
            if (build == null) {
                int[] range = BUILDS.buildsOf(have.yymm());
                if (range == null) {
                    return v(u, c, "DATA-004", m.rule(), "a build comparable with the minimum " + min.text() + ": Version "
                            + have.yymm() + " is not in the version-to-build table (releases up to " + BUILDS.newest() + ")");
                }
                Version lowest = Version.parse("16.0." + range[0]);
                Version highest = Version.parse("16.0." + (range[1] + 1));
                if (!lowest.isBelow(min)) return null;
                if (!min.isBelow(highest)) {
                    return v(u, c, m.rule(), null, c.version() + " (builds 16.0." + range[0] + " to 16.0." + range[1] + ") is below" + against);
                }
                return v(u, c, "DATA-004", m.rule(), "the build of '" + c.version() + "': its builds 16.0." + range[0] + " to 16.0."
                        + range[1] + " lie on both sides of the minimum " + min.text());
            }
            cmp = Version.parse("16.0." + build[0] + "." + build[1]);
            how = " (build " + cmp.text() + ")";
        }
        if (cmp.isBelow(min)) return v(u, c, m.rule(), null, c.version() + how + " is below" + against);
        return null;
    }

    static Minimum find(String family, String platform, String edition) {
        for (Minimum m : Tables.inForce().minimumsByPlatform().getOrDefault(family + "|" + platform, List.of())) {
            if (m.edition().equals("*") || m.edition().equals(edition)) {
                return m;
            }
        }
        return null;
    }

    private static ClientVerdict v(User u, OfficeClient c, String rule, String about, String detail) {
        return new ClientVerdict(u, c.id(), c.name(), rule, about, detail);
    }
}
