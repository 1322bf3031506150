package dev.preflight.model;

import dev.preflight.version.Version;

import java.util.Objects;

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

    // equals and hashCode as the generated ones, written out: see Records.
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof OfficeClient o && Objects.equals(userId, o.userId)
                && index == o.index && Objects.equals(app, o.app) && Objects.equals(platform, o.platform)
                && Objects.equals(edition, o.edition) && Objects.equals(version, o.version)
                && Objects.equals(parsedVersion, o.parsedVersion) && Objects.equals(ie11Enabled, o.ie11Enabled)
                && Objects.equals(location, o.location);
    }

    @Override
    public int hashCode() {
        return Records.hash(userId, index, app, platform, edition, version, parsedVersion, ie11Enabled, location);
    }
}
