package dev.preflight.model;

import java.time.Instant;
import java.util.List;

/** A planned change: deploy, update, assign, remove, turn-on/off, in the admin center or with a cmdlet. */
public record Operation(String id, String action, String via, String appId, String by, Instant at, String cmdlet,
                        CmdletParameters parameters, List<String> keptMembers, Location location) implements Entity {
    @Override public String kind() { return "operation"; }
    @Override public String name() { return cmdlet != null ? id + " (" + cmdlet + ")" : id; }
}
