package dev.preflight.assign;

import java.util.List;

/**
 * Who one deployment actually reaches. For an Everyone deployment {@code recipients} holds every active user.
 * {@code unknown} names facts the snapshot lacks to know the audience fully (e.g. a group whose members are not
 * listed); then the lists are a lower bound.
 */
public record Audience(String deploymentId, boolean everyone, List<String> recipients, List<Exclusion> excluded,
                       List<String> unknown) {

    /**
     * The exclusions of accounts that are disabled or deleted (GRP-007), in order. A rule walks these instead of all
     * exclusions: the engine keeps a handle per element it walks, and an assigned group with 20k nested members has
     * 20k exclusions, nearly all for nesting.
     */
    public List<Exclusion> inactiveAccounts() {
        List<Exclusion> out = new java.util.ArrayList<>();
        for (Exclusion x : excluded) {
            if ("account disabled".equals(x.reason()) || "account deleted".equals(x.reason())) out.add(x);
        }
        return out;
    }
}
