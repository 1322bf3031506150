package dev.preflight.model;

import java.time.Instant;
import java.util.List;

/** Permissions granted to an app: by a user for themselves, or by an admin for all users. */
public record ConsentGrant(String id, String appName, String appId, String consentType, Instant grantedAt,
                           List<String> scopes, Boolean publisherVerified, Boolean trusted, Location location)
        implements Entity {
    @Override public String kind() { return "consent-grant"; }
    @Override public String name() { return appName != null ? appName : appId != null ? appId : id; }
}
