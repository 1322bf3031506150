package dev.preflight.model;

/** Tenant-wide settings. Every fact may be null: unknown, never assumed. */
public record Tenant(String id, String displayName, String defaultDomain, String cloud, String directory,
                     Boolean exchangeOnline, Boolean appManagementServicePresent,
                     Boolean appManagementServiceEnabled, Boolean storeSelfInstall, Boolean userConsent,
                     Location location) implements Entity {
    @Override public String kind() { return "tenant"; }
    @Override public String name() { return displayName != null ? displayName : id; }
}
