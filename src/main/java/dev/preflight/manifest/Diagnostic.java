package dev.preflight.manifest;

import dev.preflight.model.Location;

/**
 * One thing found in a manifest: an error (the manifest is wrong: exit 2), a warning (likely wrong, or refused by
 * centralized deployment) or a note (not checked, and why).
 *
 * @param check a short stable name of what found it: {@code xml}, {@code schema}, {@code not-checked}, {@code resid},
 *              {@code version}, {@code https}, {@code placeholder}, {@code guid}, {@code host}, {@code duplicate-id}
 */
public record Diagnostic(Severity severity, String check, Location at, String message) implements Comparable<Diagnostic> {

    public enum Severity {
        ERROR, WARNING, NOTE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return at + ": " + severity.label() + ": " + message;
    }

    @Override
    public int compareTo(Diagnostic o) {
        int c = at.compareTo(o.at);
        if (c != 0) return c;
        c = severity.compareTo(o.severity);
        return c != 0 ? c : message.compareTo(o.message);
    }
}
