package dev.preflight.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.preflight.engine.Finding;
import dev.preflight.engine.RuleMeta;
import dev.preflight.engine.Severity;
import dev.preflight.report.Report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code scanning: the catalog in {@code tool.driver.rules}, each result located at the YAML line of
 * its subject, a stable {@code partialFingerprints} entry so the same finding is the same alert across runs,
 * waived findings carried as suppressions (kind external, with the justification), {@code baselineState} new or
 * unchanged (and the baseline's fixed findings as results with {@code baselineState} absent), and the config in
 * the invocation: {@code ruleConfigurationOverrides} for disabled rules and changed severities or thresholds,
 * {@code toolConfigurationNotifications} for the config file used, each change, notes and the DATA-004 warning.
 */
public final class SarifRenderer extends JsonDocumentRenderer {
    @Override
    public String name() {
        return "sarif";
    }

    @Override
    public String description() {
        return "SARIF 2.1.0 for code scanning";
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    @Override
    void write(Report r, JsonGenerator g) throws IOException {
        List<RuleMeta> rules = new ArrayList<>(r.catalog().values());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) index.put(rules.get(i).id(), i);
        g.writeStartObject();
        g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
        g.writeStartObject();
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", r.toolName());
        g.writeStringField("version", r.toolVersion());
        g.writeStringField("semanticVersion", r.toolVersion());
        g.writeArrayFieldStart("rules");
        for (RuleMeta m : rules) rule(g, m);
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        invocation(g, r, index);
        g.writeArrayFieldStart("results");
        for (Report.Entry e : r.entries()) result(g, e, index);
        for (Report.Fixed f : r.fixed()) absent(g, f, index);
        g.writeEndArray();
        g.writeObjectFieldStart("properties");
        g.writeStringField("tenant", r.tenantName());
        g.writeStringField("snapshotSha256", r.snapshotSha256());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void rule(JsonGenerator g, RuleMeta m) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", m.id());
        g.writeStringField("name", m.id().replace("-", ""));
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", m.title());
        g.writeEndObject();
        g.writeObjectFieldStart("fullDescription");
        g.writeStringField("text", m.rationale());
        g.writeEndObject();
        String help = HelpLinks.of(m);
        if (help != null) g.writeStringField("helpUri", help);
        g.writeObjectFieldStart("help");
        g.writeStringField("text", m.rationale() + "\nFix: " + m.remediation() + "\nSource: " + m.source());
        g.writeStringField("markdown", Markdown.escape(m.rationale()) + "\n\n**Fix:** " + Markdown.escape(m.remediation())
                + "\n\n**Source:** " + Markdown.escape(m.source()));
        g.writeEndObject();
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", m.severity() == null ? "error" : level(m.severity()));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        g.writeString("preflight");
        g.writeString(m.area());
        g.writeEndArray();
        g.writeStringField("source", m.source());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void result(JsonGenerator g, Report.Entry e, Map<String, Integer> index) throws IOException {
        Finding f = e.finding();
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        Integer i = index.get(f.ruleId());
        if (i != null) g.writeNumberField("ruleIndex", i);
        g.writeStringField("level", level(e.severity()));
        g.writeObjectFieldStart("message");
        StringBuilder text = new StringBuilder(f.message());
        for (String ev : f.evidence()) text.append("\n- ").append(ev);
        g.writeStringField("text", text.toString());
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        physicalLocation(g, f.location());
        g.writeArrayFieldStart("logicalLocations");
        g.writeStartObject();
        g.writeStringField("name", f.subjectName());
        g.writeStringField("fullyQualifiedName", f.subjectKind() + "/" + f.subjectId()
                + (f.context() == null ? "" : "@" + f.context()));
        g.writeStringField("kind", f.subjectKind());
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField("preflightFindingKey/v1", Fingerprint.of(f));
        g.writeEndObject();
        if (e.waived()) {
            g.writeArrayFieldStart("suppressions");
            g.writeStartObject();
            g.writeStringField("kind", "external");
            g.writeStringField("status", "accepted");
            g.writeStringField("justification", e.waiver().justification());
            g.writeEndObject();
            g.writeEndArray();
        }
        if (e.status() != null) g.writeStringField("baselineState", e.status() == Report.BaselineStatus.NEW ? "new" : "unchanged");
        g.writeObjectFieldStart("properties");
        g.writeStringField("subjectKind", f.subjectKind());
        g.writeStringField("subjectId", f.subjectId());
        if (f.context() != null) g.writeStringField("context", f.context());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The run's invocation: what the config changed, in SARIF's own terms. */
    private static void invocation(JsonGenerator g, Report r, Map<String, Integer> index) throws IOException {
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", true);
        List<Report.Override> rules = r.overrides().stream().filter(o -> o.ruleId() != null).toList();
        if (!rules.isEmpty()) {
            g.writeArrayFieldStart("ruleConfigurationOverrides");
            for (Report.Override o : rules) {
                g.writeStartObject();
                g.writeObjectFieldStart("descriptor");
                g.writeStringField("id", o.ruleId());
                Integer i = index.get(o.ruleId());
                if (i != null) g.writeNumberField("index", i);
                g.writeEndObject();
                g.writeObjectFieldStart("configuration");
                switch (o.setting()) {
                    case "enabled" -> g.writeBooleanField("enabled", Boolean.parseBoolean(o.value()));
                    case "severity" -> g.writeStringField("level", level(Severity.parse(o.value())));
                    default -> {
                        g.writeObjectFieldStart("parameters");
                        g.writeNumberField(o.setting(), Integer.parseInt(o.value()));
                        g.writeEndObject();
                    }
                }
                g.writeEndObject();
                g.writeObjectFieldStart("properties");
                g.writeStringField("location", o.location());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        List<String[]> notices = new ArrayList<>();
        if (r.hiddenWarning() != null) notices.add(new String[]{"warning", r.hiddenWarning()});
        for (String line : r.configLines()) notices.add(new String[]{"note", line});
        for (String n : r.notes()) notices.add(new String[]{"warning", n});
        if (!notices.isEmpty()) {
            g.writeArrayFieldStart("toolConfigurationNotifications");
            for (String[] n : notices) {
                g.writeStartObject();
                g.writeStringField("level", n[0]);
                g.writeObjectFieldStart("message");
                g.writeStringField("text", n[1]);
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndArray();
    }

    /** A finding of the baseline that is gone: baselineState absent, at the place the baseline gave. */
    private static void absent(JsonGenerator g, Report.Fixed f, Map<String, Integer> index) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        Integer i = index.get(f.ruleId());
        if (i != null) g.writeNumberField("ruleIndex", i);
        g.writeStringField("kind", "pass");
        g.writeStringField("level", "none");
        g.writeObjectFieldStart("message");
        g.writeStringField("text", "Fixed since the baseline: " + f.message());
        g.writeEndObject();
        if (!f.location().file().isEmpty()) {
            g.writeArrayFieldStart("locations");
            g.writeStartObject();
            physicalLocation(g, f.location());
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField("preflightFindingKey/v1", Fingerprint.of(f.key()));
        g.writeEndObject();
        g.writeStringField("baselineState", "absent");
        g.writeObjectFieldStart("properties");
        g.writeStringField("subjectKind", f.subjectKind());
        g.writeStringField("subjectId", f.subjectId());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The file (and line and column, when known) of a result. */
    private static void physicalLocation(JsonGenerator g, dev.preflight.model.Location l) throws IOException {
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri(l.file()));
        g.writeEndObject();
        if (l.line() > 0) {
            g.writeObjectFieldStart("region");
            g.writeNumberField("startLine", l.line());
            g.writeNumberField("startColumn", Math.max(1, l.column()));
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** A relative path as a URI reference (spaces and other reserved characters percent-encoded). */
    static String uri(String path) {
        StringBuilder b = new StringBuilder();
        for (byte c : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int ch = c & 0xff;
            if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || "-._~/".indexOf(ch) >= 0) {
                b.append((char) ch);
            } else {
                b.append('%').append(String.format("%02X", ch));
            }
        }
        return b.toString();
    }
}
