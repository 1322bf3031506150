package dev.preflight.policy;

import dev.preflight.engine.Finding;
import dev.preflight.model.Location;

import java.time.LocalDate;

/**
 * A reviewed exception: findings of {@code rule} whose subject matches {@code subject} (an exact id, or a glob
 * with {@code *} and {@code ?}; with a {@code /} it matches {@code kind/id}) are waived until {@code expires}.
 */
public record Waiver(String rule, String subject, String justification, String owner, LocalDate expires,
                     Location location, Location ruleLocation) {

    public boolean matches(Finding f) {
        if (!rule.equals(f.ruleId()) && !("DATA-004".equals(f.ruleId()) && rule.equals(f.about()))) return false;
        String target = subject.contains("/") ? f.subjectKind() + "/" + f.subjectId() : f.subjectId();
        if (!subject.contains("*") && !subject.contains("?")) return subject.equals(target);
        return glob(subject, target, new long[1]);
    }

    public boolean expired(LocalDate today) {
        return expires != null && expires.isBefore(today);
    }

    /**
     * Whether {@code text} matches {@code glob} ({@code *} any run, {@code ?} one character), in time linear in the
     * text for a given glob: the parts between stars are placed leftmost in turn (which is always right for these
     * globs), with no backtracking. {@code steps[0]} counts the characters compared.
     */
    static boolean glob(String glob, String text, long[] steps) {
        String[] parts = glob.split("\\*", -1);
        if (parts.length == 1) return glob.length() == text.length() && partAt(glob, text, 0, steps);
        String first = parts[0];
        String last = parts[parts.length - 1];
        int end = text.length() - last.length();
        if (end < first.length() || !partAt(first, text, 0, steps) || !partAt(last, text, end, steps)) return false;
        int pos = first.length();
        for (int i = 1; i < parts.length - 1; i++) {
            String part = parts[i];
            int at = pos;
            while (at + part.length() <= end && !partAt(part, text, at, steps)) at++;
            if (at + part.length() > end) return false;
            pos = at + part.length();
        }
        return true;
    }

    private static boolean partAt(String part, String text, int at, long[] steps) {
        for (int i = 0; i < part.length(); i++) {
            steps[0]++;
            char c = part.charAt(i);
            if (c != '?' && c != text.charAt(at + i)) return false;
        }
        return true;
    }
}
