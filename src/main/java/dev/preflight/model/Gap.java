package dev.preflight.model;

/**
 * Why a fact is absent from an imported snapshot (section {@code gaps}): {@code fact} is a snapshot path as the
 * DATA-004 findings name it ({@code users[].mailbox}, {@code admins}, ...), {@code subject} the id of the one entity
 * it concerns (null: every entity), {@code reason} e.g. "GET .../users returned 403 Authorization_RequestDenied".
 */
public record Gap(String fact, String subject, String reason, Location location) {

    /** Whether a DATA-004 about {@code missingFact} for {@code subjectId} is explained by this gap. */
    public boolean explains(String missingFact, String subjectId) {
        if (missingFact == null || !missingFact.startsWith(fact)) return false;
        if (missingFact.length() > fact.length()) {
            char next = missingFact.charAt(fact.length());
            if (Character.isLetterOrDigit(next)) return false;
        }
        return subject == null || subject.equals(subjectId);
    }
}
