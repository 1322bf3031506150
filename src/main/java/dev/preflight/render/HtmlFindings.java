package dev.preflight.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import dev.preflight.engine.Finding;
import dev.preflight.engine.RuleMeta;
import dev.preflight.engine.Severity;
import dev.preflight.report.Report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import static dev.preflight.render.HtmlRenderer.esc;

/**
 * The findings part of the HTML report, built to stay quick at tens of thousands of findings: one group per rule
 * (a {@code <details>} with its counts), a summary table of the rules, and every finding once in a JSON block
 * ({@code <script type="application/json" id="f-data">}) from which the report's script builds the rows of a group
 * when it is opened or a filter is applied, a page at a time. Without script the summary and the first
 * {@value #STATIC_ROWS} findings of each rule are static HTML.
 *
 * <p>A finding in the block is an array: rule index, severity index, subject name, subject kind, message, evidence,
 * fix (null: the rule's), location, origin (or null), waiver ([justification, owner, expires] or null), baseline
 * status (0 none, 1 new, 2 unchanged). Strings are {@link Text#inert}, as in the static HTML; {@code <}, {@code >}
 * and {@code &} are written as {@code \u003C} escapes, so no text can close the block.
 */
final class HtmlFindings {
    /** Findings of each rule written as static rows, for reading without script (and printing without it). */
    static final int STATIC_ROWS = 20;

    private static final JsonFactory FACTORY = new JsonFactory();

    /** JSON's own escapes plus the characters that could end or open markup inside a script element. */
    static final class ScriptSafe extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii;

        ScriptSafe() {
            ascii = CharacterEscapes.standardAsciiEscapesForJSON();
            ascii['<'] = CharacterEscapes.ESCAPE_STANDARD;
            ascii['>'] = CharacterEscapes.ESCAPE_STANDARD;
            ascii['&'] = CharacterEscapes.ESCAPE_STANDARD;
            ascii[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029 ? new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04X", ch)) : null;
        }
    }

    private static final ScriptSafe ESCAPES = new ScriptSafe();

    /** The findings of one rule, in report order. */
    record Group(String ruleId, RuleMeta rule, List<Report.Entry> entries, int start) {
        int[] bySeverity() {
            int[] n = new int[Severity.values().length];
            for (Report.Entry e : entries) n[e.severity().ordinal()]++;
            return n;
        }

        Severity worst() {
            Severity w = Severity.INFO;
            for (Report.Entry e : entries) if (e.severity().ordinal() < w.ordinal()) w = e.severity();
            return w;
        }
    }

    private HtmlFindings() {
    }

    /** Groups per rule: the most severe first, then by rule id. */
    static List<Group> groups(Report r) {
        Map<String, List<Report.Entry>> byRule = new LinkedHashMap<>();
        for (Report.Entry e : r.entries()) byRule.computeIfAbsent(e.finding().ruleId(), k -> new ArrayList<>()).add(e);
        List<Map.Entry<String, List<Report.Entry>>> sorted = new ArrayList<>(byRule.entrySet());
        sorted.sort(Comparator.comparingInt((Map.Entry<String, List<Report.Entry>> g) -> g.getValue().stream()
                .mapToInt(e -> e.severity().ordinal()).min().orElse(0)).thenComparing(Map.Entry::getKey));
        List<Group> groups = new ArrayList<>();
        int start = 0;
        for (Map.Entry<String, List<Report.Entry>> g : sorted) {
            groups.add(new Group(g.getKey(), g.getValue().get(0).rule(), g.getValue(), start));
            start += g.getValue().size();
        }
        return groups;
    }

    static void write(Writer out, Report r) throws IOException {
        List<Group> groups = groups(r);
        int total = r.entries().size();
        out.write("<h2>Findings</h2>\n");
        controls(out, r, total);
        out.write("<noscript><p class=\"meta\">Without JavaScript the first " + STATIC_ROWS + " findings of each rule are listed"
                + " and the filters do not work; the JSON report has every finding.</p></noscript>\n");
        rules(out, groups);
        out.write("<div id=\"findings\">\n");
        for (int i = 0; i < groups.size(); i++) group(out, groups.get(i), i);
        out.write("</div>\n");
        out.write("<script type=\"application/json\" id=\"f-data\">");
        data(out, groups);
        out.write("</script>\n");
    }

