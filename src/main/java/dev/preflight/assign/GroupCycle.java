package dev.preflight.assign;

import dev.preflight.model.Location;

import java.util.List;

/** Groups whose nesting forms a cycle (DATA-003), in cycle order, with the first group's place. */
public record GroupCycle(List<String> groupIds, List<String> names, Location location) {
}
