package dev.preflight.report;

import dev.preflight.assign.Audience;
import dev.preflight.engine.Finding;
import dev.preflight.engine.RuleMeta;
import dev.preflight.engine.Severity;
import dev.preflight.model.Location;
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
                     List<Fixed> fixed, boolean baseline, List<String> notes, List<Override> overrides,
                     Map<String, Long> timingsNanos, Instant timestamp, String configFile,
                     boolean configFromWorkingFolder, Map<String, Integer> hidden, List<String> outputs,
                     Map<String, Integer> hiddenUnverified) {

    /** The rule id whose disabling hides "could not verify". */
    public static final String COULD_NOT_VERIFY = "DATA-004";

    /** A report without config, hidden findings or other outputs (as the engine gives it, before the policy). */
    public Report(String toolName, String toolVersion, String tenantName, List<SnapshotFile> files,
                  String snapshotSha256, List<Entry> entries, Map<String, RuleMeta> catalog,
                  List<DeploymentView> deployments, Severity failOn, boolean failOnNewOnly,
                  List<Fixed> fixed, boolean baseline, List<String> notes, List<Override> overrides,
                  Map<String, Long> timingsNanos, Instant timestamp) {
        this(toolName, toolVersion, tenantName, files, snapshotSha256, entries, catalog, deployments, failOn, failOnNewOnly,
                fixed, baseline, notes, overrides, timingsNanos, timestamp, null, false, Map.of(), List.of(), Map.of());
    }

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

        /** The fix to print: the finding's own when it has one, else the rule's remediation. */
        public String remediation() {
            if (finding.fix() != null) return finding.fix();
            return rule == null ? null : rule.remediation();
        }
    }

    /** A finding of the baseline that is gone now, with where the baseline located it. */
    public record Fixed(String key, String ruleId, String subjectKind, String subjectId, String message, Location location) {
    }

    /**
     * One change the config makes: {@code setting} is enabled, severity, threshold or failOn (then {@code ruleId} is
     * null), {@code value} its new value, {@code location} where the config writes it, {@code text} the sentence every
     * format prints.
     */
    public record Override(String ruleId, String setting, String value, String location, String text) {
        @java.lang.Override
        public String toString() {
            return text;
        }
    }

    /**
     * One deployment's effective audience, with names for people; {@code roster} (shared by the deployments of a
     * report, null when the report was not built from a snapshot) holds the facts about its users that the readiness
     * view joins with the findings ({@link Readiness}).
     */
    public record DeploymentView(String id, String appId, String appName, Audience audience, Roster roster) {
        public DeploymentView(String id, String appId, String appName, Audience audience) {
            this(id, appId, appName, audience, null);
        }
    }

    /** Counts by severity of the live findings (waived ones are counted apart, by {@link #waivedCount}). */
    public Map<Severity, Integer> counts() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) counts.put(s, 0);
        for (Entry e : entries) if (!e.waived()) counts.merge(e.severity(), 1, Integer::sum);
        return counts;
    }

    public int waivedCount() {
        return (int) entries.stream().filter(Entry::waived).count();
    }

    /** The findings that are not waived, most severe first. */
    public List<Entry> live() {
        return entries.stream().filter(e -> !e.waived()).toList();
    }

    /** The waived findings. */
    public List<Entry> waived() {
        return entries.stream().filter(Entry::waived).toList();
    }

    /** Live findings that say a rule could not decide (DATA-004). */
    public int couldNotVerify() {
        return (int) entries.stream().filter(e -> !e.waived() && COULD_NOT_VERIFY.equals(e.finding().ruleId())).count();
    }

    /** How many findings of a baseline state there are (live and waived). */
    public int count(BaselineStatus status) {
        return (int) entries.stream().filter(e -> e.status() == status).count();
    }

    /** Whether the config disabled DATA-004, so "could not verify" is not what the snapshot left unknown. */
    public boolean couldNotVerifyHidden() {
        return hidden.containsKey(COULD_NOT_VERIFY);
    }

    /**
     * The warning every format shows, loudly, when DATA-004 is disabled; null when it is not. The one place
     * that words it.
     */
    public String hiddenWarning() {
        if (!couldNotVerifyHidden()) return null;
        int n = hidden.get(COULD_NOT_VERIFY);
        String at = overrides.stream().filter(o -> COULD_NOT_VERIFY.equals(o.ruleId()) && "enabled".equals(o.setting()))
                .map(Override::location).findFirst().orElse(configFile == null ? "the config" : configFile);
        List<String> about = new java.util.ArrayList<>();
        hiddenUnverified.forEach((rule, k) -> about.add(rule + " x" + k));
        return "DATA-004 (could not verify) is disabled by " + at + ": " + n
                + " finding" + (n == 1 ? "" : "s") + " about facts the snapshot does not give " + (n == 1 ? "is" : "are")
                + " hidden" + (about.isEmpty() ? "" : " (rules that could not decide: " + String.join(", ", about) + ")")
                + ", and 'could not verify' does not count them. Unknown facts are not passes.";
    }

    /**
     * What the config changed, one line each, for every format: the file used (and whether it was picked up
     * from the working folder), then each override with where it is written. Empty without a config.
     */
    public List<String> configLines() {
        if (configFile == null) return List.of();
        List<String> out = new java.util.ArrayList<>();
        out.add("config: " + configFile + (configFromWorkingFolder ? " (.preflight.yaml found in the working folder; --config FILE names another)" : ""));
        for (Override o : overrides) out.add(o.text());
        if (overrides.isEmpty()) out.add("the config changes nothing");
        return List.copyOf(out);
    }

    /** The same report, knowing where its complete formats are written (for "the full report is in ..."). */
    public Report withOutputs(List<String> files) {
        return new Report(toolName, toolVersion, tenantName, this.files, snapshotSha256, entries, catalog, deployments, failOn,
                failOnNewOnly, fixed, baseline, notes, overrides, timingsNanos, timestamp, configFile, configFromWorkingFolder,
                hidden, List.copyOf(files), hiddenUnverified);
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
