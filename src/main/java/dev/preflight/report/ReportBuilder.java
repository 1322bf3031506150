package dev.preflight.report;

import dev.preflight.assign.Audience;
import dev.preflight.engine.Engine;
import dev.preflight.engine.Finding;
import dev.preflight.engine.RuleMeta;
import dev.preflight.engine.Severity;
import dev.preflight.model.App;
import dev.preflight.model.Deployment;
import dev.preflight.model.Snapshot;
import dev.preflight.model.SnapshotFile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Builds a {@link Report} from an engine result. */
public final class ReportBuilder {
    private ReportBuilder() {
    }

    public static Report build(String toolName, String toolVersion, Snapshot snapshot, Engine.Result result,
                               Map<String, RuleMeta> catalog, Severity failOn, boolean timings,
                               java.time.Instant timestamp) {
        List<Report.Entry> entries = new ArrayList<>();
        GapReasons gaps = new GapReasons(snapshot.gaps());
        for (Finding found : result.findings()) {
            Finding f = gaps.explain(found);
            RuleMeta meta = catalog.get(f.ruleId());
            Severity severity = meta != null && meta.severity() != null ? meta.severity() : Severity.ERROR;
            entries.add(new Report.Entry(f, meta, severity, null, null));
        }
        Map<String, App> apps = new HashMap<>();
        for (App a : snapshot.apps()) apps.put(a.id(), a);
        List<Report.DeploymentView> deployments = new ArrayList<>();
        Roster roster = snapshot.deployments().isEmpty() ? null : new Roster(snapshot, result.assignments());
        for (Deployment d : snapshot.deployments()) {
            Audience audience = result.assignments().audiences().get(d.id());
            App app = apps.get(d.appId());
            deployments.add(new Report.DeploymentView(d.id(), d.appId(), app == null ? d.appId() : app.name(), audience, roster));
        }
        return new Report(toolName, toolVersion, snapshot.tenant().name(), snapshot.files(), sha256(snapshot.files()),
                List.copyOf(entries), catalog, List.copyOf(deployments), failOn, false, List.of(), false,
                snapshot.warnings(),
                List.of(), timings ? result.timingsNanos() : null, timestamp);
    }

    /**
     * The snapshot's digest: the file's SHA-256 for one file; for a folder, the SHA-256 of the lines
     * "sha256  path\n" of its files in order (the format of sha256sum).
     */
    static String sha256(List<SnapshotFile> files) {
        if (files.size() == 1) return files.get(0).sha256();
        StringBuilder b = new StringBuilder();
        for (SnapshotFile f : files) b.append(f.sha256()).append("  ").append(f.path()).append('\n');
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
