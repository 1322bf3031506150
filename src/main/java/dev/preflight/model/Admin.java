package dev.preflight.model;

import java.util.List;

/** An admin: a user and the directory roles they hold (global-administrator, exchange-administrator, ...). */
public record Admin(String userId, List<String> roles, Location location) implements Entity {
    @Override public String kind() { return "admin"; }
    @Override public String id() { return userId; }
    @Override public String name() { return userId; }
}
