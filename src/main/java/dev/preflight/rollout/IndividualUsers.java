package dev.preflight.rollout;

import dev.preflight.engine.Settings;

/**
 * GRP-005: how many individual user targets one deployment may have before the check recommends a group. The
 * default is a product choice, not from the source; {@code .preflight.yaml} overrides it
 * ({@code rules: { GRP-005: { threshold: N } }}).
 */
public final class IndividualUsers {
    public static final String RULE = "GRP-005";
    public static final int DEFAULT_THRESHOLD = 10;

    private IndividualUsers() {
    }

    /** The threshold in force: the configured one, else {@link #DEFAULT_THRESHOLD}. */
    public static int threshold(Settings settings) {
        return settings.threshold(RULE, DEFAULT_THRESHOLD);
    }
}
