package dev.preflight.manifest;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.preflight.model.Location;
import dev.preflight.render.Json;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** Writes what {@code preflight manifest} read and found: text for people, JSON for tools. */
public final class ManifestReport {

    private ManifestReport() {
    }

    public static void text(List<ManifestCheck.Result> results, Writer w) throws IOException {
        for (ManifestCheck.Result r : results) {
            Manifest m = r.manifest();
            if (m == null) {
                w.write(r.file() + ": not read\n");
            } else {
                w.write(r.file() + ": " + ("xml".equals(m.form())
                        ? (m.type() == null ? "OfficeApp" : m.type()) + ", XML manifest, schema " + m.schema()
                        : "unified manifest (JSON), manifestVersion " + m.schema()) + "\n");
                row(w, "id", m.id());
                row(w, "version", m.version());
                row(w, "provider", m.provider());
                row(w, "display name", m.displayName());
                List<String> hosts = new ArrayList<>();
                for (Manifest.Host h : m.hosts()) hosts.add(h.name() + " (" + h.written() + ", " + lc(h.at()) + ")");
                row(w, "hosts", hosts.isEmpty() ? "(none)" : String.join(", ", hosts));
                row(w, "permission", m.permission());
                row(w, "extended", m.extendedPermissions().isEmpty() ? "(none)" : joined(m.extendedPermissions()));
                List<String> sets = new ArrayList<>();
                for (Manifest.RequirementSet s : m.requirements()) {
                    sets.add(s.name() + " " + (s.minVersion() == null ? "(any)" : s.minVersion()) + " (" + s.scope() + ", " + lc(s.at()) + ")");
                }
                row(w, "requirements", sets.isEmpty() ? "(none)" : String.join(", ", sets));
                Manifest.Sso sso = m.sso();
                if (sso == null) {
                    row(w, "sso", "(none)");
                } else {
                    row(w, "sso id", sso.id());
                    row(w, "sso resource", sso.resource());
                    row(w, "graph scopes", sso.scopes() == null ? "(not given)" : sso.scopes().isEmpty() ? "(none)" : joined(sso.scopes()));
                }
                row(w, "app domains", m.appDomains().isEmpty() ? "(none)" : m.appDomains().size() + ": "
                        + String.join(", ", m.appDomains().stream().map(Located::value).toList()));
                long https = m.urls().stream().filter(u -> u.value().trim().toLowerCase(java.util.Locale.ROOT).startsWith("https://")).count();
                row(w, "urls", m.urls().size() + " (" + https + " HTTPS)");
                row(w, "schema", schema(r));
            }
            for (Diagnostic d : r.diagnostics()) w.write(d + "\n");
        }
        w.write(summary(results) + "\n");
    }

    static String schema(ManifestCheck.Result r) {
        long errors = r.diagnostics().stream().filter(d -> d.check().equals("schema")).count();
        long skipped = r.diagnostics().stream().filter(d -> d.check().equals("not-checked")).count();
        String s = switch (r.schema()) {
            case VALID -> "valid (" + r.schemaFile() + ")";
            case INVALID -> "invalid (" + r.schemaFile() + "): " + errors + (errors == 1 ? " error" : " errors");
            case NOT_CHECKED -> "not checked: no bundled schema";
            case UNREADABLE -> "not read";
        };
        if (r.schema() != ManifestCheck.SchemaResult.NOT_CHECKED && skipped > 0) s += "; " + skipped + " not checked by the schema (lenient)";
        return s;
    }

