package dev.preflight.report;

import dev.preflight.engine.Finding;
import dev.preflight.engine.Findings;
import dev.preflight.model.Gap;

import java.util.ArrayList;
import java.util.List;

/**
 * Names the reason in a DATA-004 whose fact an imported snapshot records as absent (section {@code gaps}): the
 * finding then says which call failed, e.g. "absent because GET .../users returned 403 Authorization_RequestDenied".
 */
public final class GapReasons {
    private static final String MISSING = "missing: ";

    private GapReasons() {
    }

    public static Finding explain(Finding f, List<Gap> gaps) {
        if (gaps.isEmpty() || !Findings.MISSING_DATA.equals(f.ruleId())) return f;
        String fact = null;
        for (String e : f.evidence()) {
            if (e.startsWith(MISSING)) {
                fact = e.substring(MISSING.length());
                break;
            }
        }
        if (fact == null) return f;
        Gap best = null;
        for (Gap g : gaps) {
            if (!g.explains(fact, f.subjectId())) continue;
            if (best == null || (best.subject() == null && g.subject() != null)) best = g;
        }
        if (best == null) return f;
        List<String> evidence = new ArrayList<>(f.evidence());
        evidence.add("absent because " + best.reason());
        return new Finding(f.ruleId(), f.about(), f.subjectKind(), f.subjectId(), f.subjectName(), f.context(),
                f.message() + " (absent because " + best.reason() + ")", List.copyOf(evidence), f.location());
    }
}
