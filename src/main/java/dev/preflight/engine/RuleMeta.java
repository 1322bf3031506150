package dev.preflight.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A catalog entry, read from the annotations of the rule that defines it: {@code @id @severity @title @rationale
 * @remediation @source} (and optional {@code @since}). Other rules may carry the same {@code @id} without
 * {@code @title}: they implement the same check for another case. {@code @needs} lists the facts the rule reads whose
 * absence {@link Unknowns} reports as DATA-004 for it.
 */
public record RuleMeta(String id, Severity severity, String title, String rationale, String remediation,
                       String source, String since, String helpUri, String ruleName, String file, List<String> needs) {

    public static final String[] REQUIRED = {"id", "severity", "title", "rationale", "remediation", "source"};

    /** The area of the id: TEN, ADM, ... */
    public String area() {
        return areaOf(id);
    }

    /** The area of a rule id: the part before the dash (GRP of GRP-001). */
    public static String areaOf(String ruleId) {
        int dash = ruleId.indexOf('-');
        return dash > 0 ? ruleId.substring(0, dash) : ruleId;
    }

    static RuleMeta from(Map<String, Object> meta, String ruleName, String file) {
        return new RuleMeta(get(meta, "id"), Severity.parse(get(meta, "severity")), get(meta, "title"),
                get(meta, "rationale"), get(meta, "remediation"), get(meta, "source"), get(meta, "since"), get(meta, "helpUri"), ruleName, file,
                needs(get(meta, "needs")));
    }

    /** {@code @needs("apps[].kind, users")}: the facts the rule's verdict rests on, as the snapshot format names them. */
    static List<String> needs(String value) {
        if (value == null || value.isBlank()) return List.of();
        return Arrays.stream(value.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    static String get(Map<String, Object> meta, String key) {
        Object v = meta.get(key);
        return v == null ? null : unquote(v.toString());
    }

    /** Annotation values can come back with their quotes kept; strip them in this one place. */
    public static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) t = t.substring(1, t.length() - 1);
        return t.replace("\\\"", "\"");
    }
}
