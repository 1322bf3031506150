package dev.preflight.model;

import java.util.List;

/**
 * A list section the snapshot does not give at all (not even {@code []}): its facts are unknown, not none. Rules that
 * reason from the absence of an entry (no admin entry, so no role) check for this first and report DATA-004 instead.
 */
public record AbsentSection(String name) {
    /**
     * The list sections a snapshot may give, in the order of the format, with the single section {@code dynamics} and
     * its lists (absent only when {@code dynamics} is given without them).
     */
    public static final List<String> LISTS = List.of("skus", "users", "groups", "admins", "apps", "offers", "deployments",
            "operations", "consentGrants", "dynamics", "dynamics.users", "dynamics.roles", "dynamics.teams");
}
