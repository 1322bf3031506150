package dev.preflight.policy;

import dev.preflight.engine.Finding;
import dev.preflight.engine.Severity;
import dev.preflight.report.Report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a team decided about the findings: rule overrides from the config, waivers, and the baseline of a
 * previous run. Applied to a report after the rules ran; every override and waiver shows in the report.
 */
public record Policy(Config config, List<Waiver> waivers, Baseline baseline, boolean failOnNewOnly, LocalDate today) {

    public static Policy none(LocalDate today) {
        return new Policy(Config.NONE, List.of(), null, false, today);
    }

    public Report apply(Report r) {
        List<String> overrides = new ArrayList<>();
        for (Map.Entry<String, Config.RuleSetting> e : new java.util.TreeMap<>(config.rules()).entrySet()) {
            Config.RuleSetting s = e.getValue();
            String from = config.file() == null ? "" : " (" + config.file() + ")";
            if (Boolean.FALSE.equals(s.enabled())) overrides.add(e.getKey() + " disabled" + from);
            if (s.severity() != null) overrides.add(e.getKey() + " severity set to " + s.severity().label() + from);
            if (s.threshold() != null) overrides.add(e.getKey() + " threshold set to " + s.threshold() + from);
        }
        List<String> notes = new ArrayList<>(r.notes());
        Set<Waiver> used = new HashSet<>();
        Set<String> currentKeys = new LinkedHashSet<>();
        List<Report.Entry> entries = new ArrayList<>();
        for (Report.Entry e : r.entries()) {
            Finding f = e.finding();
            Config.RuleSetting s = config.rules().get(f.ruleId());
            if (s != null && Boolean.FALSE.equals(s.enabled())) continue;
            Severity severity = s != null && s.severity() != null ? s.severity() : e.severity();
            Report.Waiver waiver = null;
            for (Waiver w : waivers) {
                if (!w.matches(f)) continue;
                used.add(w);
                if (w.expired(today)) continue;
                waiver = new Report.Waiver(w.rule(), w.subject(), w.justification(), w.owner(),
                        w.expires() == null ? null : w.expires().toString(), w.location().toString());
                break;
            }
            Report.BaselineStatus status = null;
            if (baseline != null) {
                status = baseline.findings().containsKey(f.key()) ? Report.BaselineStatus.UNCHANGED : Report.BaselineStatus.NEW;
            }
            currentKeys.add(f.key());
            entries.add(new Report.Entry(f, e.rule(), severity, waiver, status));
        }
        for (Waiver w : waivers) {
            if (w.expired(today)) {
                notes.add("waiver " + w.location() + " for " + w.rule() + " '" + w.subject() + "' expired on " + w.expires()
                        + (used.contains(w) ? " and no longer waives" : ""));
            } else if (!used.contains(w)) {
                notes.add("waiver " + w.location() + " for " + w.rule() + " '" + w.subject() + "' matches no finding");
            }
        }
        List<Report.Fixed> fixed = new ArrayList<>();
        if (baseline != null) {
            for (Report.Fixed b : baseline.findings().values()) if (!currentKeys.contains(b.key())) fixed.add(b);
        }
        entries.sort(java.util.Comparator.comparingInt((Report.Entry e) -> e.severity().ordinal()));
        return new Report(r.toolName(), r.toolVersion(), r.tenantName(), r.files(), r.snapshotSha256(), List.copyOf(entries),
                r.catalog(), r.deployments(), r.failOn(), failOnNewOnly, List.copyOf(fixed), baseline != null,
                List.copyOf(notes), List.copyOf(overrides), r.timingsNanos(), r.timestamp());
    }
}
