package dev.preflight.render;

import dev.preflight.assign.Audience;
import dev.preflight.assign.Exclusion;
import dev.preflight.engine.RuleMeta;
import dev.preflight.engine.Severity;
import dev.preflight.report.Report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One self-contained HTML file for compliance reviewers: header, summary by area and severity, the findings grouped
 * per rule with filters and search ({@link HtmlFindings}: rows built on demand from a JSON block, so tens of
 * thousands of findings open at once), each finding expandable to evidence and remediation, and each deployment's
 * recipients. No network requests; a Content-Security-Policy allows only its own inline style and script. Without
 * script the summaries and the first findings of each rule still read.
 */
public final class HtmlRenderer implements Renderer {

    static final String CSS = """
            :root{--err:#b3261e;--warn:#8a5300;--info:#1f5fa8;--line:#d0d4da;--muted:#5b6270}
            *{box-sizing:border-box}
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1200px;padding:24px;color:#1b1f24}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
            .meta{color:var(--muted);margin:0 0 16px}
            .cards{display:flex;gap:12px;flex-wrap:wrap}
            .card{border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:120px}
            .card b{display:block;font-size:22px}
            .error{color:var(--err)}.warning{color:var(--warn)}.info{color:var(--info)}
            table{border-collapse:collapse;width:100%;margin-top:8px}
            th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
            th{background:#f4f6f8;font-weight:600}
            td.num,th.num{text-align:right}
            td.rule{white-space:nowrap}
            .controls{display:flex;gap:8px;flex-wrap:wrap;margin:8px 0;align-items:center}
            .controls select,.controls input{font:inherit;padding:4px 6px}
            .controls input{flex:1;min-width:200px}
            .sev{font-weight:600;text-transform:uppercase;font-size:12px}
            details summary{cursor:pointer}
            details .body{margin:6px 0 4px 0;padding:8px;background:#f8f9fb;border-radius:6px}
            .body ul{margin:4px 0 8px 18px;padding:0}
            .tag{display:inline-block;border:1px solid var(--line);border-radius:10px;padding:0 6px;font-size:12px;color:var(--muted)}
            code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;word-break:break-all}
            tr[hidden]{display:none}
            .controls[hidden]{display:none}
            details.group{border-top:1px solid var(--line);padding:4px 0}
            details.group>summary h3{display:inline;font-size:15px;margin:0}
            details.group>summary .count{font-weight:400;color:var(--muted)}
            .why{color:var(--muted);margin:4px 0}
            .from{color:var(--muted)}
            .more button{font:inherit;margin:6px 0;padding:4px 10px}
            tr.waived td{color:var(--muted)}
            .alarm{border:2px solid var(--err);border-radius:8px;padding:10px 16px;color:var(--err);font-weight:600}
            @media print{.controls{display:none}body{padding:0;max-width:none}details{break-inside:avoid}a{color:inherit}}
            """;

    /** The report's script (src/main/resources/dev/preflight/render/report.js): filters, search, rows on demand. */
    static final String SCRIPT = resource("report.js");

    /** The content security policy, computed when a report is first rendered (not when the CLI starts). */
    private static final class Csp {
        static final String VALUE = "default-src 'none'; style-src '" + sha256(CSS) + "'; script-src '" + sha256(SCRIPT)
                + "'; img-src data:; base-uri 'none'; form-action 'none'";
    }

    @Override
    public String name() {
        return "html";
    }

    @Override
    public String description() {
        return "self-contained HTML report for reviewers (filters, search, print)";
    }

