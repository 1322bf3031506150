package dev.preflight.model;

/** A Microsoft Graph permission an app requests. */
public record GraphPermission(String name, Boolean adminConsentRequired) {
}
