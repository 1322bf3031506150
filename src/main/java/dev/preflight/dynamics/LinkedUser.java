package dev.preflight.dynamics;

import dev.preflight.model.DynamicsUser;
import dev.preflight.model.Snapshot;
import dev.preflight.model.User;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A Dynamics user with the tenant user it is linked to ({@code dynamics.users[].userId}), resolved once so that rules
 * about the person's Office clients need no join over all users.
 */
public record LinkedUser(DynamicsUser dynamicsUser, User user) {

    /** The Dynamics users of {@code s} whose {@code userId} names a user ({@code users} finds them by id). */
    public static List<LinkedUser> of(Snapshot s, Function<String, User> users) {
        List<LinkedUser> out = new ArrayList<>();
        for (DynamicsUser du : s.dynamicsUsers()) {
            User u = du.userId() == null ? null : users.apply(du.userId());
            if (u != null) out.add(new LinkedUser(du, u));
        }
        return out;
    }
}
