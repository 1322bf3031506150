package dev.preflight.engine;

import java.util.Locale;

/** How bad a finding is: error (the rollout will not work), warning (partly fails or risky), info. */
public enum Severity {
    ERROR, WARNING, INFO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Null for an unknown word. */
    public static Severity parse(String s) {
        if (s == null) return null;
        for (Severity v : values()) if (v.label().equals(s.strip().toLowerCase(Locale.ROOT))) return v;
        return null;
    }

    /** True when this is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