    private static void controls(Writer out, Report r, int total) throws IOException {
        out.write("<div class=\"controls\" id=\"f-controls\" hidden>\n<select id=\"f-sev\" aria-label=\"severity\"><option value=\"\">all severities</option>");
        for (Severity s : Severity.values()) out.write("<option value=\"" + s.label() + "\">" + s.label() + "</option>");
        out.write("</select>\n<select id=\"f-area\" aria-label=\"area\"><option value=\"\">all areas</option>");
        TreeSet<String> areas = new TreeSet<>();
        TreeSet<String> rules = new TreeSet<>();
        for (Report.Entry e : r.entries()) {
            areas.add(RuleMeta.areaOf(e.finding().ruleId()));
            rules.add(e.finding().ruleId());
        }
        for (String a : areas) out.write("<option value=\"" + esc(a) + "\">" + esc(a) + "</option>");
        out.write("</select>\n<select id=\"f-rule\" aria-label=\"rule\"><option value=\"\">all rules</option>");
        for (String id : rules) out.write("<option value=\"" + esc(id) + "\">" + esc(id) + "</option>");
        out.write("</select>\n<input id=\"f-q\" type=\"search\" placeholder=\"search findings\" aria-label=\"search\">\n"
                + "<span id=\"f-shown\" role=\"status\">" + total + " of " + total + " shown</span>\n</div>\n");
    }

    /** The per-rule summary: static, with the counts the filters update. */
    private static void rules(Writer out, List<Group> groups) throws IOException {
        if (groups.isEmpty()) {
            out.write("<p>No findings.</p>\n");
            return;
        }
        out.write("<table id=\"rules\"><thead><tr><th>rule</th><th>title</th>");
        for (Severity s : Severity.values()) out.write("<th class=\"num\">" + s.label() + "</th>");
        out.write("<th class=\"num\">findings</th></tr></thead><tbody>\n");
        for (Group g : groups) {
            String id = esc(g.ruleId());
            out.write("<tr data-rule=\"" + id + "\"><td class=\"rule\"><a href=\"#g-" + id + "\">" + id + "</a></td><td>"
                    + esc(g.rule() == null ? g.ruleId() : g.rule().title()) + "</td>");
            for (int n : g.bySeverity()) out.write("<td class=\"num\">" + n + "</td>");
            out.write("<td class=\"num\" id=\"rc-" + id + "\">" + g.entries().size() + "</td></tr>\n");
        }
        out.write("</tbody></table>\n");
    }

    private static void group(Writer out, Group g, int index) throws IOException {
        String id = esc(g.ruleId());
        int n = g.entries().size();
        RuleMeta m = g.rule();
        out.write("<details class=\"group\" id=\"g-" + id + "\" data-rule=\"" + id + "\" data-index=\"" + index + "\" data-start=\""
                + g.start() + "\" data-end=\"" + (g.start() + n) + "\" data-count=\"" + n + "\"><summary><h3><span class=\"sev "
                + g.worst().label() + "\">" + id + "</span> " + esc(m == null ? g.ruleId() : m.title()) + " <span class=\"count\">"
                + n + (n == 1 ? " finding" : " findings") + "</span></h3></summary>\n");
        if (m != null) {
            String help = link(HelpLinks.of(m));
            out.write("<p class=\"why\">Why: " + esc(m.rationale()) + "<br>Source: " + esc(m.source())
                    + (help == null ? "" : " &middot; <a href=\"" + esc(help) + "\" rel=\"noopener noreferrer\">documentation</a>") + "</p>\n");
        }
        out.write("<table><thead><tr><th>severity</th><th>subject</th><th>finding</th><th>where</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < Math.min(n, STATIC_ROWS); i++) row(out, g.entries().get(i));
        out.write("</tbody></table>\n<p class=\"more\">");
        if (n > STATIC_ROWS) out.write((n - STATIC_ROWS) + " more findings of this rule: shown with JavaScript, and in the JSON report.");
        out.write("</p>\n</details>\n");
    }

    /** A help link only when it is a web address (a rule of one's own could give anything). */
    static String link(String uri) {
        if (uri == null) return null;
        String u = uri.strip();
        return u.startsWith("https://") || u.startsWith("http://") ? u : null;
    }

    /** One finding as a static row: the same markup the script builds (report.js, row). */
    private static void row(Writer out, Report.Entry e) throws IOException {
        Finding f = e.finding();
        String sev = e.severity().label();
        out.write("<tr" + (e.waived() ? " class=\"waived\"" : "") + " data-severity=\"" + sev + "\" data-area=\""
                + esc(RuleMeta.areaOf(f.ruleId())) + "\" data-rule=\"" + esc(f.ruleId()) + "\">");
        out.write("<td class=\"sev " + sev + "\">" + sev
                + (e.waived() ? " <span class=\"tag\">waived</span>" : "")
                + (e.status() == Report.BaselineStatus.NEW ? " <span class=\"tag\">new</span>" : "")
                + (e.status() == Report.BaselineStatus.UNCHANGED ? " <span class=\"tag\">unchanged</span>" : "") + "</td>");
        out.write("<td>" + esc(f.subjectName()) + "<br><span class=\"tag\">" + esc(f.subjectKind()) + "</span></td>");
        out.write("<td><details><summary>" + esc(f.message()) + "</summary><div class=\"body\">");
        if (!f.evidence().isEmpty()) {
            out.write("<div>Evidence:</div><ul>");
            for (String ev : f.evidence()) out.write("<li>" + esc(ev) + "</li>");
            out.write("</ul>");
        }
        if (e.remediation() != null) out.write("<div>Fix: " + esc(e.remediation()) + "</div>");
        if (e.waived()) {
            out.write("<div>Waived: " + esc(e.waiver().justification()) + (e.waiver().owner() == null ? "" : " (owner "
                    + esc(e.waiver().owner()) + ")") + (e.waiver().expires() == null ? "" : ", until " + esc(e.waiver().expires())) + "</div>");
        }
        out.write("</div></details></td><td><code>" + esc(f.location().toString()) + "</code>"
                + (f.location().origin() == null ? "" : " <span class=\"from\">(from " + esc(f.location().origin().toString()) + ")</span>")
                + "</td></tr>\n");
    }

    /** A compact generator whose output is safe inside a script element (see {@link ScriptSafe}). */
    static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setCharacterEscapes(ESCAPES);
        return g;
    }

