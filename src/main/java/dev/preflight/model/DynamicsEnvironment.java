package dev.preflight.model;

/** The Dynamics 365 / Dataverse environment App for Outlook connects to. */
public record DynamicsEnvironment(String id, String displayName, String deployment, String version,
                                  String emailProcessing, Boolean exchangeOAuth, Boolean appForOutlookEnabled,
                                  Boolean ifdConfigured, String exchange, Boolean oauthProviderConfigured,
                                  Location location) implements Entity {
    @Override public String kind() { return "environment"; }
    @Override public String name() { return displayName != null ? displayName : id; }
}
