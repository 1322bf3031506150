package dev.preflight;

import dev.preflight.engine.RuleBase;
import dev.preflight.engine.RuleBaseException;

import java.util.List;

/** Shared, expensive test fixtures: the bundled rule base is compiled once per test JVM. */
public final class TestSupport {
    private static RuleBase bundled;

    private TestSupport() {
    }

    public static synchronized RuleBase bundledRules() {
        if (bundled == null) {
            try {
                bundled = RuleBase.build(List.of());
            } catch (RuleBaseException e) {
                throw new AssertionError("bundled rules do not compile:\n" + e.getMessage(), e);
            }
        }
        return bundled;
    }
}
