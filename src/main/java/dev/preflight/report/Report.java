package dev.preflight.report;

import dev.preflight.assign.Audience;
import dev.preflight.engine.Finding;
import dev.preflight.engine.RuleMeta;
import dev.preflight.engine.Severity;
import dev.preflight.model.SnapshotFile;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a renderer needs: the tool, the snapshot checked, findings with their rule metadata (and waiver and
 * baseline status), the effective assignment per deployment, notes about waivers and overrides, and (when asked)
 * phase timings and a timestamp. Holds no wall-clock time unless asked, so the same inputs give the same bytes.
 */
public record Report(String toolName, String toolVersion, String tenantName, List<SnapshotFile> files,
                     String snapshotSha256, List<Entry> entries, Map<String, RuleMeta> catalog,
                     List<DeploymentView> deployments, Severity failOn, boolean failOnNewOnly,
                     List<Fixed> fixed, boolean baseline, List<String> notes, List<String> overrides,
                     Map<String, Long> timingsNanos, Instant timestamp) {

    /** How a finding compares with the baseline report. */
    public enum BaselineStatus { NEW, UNCHANGED }

    /** A waiver that applies to a finding. */
    public record Waiver(String ruleId, String subject, String justification, String owner, String expires,
                         String location) {
    }

    /** A finding with its catalog entry, the severity it is reported at, its waiver and baseline status. */
    public record Entry(Finding finding, RuleMeta rule, Severity severity, Waiver waiver, BaselineStatus status) {
        public boolean waived() {
            return waiver != null;
        }
    }

    /** A finding of the baseline that is gone now. */
    public record Fixed(String key, String ruleId, String subjectKind, String subjectId, String message) {
    }

    /** One deployment's effective audience, with names for people. */
    public record DeploymentView(String id, String appId, String appName, Audience audience) {
    }

    /** Counts by severity of all findings, waived ones included. */
    public Map<Severity, Integer> counts() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) counts.put(s, 0);
        for (Entry e : entries) counts.merge(e.severity(), 1, Integer::sum);
        return counts;
    }

    public int waivedCount() {
        return (int) entries.stream().filter(Entry::waived).count();
    }

    /** Findings that say a rule could not decide (DATA-004). */
    public int couldNotVerify() {
        return (int) entries.stream().filter(e -> "DATA-004".equals(e.finding().ruleId())).count();
    }

    /** Whether an entry counts toward --fail-on: at or above the threshold, not waived, new when only new count. */
    public boolean failing(Entry e) {
        return failOn != null && e.severity().atLeast(failOn) && !e.waived()
                && !(failOnNewOnly && e.status() == BaselineStatus.UNCHANGED);
    }

    public int failing() {
        return (int) entries.stream().filter(this::failing).count();
    }
}
