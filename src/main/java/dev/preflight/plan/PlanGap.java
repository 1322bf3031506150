package dev.preflight.plan;

import dev.preflight.model.Location;

/** A part of a plan that is not understood, and therefore not checked (PLAN-001): where, what, and why. */
public record PlanGap(Location location, String text, String reason) {
}