    @Override
    public void render(Report r, Writer out) throws IOException {
        String tenant = r.tenantName() == null ? "tenant" : r.tenantName();
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + Csp.VALUE + "\">\n");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.write("<title>Preflight report: " + esc(tenant) + "</title>\n<style>" + CSS + "</style>\n</head>\n<body>\n");
        out.write("<h1>Preflight report: " + esc(tenant) + "</h1>\n");
        out.write("<p class=\"meta\">" + esc(r.toolName() + " " + r.toolVersion()) + " &middot; " + r.files().size()
                + " snapshot file" + (r.files().size() == 1 ? "" : "s") + " &middot; sha256 <code>" + esc(r.snapshotSha256())
                + "</code>" + (r.timestamp() == null ? "" : " &middot; " + esc(r.timestamp().toString())) + "</p>\n");
        if (r.hiddenWarning() != null) out.write("<p class=\"alarm\" role=\"alert\">" + esc(r.hiddenWarning()) + "</p>\n");
        summary(out, r);
        if (!r.configLines().isEmpty()) {
            out.write("<h2>Config</h2>\n<ul id=\"config\">\n");
            for (String n : r.configLines()) out.write("<li>" + esc(n) + "</li>\n");
            out.write("</ul>\n");
        }
        HtmlFindings.write(out, r);
        fixed(out, r);
        ReadinessHtml.write(out, r);
        deployments(out, r);
        if (!r.notes().isEmpty()) {
            out.write("<h2>Notes</h2>\n<ul>\n");
            for (String n : r.notes()) out.write("<li>" + esc(n) + "</li>\n");
            out.write("</ul>\n");
        }
        out.write("<script>" + SCRIPT + "</script>\n</body>\n</html>\n");
    }

    private static void summary(Writer out, Report r) throws IOException {
        Map<Severity, Integer> c = r.counts();
        out.write("<div class=\"cards\">\n");
        for (Severity s : Severity.values()) {
            out.write("<div class=\"card\"><b class=\"" + s.label() + "\">" + c.get(s) + "</b>" + s.label() + "</div>\n");
        }
        out.write("<div class=\"card\"><b>" + r.couldNotVerify() + "</b>could not verify</div>\n");
        out.write("<div class=\"card\"><b>" + r.waivedCount() + "</b>waived</div>\n");
        if (r.failOn() != null) {
            out.write("<div class=\"card\"><b>" + r.failing() + "</b>failing (at or above " + r.failOn().label() + ")</div>\n");
        }
        if (r.baseline()) {
            out.write("<div class=\"card\"><b>" + r.count(Report.BaselineStatus.NEW) + " / " + r.count(Report.BaselineStatus.UNCHANGED)
                    + " / " + r.fixed().size() + "</b>new / unchanged / fixed</div>\n");
        }
        out.write("</div>\n<h2>By area</h2>\n<table id=\"areas\"><thead><tr><th>area</th>");
        for (Severity s : Severity.values()) out.write("<th class=\"num\">" + s.label() + "</th>");
        out.write("</tr></thead><tbody>\n");
        Map<String, int[]> areas = new LinkedHashMap<>();
        for (RuleMeta m : r.catalog().values()) areas.putIfAbsent(m.area(), new int[3]);
        for (Report.Entry e : r.entries()) {
            areas.computeIfAbsent(RuleMeta.areaOf(e.finding().ruleId()), k -> new int[3])[e.severity().ordinal()]++;
        }
        for (Map.Entry<String, int[]> a : areas.entrySet()) {
            out.write("<tr><td>" + esc(a.getKey()) + "</td>");
            for (int n : a.getValue()) out.write("<td class=\"num\">" + n + "</td>");
            out.write("</tr>\n");
        }
        out.write("</tbody></table>\n");
    }

    private static void fixed(Writer out, Report r) throws IOException {
        if (r.fixed().isEmpty()) return;
        out.write("<h2>Fixed since the baseline</h2>\n<table id=\"fixed\"><thead><tr><th>rule</th><th>subject</th><th>finding</th>"
                + "<th>where (in the baseline)</th></tr></thead>\n<tbody>\n");
        for (Report.Fixed f : r.fixed()) {
            out.write("<tr><td class=\"rule\">" + esc(f.ruleId()) + "</td><td>" + esc(f.subjectId()) + "<br><span class=\"tag\">"
                    + esc(f.subjectKind()) + "</span></td><td>" + esc(f.message()) + "</td><td><code>" + esc(f.location().toString())
                    + "</code></td></tr>\n");
        }
        out.write("</tbody></table>\n");
    }

    /** Recipients and exclusions listed as static HTML, over all deployments; past it a list is built when opened. */
    static final int STATIC_LIST_ITEMS = 2000;

    private static void deployments(Writer out, Report r) throws IOException {
        if (r.deployments().isEmpty()) return;
        out.write("<h2>Deployments: who actually receives each app</h2>\n<table id=\"deployments\"><thead><tr><th>deployment</th>"
                + "<th>app</th><th class=\"num\">recipients</th><th class=\"num\">left out</th></tr></thead>\n<tbody>\n");
        int budget = STATIC_LIST_ITEMS;
        java.util.List<Report.DeploymentView> lazy = new java.util.ArrayList<>();
        for (Report.DeploymentView d : r.deployments()) {
            Audience a = d.audience();
            int items = (a.everyone() ? 0 : a.recipients().size()) + a.excluded().size();
            boolean inline = items <= budget;
            if (inline) budget -= items;
            out.write("<tr><td><details" + (inline ? "" : " data-list=\"" + lazy.size() + "\"") + "><summary>" + esc(d.id())
                    + "</summary><div class=\"body\">");
            if (a.everyone()) out.write("<div>Everyone: all " + a.recipients().size() + " active users.</div>");
            if (!inline) {
                lazy.add(d);
                out.write("<p class=\"list\">" + (a.everyone() ? "" : a.recipients().size() + " recipients, ") + a.excluded().size()
                        + " left out: listed with JavaScript, and in the JSON report.</p>");
            } else if (!a.everyone()) {
                out.write("<div>Recipients:</div><ul>");
                for (String u : a.recipients()) out.write("<li>" + esc(u) + "</li>");
                out.write("</ul>");
            }
            if (inline && !a.excluded().isEmpty()) {
                out.write("<div>Left out:</div><ul>");
                for (Exclusion x : a.excluded()) out.write("<li>" + esc(x.userId()) + ": " + esc(x.reason()) + " (" + esc(x.pathText()) + ")</li>");
                out.write("</ul>");
            }
            if (!a.unknown().isEmpty()) out.write("<div>Not known: " + esc(String.join(", ", a.unknown())) + "</div>");
            out.write("</div></details></td><td>" + esc(d.appName()) + "</td><td class=\"num\">" + a.recipients().size()
                    + "</td><td class=\"num\">" + a.excluded().size() + "</td></tr>\n");
        }
        out.write("</tbody></table>\n");
        if (!lazy.isEmpty()) {
            out.write("<script type=\"application/json\" id=\"d-data\">");
            HtmlFindings.lists(out, lazy);
            out.write("</script>\n");
        }
    }

    /** HTML text and attribute escaping; control characters removed. */
    public static String esc(String s) {
        if (s == null) return "";
        String t = Text.inert(s);
        StringBuilder b = new StringBuilder(t.length() + 16);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String resource(String name) {
        try (var in = HtmlRenderer.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(String s) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
