package dev.preflight.model;

import java.util.List;

/** A Dynamics user (systemuser), linked to a tenant user where known. */
public record DynamicsUser(String id, String userId, String displayName, Boolean appUser, List<String> roles,
                           String appStatus, List<String> syncedMailboxes, DynamicsMailbox mailbox,
                           Location location) implements Entity {
    @Override public String kind() { return "dynamics-user"; }
    @Override public String name() { return displayName != null ? displayName : id; }
}
