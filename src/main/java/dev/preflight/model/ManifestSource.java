package dev.preflight.model;

import java.util.Map;

/**
 * Which of an app's facts were read from its manifest files, and where each is written there. Keys: {@code hosts},
 * {@code permission}, {@code manifestVersion}, {@code graphPermissions}, {@code sso}, {@code update.permission},
 * {@code update.manifestVersion}.
 *
 * @param ssoResource the manifest's WebApplicationInfo resource (null without SSO)
 */
public record ManifestSource(String file, String updateFile, Map<String, Location> facts, String ssoResource) {
}
