package dev.preflight.rules;

import dev.preflight.engine.Finding;
import dev.preflight.snapshot.YNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One fixture file: a rule id and named cases, each a small snapshot and the exact findings of that rule (and of
 * DATA-004 about that rule) it must produce. A case with {@code expect: []} is a near miss. The bundled rules'
 * fixtures ({@code src/test/resources/rules/}) and a user's ({@code preflight verify DIR}) are the same format.
 */
public record RuleFixture(String rule, String file, List<Case> cases) {

    /**
     * {@code plan}, when given: {@code {file, as, text}}, a deployment plan checked against the snapshot (applied by
     * {@link FixtureRunner#planned}). {@code mutationExempt}: keys (as {@code operations[].parameters.Locale}, list
     * indexes left out) whose removal is itself the fix for this case, each with the reason (the project's mutation
     * test does not require the finding to survive their removal).
     */
    public record Case(String name, YNode snapshot, List<Expected> expect, int line, YNode plan,
                       Map<String, String> mutationExempt) {
        public boolean fires() {
            return expect.stream().anyMatch(e -> e.ruleId().equals(ruleOf(this)));
        }

        private static String ruleOf(Case c) {
            return c.expect.isEmpty() ? "" : c.expect.get(0).fixtureRule();
        }
    }

    /**
     * An expected finding: rule, subject id, optional context, and optionally its exact evidence, a message part, or
     * the line and column of the fixture file it is located at.
     */
    public record Expected(String fixtureRule, String ruleId, String subject, String context, List<String> evidence,
                    String messageContains, Integer line, Integer column) {
        public boolean matches(Finding f) {
            return ruleId.equals(f.ruleId()) && subject.equals(f.subjectId())
                    && (context == null || context.equals(f.context()))
                    && (evidence == null || evidence.equals(f.evidence()))
                    && (messageContains == null || f.message().contains(messageContains))
                    && (line == null || line == f.location().line())
                    && (column == null || column == f.location().column());
        }

        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            parts.add(ruleId + " " + subject);
            if (context != null) parts.add("context=" + context);
            if (evidence != null) parts.add("evidence=" + evidence);
            if (messageContains != null) parts.add("message~" + messageContains);
            if (line != null) parts.add("at " + line + (column == null ? "" : ":" + column));
            return String.join(" ", parts);
        }
    }

    /** Whether some case fires the rule, and some case is a near miss ({@code expect: []}). */
    public boolean hasFiringCase() {
        return cases.stream().anyMatch(c -> c.expect().stream().anyMatch(e -> e.ruleId().equals(rule)));
    }

    public boolean hasNearMiss() {
        return cases.stream().anyMatch(c -> c.expect().isEmpty());
    }

    /** The findings a case is judged on: those of the fixture's rule and DATA-004 findings about it. */
    public static List<Finding> relevant(String rule, List<Finding> findings) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (f.ruleId().equals(rule) || ("DATA-004".equals(f.ruleId()) && Objects.equals(rule, f.about()))) out.add(f);
        }
        return out;
    }
}