    public static String summary(List<ManifestCheck.Result> results) {
        long e = 0, w = 0, n = 0;
        for (ManifestCheck.Result r : results) {
            e += r.count(Diagnostic.Severity.ERROR);
            w += r.count(Diagnostic.Severity.WARNING);
            n += r.count(Diagnostic.Severity.NOTE);
        }
        return count(results.size(), "manifest") + ": " + count(e, "error") + ", " + count(w, "warning") + ", " + count(n, "note");
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static void row(Writer w, String label, Located value) throws IOException {
        row(w, label, value == null ? "(not given)" : value.value() + " (" + lc(value.at()) + ")");
    }

    private static void row(Writer w, String label, String value) throws IOException {
        w.write(String.format("  %-13s %s%n", label, value));
    }

    private static String joined(List<Located> values) {
        return String.join(", ", values.stream().map(l -> l.value() + " (" + lc(l.at()) + ")").toList());
    }

    private static String lc(Location at) {
        return at.line() + ":" + at.column();
    }

    public static void json(List<ManifestCheck.Result> results, Writer w) throws IOException {
        try (JsonGenerator g = Json.generator(w)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", 1);
            g.writeArrayFieldStart("manifests");
            for (ManifestCheck.Result r : results) manifest(g, r);
            g.writeEndArray();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("error", results.stream().mapToLong(r -> r.count(Diagnostic.Severity.ERROR)).sum());
            g.writeNumberField("warning", results.stream().mapToLong(r -> r.count(Diagnostic.Severity.WARNING)).sum());
            g.writeNumberField("note", results.stream().mapToLong(r -> r.count(Diagnostic.Severity.NOTE)).sum());
            g.writeEndObject();
            g.writeEndObject();
        }
        w.write("\n");
    }

    private static void manifest(JsonGenerator g, ManifestCheck.Result r) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", r.file());
        Manifest m = r.manifest();
        if (m != null) {
            g.writeStringField("form", m.form());
            g.writeStringField("type", m.type());
            g.writeStringField("schema", m.schema());
            located(g, "id", m.id());
            located(g, "version", m.version());
            located(g, "provider", m.provider());
            located(g, "displayName", m.displayName());
            g.writeArrayFieldStart("hosts");
            for (Manifest.Host h : m.hosts()) {
                g.writeStartObject();
                g.writeStringField("name", h.name());
                g.writeStringField("written", h.written());
                at(g, h.at());
                g.writeEndObject();
            }
            g.writeEndArray();
            located(g, "permission", m.permission());
            list(g, "extendedPermissions", m.extendedPermissions());
            g.writeArrayFieldStart("requirementSets");
            for (Manifest.RequirementSet s : m.requirements()) {
                g.writeStartObject();
                g.writeStringField("name", s.name());
                g.writeStringField("minVersion", s.minVersion());
                g.writeStringField("scope", s.scope());
                at(g, s.at());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (m.sso() == null) {
                g.writeNullField("webApplicationInfo");
            } else {
                g.writeObjectFieldStart("webApplicationInfo");
                located(g, "id", m.sso().id());
                located(g, "resource", m.sso().resource());
                if (m.sso().scopes() == null) g.writeNullField("scopes");
                else list(g, "scopes", m.sso().scopes());
                at(g, m.sso().at());
                g.writeEndObject();
            }
            list(g, "appDomains", m.appDomains());
            g.writeArrayFieldStart("urls");
            for (Manifest.Url u : m.urls()) {
                g.writeStartObject();
                g.writeStringField("kind", u.kind());
                g.writeStringField("what", u.what());
                g.writeStringField("value", u.value());
                at(g, u.at());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeObjectFieldStart("validation");
        g.writeStringField("result", r.schema().label());
        g.writeStringField("schemaFile", r.schemaFile());
        g.writeEndObject();
        g.writeArrayFieldStart("diagnostics");
        for (Diagnostic d : r.diagnostics()) {
            g.writeStartObject();
            g.writeStringField("severity", d.severity().label());
            g.writeStringField("check", d.check());
            g.writeStringField("file", d.at().file());
            g.writeNumberField("line", d.at().line());
            g.writeNumberField("column", d.at().column());
            g.writeStringField("message", d.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void located(JsonGenerator g, String name, Located v) throws IOException {
        if (v == null) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeStringField("value", v.value());
        at(g, v.at());
        g.writeEndObject();
    }

    private static void list(JsonGenerator g, String name, List<Located> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (Located v : values) {
            g.writeStartObject();
            g.writeStringField("value", v.value());
            at(g, v.at());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void at(JsonGenerator g, Location at) throws IOException {
        g.writeNumberField("line", at.line());
        g.writeNumberField("column", at.column());
    }
}
