package dev.preflight.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.preflight.assign.Audience;
import dev.preflight.assign.Exclusion;
import dev.preflight.engine.Finding;
import dev.preflight.engine.RuleMeta;
import dev.preflight.engine.Severity;
import dev.preflight.model.SnapshotFile;
import dev.preflight.report.Report;

import java.io.IOException;
import java.util.Map;

/** The machine-readable report: a contract later tools rely on (see docs/report-format.md). */
public final class JsonRenderer extends JsonDocumentRenderer {
    public static final int SCHEMA_VERSION = 1;

    @Override
    public String name() {
        return "json";
    }

    @Override
    public String description() {
        return "machine-readable report (the documented contract)";
    }

    @Override
    void write(Report r, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("schemaVersion", SCHEMA_VERSION);
        g.writeObjectFieldStart("tool");
        g.writeStringField("name", r.toolName());
        g.writeStringField("version", r.toolVersion());
        g.writeEndObject();
        g.writeObjectFieldStart("snapshot");
        g.writeStringField("tenant", r.tenantName());
        g.writeArrayFieldStart("files");
        for (SnapshotFile f : r.files()) g.writeString(f.path());
        g.writeEndArray();
        g.writeStringField("sha256", r.snapshotSha256());
        g.writeEndObject();
        g.writeObjectFieldStart("summary");
        // error, warning, info and couldNotVerify keep their schemaVersion 1 meaning (waived included); live has the rest.
        for (Severity s : Severity.values()) {
            g.writeNumberField(s.label(), (int) r.entries().stream().filter(e -> e.severity() == s).count());
        }
        g.writeNumberField("total", r.entries().size());
        g.writeNumberField("couldNotVerify", (int) r.entries().stream()
                .filter(e -> Report.COULD_NOT_VERIFY.equals(e.finding().ruleId())).count());
        g.writeNumberField("waived", r.waivedCount());
        Map<Severity, Integer> counts = r.counts();
        g.writeObjectFieldStart("live");
        for (Severity s : Severity.values()) g.writeNumberField(s.label(), counts.get(s));
        g.writeNumberField("couldNotVerify", r.couldNotVerify());
        g.writeEndObject();
        if (r.failOn() != null) {
            g.writeStringField("failOn", r.failOn().label());
            g.writeNumberField("failing", r.failing());
        }
        if (r.failOnNewOnly()) g.writeBooleanField("failOnNewOnly", true);
        if (r.baseline()) {
            g.writeNumberField("new", r.count(Report.BaselineStatus.NEW));
            g.writeNumberField("unchanged", r.count(Report.BaselineStatus.UNCHANGED));
            g.writeNumberField("fixed", r.fixed().size());
        }
        if (r.couldNotVerifyHidden()) g.writeNumberField("couldNotVerifyHidden", r.hidden().get(Report.COULD_NOT_VERIFY));
        g.writeEndObject();
        if (r.hiddenWarning() != null) {
            g.writeArrayFieldStart("warnings");
            g.writeString(r.hiddenWarning());
            g.writeEndArray();
        }
        g.writeArrayFieldStart("findings");
        for (Report.Entry e : r.entries()) finding(g, e);
        g.writeEndArray();
        if (r.baseline()) {
            g.writeArrayFieldStart("fixed");
            for (Report.Fixed f : r.fixed()) {
                g.writeStartObject();
                g.writeStringField("key", f.key());
                g.writeStringField("ruleId", f.ruleId());
                g.writeStringField("subjectKind", f.subjectKind());
                g.writeStringField("subjectId", f.subjectId());
                g.writeStringField("message", f.message());
                location(g, f.location());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (r.configFile() != null) {
            g.writeObjectFieldStart("config");
            g.writeStringField("file", r.configFile());
            g.writeBooleanField("fromWorkingFolder", r.configFromWorkingFolder());
            g.writeArrayFieldStart("changes");
            for (Report.Override o : r.overrides()) {
                g.writeStartObject();
                if (o.ruleId() != null) g.writeStringField("ruleId", o.ruleId());
                g.writeStringField("setting", o.setting());
                g.writeStringField("value", o.value());
                g.writeStringField("location", o.location());
                g.writeStringField("text", o.text());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("hidden");
            for (var h : r.hidden().entrySet()) g.writeNumberField(h.getKey(), h.getValue());
            g.writeEndObject();
            g.writeEndObject();
        }
        if (!r.overrides().isEmpty()) {
            g.writeArrayFieldStart("overrides");
            for (Report.Override o : r.overrides()) g.writeString(o.text());
            g.writeEndArray();
        }
        if (!r.notes().isEmpty()) {
            g.writeArrayFieldStart("notes");
            for (String n : r.notes()) g.writeString(n);
            g.writeEndArray();
        }
        if (r.timestamp() != null) g.writeStringField("timestamp", r.timestamp().toString());
        g.writeArrayFieldStart("deployments");
        for (Report.DeploymentView d : r.deployments()) deployment(g, d);
        g.writeEndArray();
        if (r.timingsNanos() != null) {
            g.writeObjectFieldStart("timings");
            for (var t : r.timingsNanos().entrySet()) g.writeNumberField(t.getKey() + "Seconds", t.getValue() / 1e9);
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void finding(JsonGenerator g, Report.Entry e) throws IOException {
        Finding f = e.finding();
        RuleMeta m = e.rule();
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        g.writeStringField("severity", e.severity().label());
        g.writeStringField("title", m == null ? f.ruleId() : m.title());
        g.writeStringField("message", f.message());
        g.writeObjectFieldStart("subject");
        g.writeStringField("kind", f.subjectKind());
        g.writeStringField("id", f.subjectId());
        g.writeStringField("name", f.subjectName());
        g.writeEndObject();
        if (f.context() != null) g.writeStringField("context", f.context());
        if (f.about() != null) g.writeStringField("undecidedRule", f.about());
        g.writeArrayFieldStart("evidence");
        for (String ev : f.evidence()) g.writeString(ev);
        g.writeEndArray();
        g.writeStringField("remediation", e.remediation());
        g.writeStringField("source", m == null ? null : m.source());
        location(g, f.location());
        g.writeStringField("key", f.key());
        if (e.status() != null) g.writeStringField("baseline", e.status() == Report.BaselineStatus.NEW ? "new" : "unchanged");
        if (e.waived()) {
            Report.Waiver w = e.waiver();
            g.writeObjectFieldStart("waiver");
            g.writeStringField("justification", w.justification());
            if (w.owner() != null) g.writeStringField("owner", w.owner());
            if (w.expires() != null) g.writeStringField("expires", w.expires());
            g.writeStringField("location", w.location());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void location(JsonGenerator g, dev.preflight.model.Location l) throws IOException {
        g.writeObjectFieldStart("location");
        g.writeStringField("file", l.file());
        g.writeNumberField("line", l.line());
        g.writeNumberField("column", l.column());
        if (l.origin() != null) {
            g.writeObjectFieldStart("origin");
            g.writeStringField("file", l.origin().file());
            if (l.origin().pointer() != null) g.writeStringField("pointer", l.origin().pointer());
            else g.writeNumberField("line", l.origin().line());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void deployment(JsonGenerator g, Report.DeploymentView d) throws IOException {
        Audience a = d.audience();
        g.writeStartObject();
        g.writeStringField("id", d.id());
        g.writeStringField("app", d.appId());
        g.writeStringField("appName", d.appName());
        g.writeBooleanField("everyone", a.everyone());
        g.writeNumberField("recipientCount", a.recipients().size());
        if (!a.everyone()) {
            g.writeArrayFieldStart("recipients");
            for (String u : a.recipients()) g.writeString(u);
            g.writeEndArray();
        }
        g.writeArrayFieldStart("excluded");
        for (Exclusion x : a.excluded()) {
            g.writeStartObject();
            g.writeStringField("user", x.userId());
            g.writeStringField("reason", x.reason());
            g.writeStringField("path", x.pathText());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (!a.unknown().isEmpty()) {
            g.writeArrayFieldStart("unknown");
            for (String u : a.unknown()) g.writeString(u);
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
