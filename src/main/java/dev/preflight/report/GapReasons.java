package dev.preflight.report;

import dev.preflight.engine.Finding;
import dev.preflight.engine.Findings;
import dev.preflight.model.Gap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names the reason in a DATA-004 whose fact an imported snapshot records as absent (section {@code gaps}): the
 * finding then says which call failed, e.g. "absent because GET .../users returned 403 Authorization_RequestDenied".
 * The gaps are indexed by subject once per report, so a failed import with a gap per group costs no scan of every
 * gap per finding.
 */
public final class GapReasons {
    private static final String MISSING = "missing: ";

    private final Map<String, List<Gap>> bySubject = new HashMap<>();
    private final List<Gap> everyEntity = new ArrayList<>();

    public GapReasons(List<Gap> gaps) {
        for (Gap g : gaps) {
            if (g.subject() == null) everyEntity.add(g);
            else bySubject.computeIfAbsent(g.subject(), k -> new ArrayList<>()).add(g);
        }
    }

    /** {@code f} with the reason of the gap that explains it: one about its subject first, else one about every entity. */
    public Finding explain(Finding f) {
        if ((bySubject.isEmpty() && everyEntity.isEmpty()) || !Findings.MISSING_DATA.equals(f.ruleId())) return f;
        String fact = null;
        for (String e : f.evidence()) {
            if (e.startsWith(MISSING)) {
                fact = e.substring(MISSING.length());
                break;
            }
        }
        if (fact == null) return f;
        Gap best = first(bySubject.getOrDefault(f.subjectId(), List.of()), fact, f.subjectId());
        if (best == null) best = first(everyEntity, fact, f.subjectId());
        if (best == null) return f;
        List<String> evidence = new ArrayList<>(f.evidence());
        evidence.add("absent because " + best.reason());
        return new Finding(f.ruleId(), f.about(), f.subjectKind(), f.subjectId(), f.subjectName(), f.context(),
                f.message() + " (absent because " + best.reason() + ")", List.copyOf(evidence), f.location());
    }

    private static Gap first(List<Gap> gaps, String fact, String subjectId) {
        for (Gap g : gaps) if (g.explains(fact, subjectId)) return g;
        return null;
    }
}
