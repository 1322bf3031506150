package dev.preflight.plan;

import java.util.List;

/** A deployment plan as read: its file, the planned steps in order, the parts not understood, and who runs it. */
public record Plan(String file, List<PlanStep> steps, List<PlanGap> gaps, String as) {
}
