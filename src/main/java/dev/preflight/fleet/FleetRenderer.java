package dev.preflight.fleet;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.preflight.engine.Severity;
import dev.preflight.render.HtmlRenderer;
import dev.preflight.render.Json;
import dev.preflight.render.Markdown;
import dev.preflight.render.Renderers;
import dev.preflight.render.Text;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The fleet summary as text, JSON, Markdown or HTML. */
public final class FleetRenderer {
    public static final List<String> FORMATS = List.of("text", "json", "markdown", "html");

    private FleetRenderer() {
    }

    public static String extension(String format) {
        return Renderers.get(format).extension();
    }

    public static void render(String format, FleetSummary s, Writer out) throws IOException {
        switch (format) {
            case "text" -> text(s, out);
            case "json" -> json(s, out);
            case "markdown" -> markdown(s, out);
            case "html" -> html(s, out);
            default -> throw new IllegalArgumentException("unknown fleet format " + format);
        }
    }

    static void text(FleetSummary s, Writer out) throws IOException {
        out.write(String.format("%-32s %6s %8s %6s %10s  %s%n", "tenant", "error", "warning", "info", "unverified", "top rules"));
        for (FleetSummary.Tenant t : s.tenants()) {
            if (t.error() != null) {
                out.write(String.format("%-32s BROKEN: %s%n", Text.oneLine(t.name()), Text.oneLine(t.error())));
                continue;
            }
            out.write(String.format("%-32s %6d %8d %6d %10d  %s%n", Text.oneLine(t.name()), t.counts().get("error"),
                    t.counts().get("warning"), t.counts().get("info"), t.couldNotVerify(), String.join(", ", t.topRules())));
        }
        out.write(s.tenants().size() + " tenants, " + s.broken() + " broken; " + s.total("error") + " errors, "
                + s.total("warning") + " warnings, " + s.total("info") + " info\n");
    }

    static void json(FleetSummary s, Writer out) throws IOException {
        try (JsonGenerator g = Json.generator(out)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", 1);
            g.writeObjectFieldStart("summary");
            g.writeNumberField("tenants", s.tenants().size());
            g.writeNumberField("broken", s.broken());
            for (Severity sev : Severity.values()) g.writeNumberField(sev.label(), s.total(sev.label()));
            g.writeEndObject();
            g.writeArrayFieldStart("tenants");
            for (FleetSummary.Tenant t : s.tenants()) {
                g.writeStartObject();
                g.writeStringField("name", t.name());
                g.writeStringField("source", t.source());
                if (t.error() != null) {
                    g.writeStringField("error", t.error());
                } else {
                    g.writeObjectFieldStart("counts");
                    for (var c : t.counts().entrySet()) g.writeNumberField(c.getKey(), c.getValue());
                    g.writeEndObject();
                    g.writeNumberField("couldNotVerify", t.couldNotVerify());
                    g.writeNumberField("failing", t.failing());
                    g.writeArrayFieldStart("topRules");
                    for (String r : t.topRules()) g.writeString(r);
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write("\n");
    }

    static void markdown(FleetSummary s, Writer out) throws IOException {
        out.write("## Preflight fleet: " + s.tenants().size() + " tenants\n\n");
        out.write("| tenant | error | warning | info | could not verify | top rules |\n| --- | ---: | ---: | ---: | ---: | --- |\n");
        for (FleetSummary.Tenant t : s.tenants()) {
            if (t.error() != null) {
                out.write("| " + Markdown.escape(t.name()) + " | broken: " + Markdown.escape(t.error()) + " | | | | |\n");
            } else {
                out.write("| " + Markdown.escape(t.name()) + " | " + t.counts().get("error") + " | " + t.counts().get("warning") + " | "
                        + t.counts().get("info") + " | " + t.couldNotVerify() + " | " + Markdown.escape(String.join(", ", t.topRules())) + " |\n");
            }
        }
        out.write("\n" + s.broken() + " broken; " + s.total("error") + " errors, " + s.total("warning") + " warnings, "
                + s.total("info") + " info.\n");
    }

    static void html(FleetSummary s, Writer out) throws IOException {
        String css = "body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1100px}table{border-collapse:collapse;width:100%}"
                + "th,td{border-bottom:1px solid #d0d4da;padding:6px 8px;text-align:left}td.n{text-align:right}.broken{color:#b3261e}";
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" "
                + "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<title>Preflight fleet</title>\n<style>" + css
                + "</style>\n</head>\n<body>\n<h1>Preflight fleet: " + s.tenants().size() + " tenants</h1>\n<table><thead><tr><th>tenant</th>"
                + "<th>error</th><th>warning</th><th>info</th><th>could not verify</th><th>top rules</th></tr></thead><tbody>\n");
        for (FleetSummary.Tenant t : s.tenants()) {
            if (t.error() != null) {
                out.write("<tr class=\"broken\"><td>" + esc(t.name()) + "</td><td colspan=\"5\">broken: " + esc(t.error()) + "</td></tr>\n");
            } else {
                out.write("<tr><td>" + esc(t.name()) + "</td><td class=\"n\">" + t.counts().get("error") + "</td><td class=\"n\">"
                        + t.counts().get("warning") + "</td><td class=\"n\">" + t.counts().get("info") + "</td><td class=\"n\">"
                        + t.couldNotVerify() + "</td><td>" + esc(String.join(", ", t.topRules())) + "</td></tr>\n");
            }
        }
        out.write("</tbody></table>\n<p>" + s.broken() + " broken; " + s.total("error") + " errors, " + s.total("warning")
                + " warnings, " + s.total("info") + " info.</p>\n</body>\n</html>\n");
    }

    static String esc(String s) {
        return HtmlRenderer.esc(s);
    }
}
