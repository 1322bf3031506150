package dev.preflight.model;

import java.util.List;

/** A Dynamics security role and its privileges (null when not exported). */
public record SecurityRole(String id, String displayName, List<String> privileges, Location location) implements Entity {
    @Override public String kind() { return "security-role"; }
    @Override public String name() { return displayName != null ? displayName : id; }
}
