package dev.preflight.engine;

import dev.preflight.model.Location;

import java.util.List;

/**
 * One finding: which rule, about what subject (and in which context, e.g. the deployment), what was found, the
 * facts that made it fire, and where the subject is written. For DATA-004, {@code about} names the rule that could
 * not decide.
 */
public record Finding(String ruleId, String about, String subjectKind, String subjectId, String subjectName,
                      String context, String message, List<String> evidence, Location location) {

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
