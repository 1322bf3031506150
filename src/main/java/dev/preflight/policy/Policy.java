package dev.preflight.policy;

import dev.preflight.engine.Finding;
import dev.preflight.engine.Severity;
import dev.preflight.model.Location;
import dev.preflight.report.Report;
import dev.preflight.snapshot.DidYouMean;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.Problem;

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

    /**
     * Every rule id the config and the waivers name must be one a loaded rule declares (bundled or --rules):
     * otherwise {@code file:line:col: unknown rule 'X' (did you mean 'Y'?)}.
     */
    public void check(Set<String> ruleIds) throws InputException {
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, Config.RuleSetting> e : new java.util.TreeMap<>(config.rules()).entrySet()) {
            if (!ruleIds.contains(e.getKey())) problems.add(unknown("rules: ", e.getKey(), e.getValue().location(), ruleIds));
        }
        for (Waiver w : waivers) {
            if (w.rule() != null && !ruleIds.contains(w.rule())) problems.add(unknown("waiver: ", w.rule(), w.ruleLocation(), ruleIds));
        }
        if (!problems.isEmpty()) throw new InputException(problems);
    }

    private static Problem unknown(String where, String id, Location at, Set<String> ruleIds) {
        String hint = DidYouMean.suggest(id, ruleIds);
        return new Problem(at, where + "unknown rule '" + id + "'" + (hint != null ? " (did you mean '" + hint + "'?)" : "")
                + "; no loaded rule declares it (see 'preflight rules')");
    }

    public Report apply(Report r) {
        Map<String, Integer> hidden = new java.util.TreeMap<>();
        config.rules().keySet().stream().filter(this::disabled).forEach(id -> hidden.put(id, 0));
        Map<String, Integer> unverified = new java.util.TreeMap<>();
        for (Report.Entry e : r.entries()) {
            String off = disabledBy(e.finding());
            if (off != null) hidden.merge(off, 1, Integer::sum);
            if (Report.COULD_NOT_VERIFY.equals(off) && e.finding().about() != null) unverified.merge(e.finding().about(), 1, Integer::sum);
        }
        List<Report.Override> overrides = new ArrayList<>();
        String file = config.file();
        if (config.failOnGiven()) {
            String level = config.failOn() == null ? "none" : config.failOn().label();
            String at = String.valueOf(config.failOnAt());
            overrides.add(new Report.Override(null, "failOn", level, at, config.failOn() == r.failOn()
                    ? "failOn set to " + level + " (" + at + ")" : "failOn " + level + " (" + at + ") not used: --fail-on is given"));
        }
        for (Map.Entry<String, Config.RuleSetting> e : new java.util.TreeMap<>(config.rules()).entrySet()) {
            Config.RuleSetting s = e.getValue();
            String at = s.location() == null ? file : s.location().toString();
            String id = e.getKey();
            if (s.enabled() != null) {
                int n = hidden.getOrDefault(id, 0);
                overrides.add(new Report.Override(id, "enabled", String.valueOf(s.enabled()), at, s.enabled()
                        ? id + " enabled (" + at + ")"
                        : id + " disabled (" + at + "): " + n + " finding" + (n == 1 ? "" : "s") + " hidden"));
            }
            if (s.severity() != null) {
                overrides.add(new Report.Override(id, "severity", s.severity().label(), at, id + " severity set to " + s.severity().label() + " (" + at + ")"));
            }
            if (s.threshold() != null) {
                overrides.add(new Report.Override(id, "threshold", String.valueOf(s.threshold()), at, id + " threshold set to " + s.threshold() + " (" + at + ")"));
            }
        }
        List<String> notes = new ArrayList<>(r.notes());
        Set<Waiver> used = new HashSet<>();
        Set<String> currentKeys = new LinkedHashSet<>();
        List<Report.Entry> entries = new ArrayList<>();
        for (Report.Entry e : r.entries()) {
            Finding f = e.finding();
            if (disabledBy(f) != null) continue;
            Config.RuleSetting s = config.rules().get(f.ruleId());
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
            for (Report.Fixed b : baseline.findings().values()) {
                if (!currentKeys.contains(b.key()) && !disabled(b.ruleId())) fixed.add(b);
            }
        }
        entries.sort(java.util.Comparator.comparingInt((Report.Entry e) -> e.severity().ordinal()));
        return new Report(r.toolName(), r.toolVersion(), r.tenantName(), r.files(), r.snapshotSha256(), List.copyOf(entries),
                r.catalog(), r.deployments(), r.failOn(), failOnNewOnly, List.copyOf(fixed), baseline != null,
                List.copyOf(notes), List.copyOf(overrides), r.timingsNanos(), r.timestamp(), file,
                config.fromWorkingFolder(), java.util.Collections.unmodifiableMap(hidden), r.outputs(),
                java.util.Collections.unmodifiableMap(unverified));
    }

    /**
     * The disabled rule that hides a finding, or null: its own rule, or for DATA-004 the rule that could not
     * decide (a disabled rule's "could not verify" is hidden with it).
     */
    private String disabledBy(Finding f) {
        if (disabled(f.ruleId())) return f.ruleId();
        if (f.about() != null && disabled(f.about())) return f.about();
        return null;
    }

    private boolean disabled(String ruleId) {
        Config.RuleSetting s = config.rules().get(ruleId);
        return s != null && Boolean.FALSE.equals(s.enabled());
    }
}