    /**
     * The deployments whose lists are not static: per deployment an array of its recipients (empty for everyone) and
     * of its exclusions, each [user, reason, path].
     */
    static void lists(Writer out, List<Report.DeploymentView> deployments) throws IOException {
        JsonGenerator g = generator(out);
        g.writeStartArray();
        for (Report.DeploymentView d : deployments) {
            g.writeStartArray();
            g.writeStartArray();
            if (!d.audience().everyone()) for (String u : d.audience().recipients()) g.writeString(Text.inert(u));
            g.writeEndArray();
            g.writeStartArray();
            for (dev.preflight.assign.Exclusion x : d.audience().excluded()) {
                g.writeStartArray();
                g.writeString(Text.inert(x.userId()));
                g.writeString(Text.inert(x.reason()));
                g.writeString(Text.inert(x.pathText()));
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndArray();
        }
        g.writeEndArray();
        g.flush();
    }

    /** The JSON block: severities, rules (in group order) and every finding, streamed to {@code out}. */
    private static void data(Writer out, List<Group> groups) throws IOException {
        JsonGenerator g = generator(out);
        g.writeStartObject();
        g.writeArrayFieldStart("severities");
        for (Severity s : Severity.values()) g.writeString(s.label());
        g.writeEndArray();
        g.writeArrayFieldStart("rules");
        for (Group gr : groups) {
            RuleMeta m = gr.rule();
            g.writeStartObject();
            g.writeStringField("id", Text.inert(gr.ruleId()));
            g.writeStringField("area", Text.inert(RuleMeta.areaOf(gr.ruleId())));
            g.writeStringField("title", Text.inert(m == null ? gr.ruleId() : m.title()));
            g.writeStringField("why", m == null ? "" : Text.inert(m.rationale()));
            g.writeStringField("source", m == null ? "" : Text.inert(m.source()));
            g.writeStringField("fix", m == null || m.remediation() == null ? null : Text.inert(m.remediation()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("findings");
        for (int i = 0; i < groups.size(); i++) {
            Group gr = groups.get(i);
            String ruleFix = gr.rule() == null ? null : gr.rule().remediation();
            for (Report.Entry e : gr.entries()) finding(g, e, i, ruleFix);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
    }

    private static void finding(JsonGenerator g, Report.Entry e, int rule, String ruleFix) throws IOException {
        Finding f = e.finding();
        g.writeStartArray();
        g.writeNumber(rule);
        g.writeNumber(e.severity().ordinal());
        g.writeString(Text.inert(f.subjectName()));
        g.writeString(Text.inert(f.subjectKind()));
        g.writeString(Text.inert(f.message()));
        g.writeStartArray();
        for (String ev : f.evidence()) g.writeString(Text.inert(ev));
        g.writeEndArray();
        String fix = e.remediation();
        if (Objects.equals(fix, ruleFix)) g.writeNull();
        else g.writeString(Text.inert(fix));
        g.writeString(Text.inert(f.location().toString()));
        if (f.location().origin() == null) g.writeNull();
        else g.writeString(Text.inert(f.location().origin().toString()));
        if (e.waived()) {
            g.writeStartArray();
            g.writeString(Text.inert(e.waiver().justification()));
            if (e.waiver().owner() == null) g.writeNull();
            else g.writeString(Text.inert(e.waiver().owner()));
            if (e.waiver().expires() == null) g.writeNull();
            else g.writeString(Text.inert(e.waiver().expires()));
            g.writeEndArray();
        } else {
            g.writeNull();
        }
        g.writeNumber(e.status() == null ? 0 : e.status() == Report.BaselineStatus.NEW ? 1 : 2);
        g.writeEndArray();
    }
}
