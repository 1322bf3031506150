package dev.preflight.fleet;

import dev.preflight.engine.Severity;
import dev.preflight.report.Report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One line per tenant of a fleet: counts by severity, could-not-verify, failing, the rules that fired most. */
public record FleetSummary(List<Tenant> tenants) {

    /** A tenant's row; {@code error} is set (and counts are zero) when its snapshot could not be read. */
    public record Tenant(String name, String source, Map<String, Integer> counts, int couldNotVerify, int failing,
                         List<String> topRules, String error) {
    }

    public static Tenant row(String source, Report r) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        r.counts().forEach((s, n) -> counts.put(s.label(), n));
        Map<String, Integer> byRule = new TreeMap<>();
        for (Report.Entry e : r.live()) byRule.merge(e.finding().ruleId(), 1, Integer::sum);
        return new Tenant(r.tenantName() == null ? source : r.tenantName(), source, counts, r.couldNotVerify(), r.failing(),
                top(byRule), null);
    }

    public static Tenant broken(String source, String error) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Severity s : Severity.values()) counts.put(s.label(), 0);
        return new Tenant(source, source, counts, 0, 0, List.of(), error);
    }

    /** The three rules with the most findings, as "GRP-001 x2". */
    public static List<String> top(Map<String, Integer> byRule) {
        List<Map.Entry<String, Integer>> es = new ArrayList<>(byRule.entrySet());
        es.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return es.stream().limit(3).map(e -> e.getKey() + " x" + e.getValue()).toList();
    }

    /** Sorted by source, so the same fleet gives the same bytes whatever the order of completion. */
    public static FleetSummary of(List<Tenant> rows) {
        List<Tenant> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(Tenant::source));
        return new FleetSummary(List.copyOf(sorted));
    }

    public int total(String severity) {
        return tenants.stream().mapToInt(t -> t.counts().getOrDefault(severity, 0)).sum();
    }

    public long broken() {
        return tenants.stream().filter(t -> t.error() != null).count();
    }
}
