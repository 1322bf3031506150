package dev.preflight.model;

import java.util.List;

/**
 * A directory group. {@code members} is null when the snapshot does not list them (unknown, not empty); {@code memberOf}
 * (the groups it is a direct member of, as Graph returns them, ids or mail addresses) is null when not exported.
 */
public record Group(String id, String displayName, String mail, String type, List<Member> members, List<String> memberOf,
                    Location location)
        implements Entity {
    @Override public String kind() { return "group"; }
    @Override public String name() { return displayName != null ? displayName : id; }

    /** A security group that is not mail-enabled. */
    public boolean nonMailEnabledSecurity() {
        return "security".equals(type);
    }
}
