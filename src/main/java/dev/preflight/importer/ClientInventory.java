package dev.preflight.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.preflight.model.Origin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Office client inventories: Intune's "Discovered apps" raw export ({@code AppInvRawData}: ApplicationName,
 * ApplicationVersion, Platform, UserId, EmailAddress, ...) and a plain CSV inventory whose columns are mapped by
 * {@link Columns} (default {@code user, app, platform, channel, version, edition}). A user without a row keeps
 * {@code clients} absent: the client rules report DATA-004 for them, never a pass.
 */
final class ClientInventory {
    /** Which CSV column holds each field of the plain inventory. */
    record Columns(String user, String app, String platform, String channel, String version, String edition) {
        static final Columns DEFAULT = new Columns("user", "app", "platform", "channel", "version", "edition");

        /** {@code user=Owner,app=Product,...}: fields not named keep their default column. */
        static Columns parse(String spec) {
            Map<String, String> m = new LinkedHashMap<>();
            for (String part : spec.split(",")) {
                String[] kv = part.split("=", 2);
                if (kv.length != 2 || kv[1].isBlank()) throw new IllegalArgumentException("expected field=column, got '" + part + "'");
                String field = kv[0].trim().toLowerCase(Locale.ROOT);
                if (!Set.of("user", "app", "platform", "channel", "version", "edition").contains(field)) {
                    throw new IllegalArgumentException("unknown field '" + kv[0].trim() + "' (user, app, platform, channel, version, edition)");
                }
                m.put(field, kv[1].trim());
            }
            Columns d = DEFAULT;
            return new Columns(m.getOrDefault("user", d.user), m.getOrDefault("app", d.app), m.getOrDefault("platform", d.platform),
                    m.getOrDefault("channel", d.channel), m.getOrDefault("version", d.version), m.getOrDefault("edition", d.edition));
        }

        String key(String column) {
            return Normal.key(column.trim());
        }

        boolean matches(Set<String> keys) {
            return keys.contains(key(user)) && keys.contains(key(app)) && keys.contains(key(version));
        }
    }

    private ClientInventory() {
    }

    static boolean isIntune(Set<String> keys) {
        return keys.contains("applicationName") && keys.contains("applicationVersion") && (keys.contains("emailAddress") || keys.contains("userId"));
    }

    /** Rows of Intune's AppInvRawData: Office products become client entries; other apps are skipped. */
    static void intune(Facts facts, JsonNode n, Origin o) {
        String name = Normal.text(n, "applicationName");
        if (name == null) return;
        String platform = platform(Normal.text(n, "platform"), Normal.text(n, "oSDescription"));
        String version = Normal.text(n, "applicationVersion");
        String lower = name.toLowerCase(Locale.ROOT);
        String edition;
        List<String> apps;
        if (lower.startsWith("microsoft 365 apps") || lower.startsWith("microsoft office 365") || lower.startsWith("office 365")) {
            edition = "microsoft-365";
            apps = List.of("word", "excel", "powerpoint", "outlook");
        } else if (lower.matches("microsoft office (professional|standard|home)[^0-9]*(2013|2016|2019|2021|2024).*")) {
            String year = lower.replaceAll(".*(2013|2016|2019|2021|2024).*", "$1");
            edition = "office-" + year;
            apps = List.of("word", "excel", "powerpoint", "outlook");
        } else {
            String app = app(lower.replace("microsoft ", "").trim());
            if (app == null) return;
            apps = List.of(app);
            edition = "ios".equals(platform) || "android".equals(platform) ? ("outlook".equals(app) ? "outlook-mobile" : "other") : null;
        }
        String user = Normal.text(n, "emailAddress");
        if (user == null || user.isBlank()) user = Normal.text(n, "userId");
        if (user == null || user.isBlank()) return;
        for (String app : apps) add(facts, user, new String[]{app, platform, edition, version}, o);
    }

    /** A row of the plain CSV inventory. */
    static void plain(Facts facts, Columns c, JsonNode n, Origin o) {
        String user = Normal.text(n, c.key(c.user));
        String app = app(lower(Normal.text(n, c.key(c.app))));
        if (user == null || user.isBlank() || app == null) {
            facts.warnings.add(o + ": inventory row without a user or with an app that is not Word, Excel, PowerPoint or Outlook: skipped");
            return;
        }
        String platform = platform(Normal.text(n, c.key(c.platform)), null);
        String edition = lower(Normal.text(n, c.key(c.edition)));
        String channel = Normal.text(n, c.key(c.channel));
        if ((edition == null || edition.isBlank()) && channel != null && !channel.isBlank()) edition = "microsoft-365"; // an update channel: the subscription
        if (edition != null && edition.isBlank()) edition = null;
        String version = Normal.text(n, c.key(c.version));
        add(facts, user, new String[]{app, platform, edition, version == null || version.isBlank() ? null : version}, o);
    }

    private static void add(Facts facts, String user, String[] client, Origin o) {
        facts.clients.computeIfAbsent(user.toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>()).add(client);
        facts.clientOrigins.putIfAbsent(user.toLowerCase(Locale.ROOT), o);
    }

    private static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }

    static String app(String name) {
        if (name == null) return null;
        for (String a : List.of("word", "excel", "powerpoint", "outlook")) if (name.equals(a) || name.startsWith(a + " ")) return a;
        return null;
    }

    static String platform(String platform, String os) {
        String p = lower(platform != null ? platform : os);
        if (p == null || p.isBlank()) return "other";
        if (p.startsWith("windows")) return "windows";
        if (p.startsWith("mac")) return "mac";
        if (p.startsWith("ios") || p.startsWith("ipados")) return "ios";
        if (p.startsWith("android")) return "android";
        if (p.equals("web")) return "web";
        return "other";
    }
}
