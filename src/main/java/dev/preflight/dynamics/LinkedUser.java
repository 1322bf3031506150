package dev.preflight.dynamics;

import dev.preflight.model.DynamicsUser;
import dev.preflight.model.Snapshot;
import dev.preflight.model.User;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Dynamics user with the tenant user it is linked to ({@code dynamics.users[].userId}), resolved once so that rules
 * about the person's Office clients need no join over all users.
 */
public record LinkedUser(DynamicsUser dynamicsUser, User user) {

    /** The Dynamics users of {@code s} whose {@code userId} names a user of the snapshot. */
    public static List<LinkedUser> of(Snapshot s) {
        List<LinkedUser> out = new ArrayList<>();
        if (s.dynamicsUsers().isEmpty()) return out;
        Map<String, User> users = new HashMap<>();
        for (User u : s.users()) users.put(u.id(), u);
        for (DynamicsUser du : s.dynamicsUsers()) {
            User u = du.userId() == null ? null : users.get(du.userId());
            if (u != null) out.add(new LinkedUser(du, u));
        }
        return out;
    }
}
