package dev.preflight.policy;

import dev.preflight.engine.Finding;
import dev.preflight.model.Location;

import java.time.LocalDate;
import java.util.regex.Pattern;

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
        return glob(subject).matcher(target).matches();
    }

    public boolean expired(LocalDate today) {
        return expires != null && expires.isBefore(today);
    }

    static Pattern glob(String glob) {
        StringBuilder b = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') b.append(".*");
            else if (c == '?') b.append('.');
            else b.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(b.toString());
    }
}
