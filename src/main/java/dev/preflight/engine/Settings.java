package dev.preflight.engine;

import java.util.Map;

/** Settings rules may read (a fact in every session), e.g. GRP-005's threshold from the config file. */
public record Settings(Map<String, Integer> thresholds) {
    public static final Settings DEFAULTS = new Settings(Map.of());

    /** The threshold configured for {@code ruleId}, or {@code fallback}. */
    public int threshold(String ruleId, int fallback) {
        Integer t = thresholds.get(ruleId);
        return t == null ? fallback : t;
    }
}
