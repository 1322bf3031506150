package dev.preflight.model;

/**
 * One member of a group or one target of a deployment: its kind (user, group, contact, device), the id it
 * resolves to (or the reference as written when it resolves to nothing), and where it is written.
 */
public record Member(String kind, String ref, boolean resolved, Location location) {
}
