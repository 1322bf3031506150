package dev.preflight.assign;

import java.util.List;

/** Group {@code groupId} is a direct member of the groups {@code parentIds} (names in {@code parentNames}). */
public record GroupParents(String groupId, List<String> parentIds, List<String> parentNames) {
}
