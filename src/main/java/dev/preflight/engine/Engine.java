package dev.preflight.engine;

import dev.preflight.assign.AssignedUser;
import dev.preflight.assign.Assignments;
import dev.preflight.assign.GroupCycle;
import dev.preflight.model.Snapshot;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.QueryResults;
import org.kie.api.runtime.rule.QueryResultsRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs the rule base over one snapshot: one session, facts in, rules fired, findings read back by query. */
public final class Engine {
    private final RuleBase rules;

    private java.time.Duration timeout = RuleWatchdog.DEFAULT_TIMEOUT;

    public Engine(RuleBase rules) {
        this.rules = rules;
    }

    /** How long one run may fire rules before the watchdog stops it ({@link RuleTimeout}); zero: no limit. */
    public Engine timeout(java.time.Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** What a run produced: findings (deduplicated and sorted), the assignment it judged, phase timings. */
    public record Result(List<Finding> findings, Assignments assignments, Map<String, Long> timingsNanos, long facts) {
    }

    public Result run(Snapshot snapshot) {
        return run(snapshot, Settings.DEFAULTS);
    }

    public Result run(Snapshot snapshot, Settings settings) {
        Map<String, Long> timings = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        Assignments assignments = new Assignments(snapshot);
        long t1 = System.nanoTime();
        timings.put("classify", t1 - t0);
        KieSession session = rules.kieBase().newKieSession();
        boolean abandoned = false;
        try {
            long[] count = {0};
            Consumer<Object> insert = o -> {
                session.insert(o);
                count[0]++;
            };
            insert.accept(settings);
            facts(snapshot, assignments, insert);
            long t2 = System.nanoTime();
            timings.put("insert", t2 - t1);
            RuleWatchdog.fire(session, timeout, rules);
            long t3 = System.nanoTime();
            timings.put("fire", t3 - t2);
            QueryResults results = session.getQueryResults(RuleBase.FINDINGS_QUERY);
            List<Finding> findings = new ArrayList<>(results.size());
            for (QueryResultsRow row : results) findings.add((Finding) row.get("$finding"));
            List<Finding> sorted = sortAndDedupe(Unknowns.apply(findings, snapshot, assignments, rules.catalog()), rules.catalog());
            timings.put("query", System.nanoTime() - t3);
            return new Result(sorted, assignments, timings, count[0]);
        } catch (RuleTimeout t) {
            if (t.stillRunning()) abandoned = true; // disposing would wait for the consequence that does not return
            throw t;
        } finally {
            if (!abandoned) session.dispose();
        }
    }

    /** Every fact the rules see: the snapshot's entities and the derived assignment facts. */
    static void facts(Snapshot s, Assignments a, Consumer<Object> insert) {
        insert.accept(s.tenant());
        s.skus().forEach(insert);
        // Office clients are not facts of their own: rules reach them through their user (from $u.clients).
        s.users().forEach(insert);
        s.groups().forEach(insert);
        s.admins().forEach(insert);
        s.apps().forEach(insert);
        s.offers().forEach(insert);
        s.deployments().forEach(insert);
        s.operations().forEach(insert);
        s.consentGrants().forEach(insert);
        if (s.dynamics() != null) insert.accept(s.dynamics());
        s.securityRoles().forEach(insert);
        s.teams().forEach(insert);
        s.dynamicsUsers().forEach(insert);
        s.integrityIssues().forEach(insert);
        if (s.takenAt() != null) insert.accept(new SnapshotTime(s.takenAt()));
        for (String list : s.absentLists()) insert.accept(new dev.preflight.model.AbsentSection(list));
        a.audiences().values().forEach(insert);
        for (AssignedUser au : a.assignedUsers()) {
            insert.accept(au);
            dev.preflight.version.OfficeMinimums.verdicts(au).forEach(insert);
        }
        a.nestedOnly().forEach(insert);
        a.graph().groupParents().forEach(insert);
        for (GroupCycle c : a.graph().cycles()) insert.accept(c);
        a.missing().forEach(insert);
        dev.preflight.apps.MemberAddresses.of(s).forEach(insert);
        dev.preflight.dynamics.AppForOutlook.checks(s).forEach(insert);
        dev.preflight.dynamics.LinkedUser.of(s, a::user).forEach(insert);
    }

    /** Findings in a stable order, duplicates (same rule, subject, context, message, evidence) removed. */
    static List<Finding> sortAndDedupe(List<Finding> findings, Map<String, RuleMeta> catalog) {
        Comparator<Finding> order = Comparator
                .comparingInt((Finding f) -> severityRank(f, catalog))
                .thenComparing(Finding::ruleId)
                .thenComparing(f -> f.location().file())
                .thenComparingInt(f -> f.location().line())
                .thenComparingInt(f -> f.location().column())
                .thenComparing(Finding::subjectId)
                .thenComparing(f -> f.context() == null ? "" : f.context())
                .thenComparing(f -> f.about() == null ? "" : f.about())
                .thenComparing(Finding::message)
                .thenComparing(f -> String.join("\n", f.evidence()));
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(order);
        List<Finding> out = new ArrayList<>(sorted.size());
        for (Finding f : sorted) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals(f)) out.add(f);
        }
        return out;
    }

    private static int severityRank(Finding f, Map<String, RuleMeta> catalog) {
        RuleMeta m = catalog.get(f.ruleId());
        return m == null || m.severity() == null ? 9 : m.severity().ordinal();
    }
}
