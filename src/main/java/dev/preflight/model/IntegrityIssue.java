package dev.preflight.model;

import java.util.List;

/**
 * A problem in the snapshot's own consistency found while reading it: a dangling reference (DATA-001) or a
 * duplicate id (DATA-002). The check goes on; rules turn these into findings.
 */
public record IntegrityIssue(String ruleId, String subjectKind, String subjectId, String message,
                             List<String> evidence, Location location) implements Entity {
    @Override public String kind() { return subjectKind; }
    @Override public String id() { return subjectId; }
    @Override public String name() { return subjectId; }
}
