package dev.preflight.engine;

import dev.preflight.model.Location;

import java.util.List;

/**
 * One finding: which rule, about what subject (and in which context, e.g. the deployment), what was found, the
 * facts that made it fire, and where the subject is written. For DATA-004, {@code about} names the rule that could
 * not decide. {@code fix}, when set, is this finding's own remediation (e.g. the complete form of the cmdlet it is
 * about) in place of the rule's.
 */
public record Finding(String ruleId, String about, String subjectKind, String subjectId, String subjectName,
                      String context, String message, List<String> evidence, Location location, String fix) {

    /** A finding whose fix is the rule's remediation. */
    public Finding(String ruleId, String about, String subjectKind, String subjectId, String subjectName,
                   String context, String message, List<String> evidence, Location location) {
        this(ruleId, about, subjectKind, subjectId, subjectName, context, message, evidence, location, null);
    }

    /** The same finding with its own fix. */
    public Finding withFix(String remediation) {
        return new Finding(ruleId, about, subjectKind, subjectId, subjectName, context, message, evidence, location, remediation);
    }

    /** Identity across runs: rule, subject and context, never the message text. */
    /** The same finding located at {@code where} (e.g. the line of one entry of the subject's list). */
    public Finding at(Location where) {
        return new Finding(ruleId, about, subjectKind, subjectId, subjectName, context, message, evidence, where);
    }

    public String key() {
        return ruleId + "|" + subjectKind + "|" + subjectId + "|" + (context == null ? "" : context)
                + "|" + (about == null ? "" : about);
    }
}
