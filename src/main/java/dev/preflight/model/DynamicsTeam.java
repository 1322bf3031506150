package dev.preflight.model;

import java.util.List;

/** A Dynamics team: its security roles and its member Dynamics users. */
public record DynamicsTeam(String id, String displayName, List<String> roles, List<String> members, Location location)
        implements Entity {
    @Override public String kind() { return "team"; }
    @Override public String name() { return displayName != null ? displayName : id; }
}
