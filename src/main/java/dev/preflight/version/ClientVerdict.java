package dev.preflight.version;

import dev.preflight.model.User;

/**
 * How one Office client of an assigned user stands against the source's requirements for the hosts the user's
 * add-ins need: {@code rule} is the CLI rule it breaks (CLI-001..004, CLI-007), or {@code DATA-004} when a fact
 * is missing (then {@code about} names the rule that could not decide). It carries its user, so rules need no join
 * to find them (a join on users costs a hash entry per user at 100k users).
 */
public record ClientVerdict(User user, String clientId, String client, String rule, String about, String detail) {
    public String userId() {
        return user.id();
    }
}
