package dev.preflight.assign;

import dev.preflight.model.Entity;

/** A fact a rule needs that the snapshot lacks for one subject, found while classifying (reported as DATA-004). */
public record MissingFact(Entity subject, String ruleId, String fact, String context) {
}
