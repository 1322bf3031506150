package dev.preflight.assign;

import java.util.List;

/**
 * Who one deployment actually reaches. For an Everyone deployment {@code recipients} holds every active user.
 * {@code unknown} names facts the snapshot lacks to know the audience fully (e.g. a group whose members are not
 * listed); then the lists are a lower bound.
 */
public record Audience(String deploymentId, boolean everyone, List<String> recipients, List<Exclusion> excluded,
                       List<String> unknown) {
}
