package dev.preflight.engine;

import dev.preflight.assign.MissingFact;
import dev.preflight.model.Entity;
import dev.preflight.model.Location;
import org.kie.api.runtime.rule.RuleContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How rules report. A rule's consequence calls {@code insert(Findings.of(kcontext, subject, message, evidence...))};
 * the rule id comes from the firing rule's {@code @id}, so it is written once, on the rule.
 */
public final class Findings {
    public static final String MISSING_DATA = "DATA-004";

    private Findings() {
    }

    public static Finding of(RuleContext drools, Entity subject, String message, Object... evidence) {
        return in(drools, subject, null, message, evidence);
    }

    /** A finding about {@code subject} within {@code context} (e.g. a deployment id). */
    public static Finding in(RuleContext drools, Entity subject, String context, String message, Object... evidence) {
        return new Finding(ruleId(drools), null, subject.kind(), String.valueOf(subject.id()), String.valueOf(subject.name()), context, message,
                evidence(evidence), subject.location());
    }

    /** A finding about {@code subject} placed at {@code at} (e.g. the manifest line a fact was read from). */
    public static Finding at(RuleContext drools, Entity subject, Location at, String message, Object... evidence) {
        return new Finding(ruleId(drools), null, subject.kind(), String.valueOf(subject.id()), String.valueOf(subject.name()), null, message,
                evidence(evidence), at);
    }

    /** DATA-004: the firing rule could not decide for {@code subject} because {@code fact} is absent. */
    public static Finding unknown(RuleContext drools, Entity subject, String fact) {
        return unknown(drools, subject, null, fact);
    }

    public static Finding unknown(RuleContext drools, Entity subject, String context, String fact) {
        return unknownFor(ruleId(drools), subject, context, fact);
    }

    /** DATA-004 about {@code rule}, for a rule that answers for several ids (e.g. a whole section is absent). */
    public static Finding unknownFor(String rule, Entity subject, String context, String fact) {
        return new Finding(MISSING_DATA, rule, subject.kind(), subject.id(), subject.name(), context,
                rule + " could not be decided for " + subject.kind() + " '" + subject.name() + "'"
                        + (context == null ? "" : " (" + context + ")") + ": the snapshot does not give " + fact,
                List.of("missing: " + fact), subject.location());
    }

    /** DATA-004 for a gap found while classifying (see {@link MissingFact}). */
    public static Finding missing(MissingFact m) {
        Entity s = m.subject();
        return new Finding(MISSING_DATA, m.ruleId(), s.kind(), s.id(), s.name(), m.context(),
                m.ruleId() + " could not be decided for " + s.kind() + " '" + s.name()
                        + "': the snapshot does not give " + m.fact(),
                List.of("missing: " + m.fact()), s.location());
    }

    /** A collected list in a stable order (accumulate gives no order), for messages and evidence. */
    public static List<String> sorted(Collection<?> values) {
        return values.stream().map(String::valueOf).sorted().toList();
    }

    /** The {@code @id} of the firing rule. */
    public static String ruleId(RuleContext drools) {
        Object id = drools.getRule().getMetaData().get("id");
        if (id == null) {
            throw new IllegalStateException("rule '" + drools.getRule().getName() + "' reports a finding but has no @id");
        }
        return RuleMeta.unquote(id.toString());
    }

    private static List<String> evidence(Object[] evidence) {
        List<String> out = new ArrayList<>();
        for (Object e : evidence) {
            if (e instanceof Collection<?> c) {
                for (Object o : c) out.add(String.valueOf(o));
            } else if (e != null) {
                out.add(String.valueOf(e));
            }
        }
        return List.copyOf(out);
    }
}
