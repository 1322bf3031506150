package dev.preflight.plan;

import dev.preflight.model.Location;

import java.util.List;
import java.util.Map;

/**
 * One planned operation read from a plan, before it is bound to the snapshot: a Centralized Deployment cmdlet with
 * its parameters as written ({@code cmdlet} set), or an admin-center action of the YAML plan form ({@code action}
 * set, {@code cmdlet} null). Parameter values are a String, a Boolean, or a List of Strings; {@code locations} gives
 * where each value (each element, for lists) is written.
 */
public record PlanStep(String cmdlet, String action, String app, String assignment, Map<String, Object> parameters,
                       Map<String, List<Location>> locations, Location location) {
}
