package dev.preflight.assign;

import dev.preflight.model.Location;

import java.util.List;

/**
 * Groups whose nesting forms a cycle (DATA-003), in cycle order, with the first group's place. {@code firstGroupId}
 * is {@code groupIds.get(0)} as a field of its own: a rule joins on it, and the engine indexes a join on a field but
 * not on {@code groupIds[0]} (that join tested every cycle against every group).
 */
public record GroupCycle(List<String> groupIds, List<String> names, Location location, String firstGroupId) {
}
