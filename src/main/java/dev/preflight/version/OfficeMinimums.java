package dev.preflight.version;

import dev.preflight.assign.AssignedUser;
import dev.preflight.model.OfficeClient;
import dev.preflight.model.User;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The minimum Office versions of seed 000 (resource {@code clients/minimums.csv}) and the verdict for each client
 * of an assigned user. Versions are compared only within one channel: a subscription client is compared by its
 * YYMM version (1704, 2108), an MSI or Mac build by its build number.
 */
public final class OfficeMinimums {
    record Minimum(String rule, String family, String platform, String edition, Version minimum, String text) {
    }

    static final List<Minimum> TABLE = load();
    /** TABLE by family and platform, in table order: the lookup runs for every client of every assigned user. */
    private static final Map<String, List<Minimum>> BY_PLATFORM = TABLE.stream()
            .collect(Collectors.groupingBy(m -> m.family() + "|" + m.platform(), LinkedHashMap::new, Collectors.toList()));

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
            if (edition == null && !"mac".equals(platform) && !"other".equals(platform)) {
                return v(u, c, "DATA-004", family.equals("outlook") ? "CLI-004" : "CLI-001", "users[].clients[].edition");
            }
            return v(u, c, "CLI-007", null, "the source lists no " + (family.equals("outlook") ? "Outlook" : "Word/Excel/PowerPoint")
                    + " requirement for " + (edition == null ? "this edition" : edition) + " on " + platform);
        }
        if (c.version() == null) return v(u, c, "DATA-004", m.rule(), "users[].clients[].version");
        Version have = c.parsedVersion();
        if ("microsoft-365".equals(edition) && "windows".equals(platform) && have.parts().length > 0 && have.major() == 16
                && have.parts().length >= 3) {
            // A 16.0.x build of the subscription: a different scheme from the YYMM minimum.
            return v(u, c, "DATA-004", m.rule(), "the YYMM version of the subscription client (e.g. Version 2108 (Build 14326.20404)), not its 16.0 build");
        }
        if (have.isBelow(m.minimum())) {
            return v(u, c, m.rule(), null, c.version() + " is below the minimum " + m.minimum().text() + " (" + m.text() + ")");
        }
        return null;
    }

    static Minimum find(String family, String platform, String edition) {
        for (Minimum m : BY_PLATFORM.getOrDefault(family + "|" + platform, List.of())) {
            if (m.edition().equals("*") || m.edition().equals(edition)) {
                return m;
            }
        }
        return null;
    }

    private static ClientVerdict v(User u, OfficeClient c, String rule, String about, String detail) {
        return new ClientVerdict(u, c.id(), c.name(), rule, about, detail);
    }

    private static List<Minimum> load() {
        List<Minimum> out = new ArrayList<>();
        try (InputStream in = OfficeMinimums.class.getResourceAsStream("/clients/minimums.csv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] c = line.split(",", 6);
                out.add(new Minimum(c[0], c[1], c[2], c[3], Version.parse(c[4]), c[5].replace("\"", "")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
