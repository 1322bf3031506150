package dev.preflight.assign;

import dev.preflight.model.User;

import java.util.List;

/**
 * A user a deployment looks as if it reaches but does not: reached only through a nested group, through a group
 * that has a parent group, through a security group that is not mail-enabled, or whose account is not active.
 * {@code path} is the chain of names from the assigned target to the user; {@code ruleId} the rule that reports why
 * (GRP-001 nested, GRP-002 parent group, GRP-003 not mail-enabled, GRP-007 account not active).
 */
public record Exclusion(User user, String reason, List<String> path, String ruleId) {
    public String userId() {
        return user.id();
    }

    public String pathText() {
        return String.join(" > ", path);
    }
}
