package dev.preflight.assign;

import dev.preflight.model.Location;

import java.util.List;

/**
 * Users of an assigned group who are reached only through its nested groups and by no other target of the same
 * deployment: they will not get the add-in (GRP-001). {@code paths} are e.g. "Sales > West Coast Sales > Bert".
 */
public record NestedOnly(String deploymentId, String groupId, List<String> userIds, List<String> paths,
                         List<String> nestedGroupIds, Location location) {
}
