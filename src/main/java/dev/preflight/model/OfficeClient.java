package dev.preflight.model;

import dev.preflight.version.Version;

/**
 * One Office client a user runs: app (word, excel, powerpoint, outlook) on a platform, in an edition, at a version
 * ({@code version} as written, {@code parsedVersion} compared; both null when unknown).
 */
public record OfficeClient(String userId, int index, String app, String platform, String edition, String version,
                           Version parsedVersion, Boolean ie11Enabled, Location location) implements Entity {
    @Override public String kind() { return "client"; }
    @Override public String id() { return userId + "#client" + index; }
    @Override public String name() {
        return app + " on " + platform + (edition != null ? " (" + edition + ")" : "") + (version != null ? " " + version : "");
    }
}
