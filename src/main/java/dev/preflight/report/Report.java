package dev.preflight.report;

import dev.preflight.assign.Audience;
import dev.preflight.engine.Finding;
import dev.preflight.engine.RuleMeta;
import dev.preflight.engine.Severity;
import dev.preflight.model.SnapshotFile;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a renderer needs: the tool, the snapshot checked, findings with their rule metadata, the effective
 * assignment per deployment, and (when asked) phase timings. Holds no wall-clock time unless asked, so the same
 * snapshot gives the same bytes.
 */
public record Report(String toolName, String toolVersion, String tenantName, List<SnapshotFile> files,
                     String snapshotSha256, List<Entry> entries, Map<String, RuleMeta> catalog,
                     List<DeploymentView> deployments, Severity failOn, Map<String, Long> timingsNanos) {

    /** A finding with its catalog entry and the severity it is reported at. */
    public record Entry(Finding finding, RuleMeta rule, Severity severity) {
    }

    /** One deployment's effective audience, with names for people. */
    public record DeploymentView(String id, String appId, String appName, Audience audience) {
    }

    public Map<Severity, Integer> counts() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) counts.put(s, 0);
        for (Entry e : entries) counts.merge(e.severity(), 1, Integer::sum);
        return counts;
    }

    /** Findings that say a rule could not decide (DATA-004). */
    public int couldNotVerify() {
        return (int) entries.stream().filter(e -> "DATA-004".equals(e.finding().ruleId())).count();
    }

    /** Findings at or above the fail-on threshold (none when failOn is null). */
    public int failing() {
        if (failOn == null) return 0;
        return (int) entries.stream().filter(e -> e.severity().atLeast(failOn)).count();
    }
}
