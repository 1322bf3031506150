package dev.preflight.render;

import dev.preflight.engine.Finding;
import dev.preflight.engine.RuleMeta;
import dev.preflight.report.Report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML for CI test tabs: a test suite per rule, a test case per rule and subject. Findings at or above the
 * threshold fail; those below pass with their message as output; waived ones are skipped; a rule without
 * findings is one passing case.
 */
public final class JunitRenderer implements Renderer {
    @Override
    public String name() {
        return "junit";
    }

    @Override
    public String extension() {
        return "xml";
    }

    @Override
    public String description() {
        return "JUnit XML for CI test-result tabs";
    }

    @Override
    public void render(Report r, Writer out) throws IOException {
        Map<String, List<Report.Entry>> byRule = new LinkedHashMap<>();
        for (RuleMeta m : r.catalog().values()) byRule.put(m.id(), new ArrayList<>());
        for (Report.Entry e : r.entries()) byRule.computeIfAbsent(e.finding().ruleId(), k -> new ArrayList<>()).add(e);
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        for (List<Report.Entry> es : byRule.values()) {
            tests += Math.max(1, es.size());
            for (Report.Entry e : es) {
                if (e.waived()) skipped++;
                else if (r.failing(e)) failures++;
            }
        }
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuites name=\"" + attr(r.toolName() + " " + nz(r.tenantName())) + "\" tests=\"" + tests
                + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"" + skipped + "\">\n");
        for (Map.Entry<String, List<Report.Entry>> rule : byRule.entrySet()) {
            List<Report.Entry> es = rule.getValue();
            RuleMeta m = r.catalog().get(rule.getKey());
            int f = (int) es.stream().filter(e -> !e.waived() && r.failing(e)).count();
            int s = (int) es.stream().filter(Report.Entry::waived).count();
            out.write("  <testsuite name=\"" + attr(rule.getKey() + (m == null ? "" : " " + m.title())) + "\" tests=\""
                    + Math.max(1, es.size()) + "\" failures=\"" + f + "\" errors=\"0\" skipped=\"" + s + "\">\n");
            if (es.isEmpty()) {
                out.write("    <testcase classname=\"preflight." + attr(rule.getKey()) + "\" name=\"no findings\"/>\n");
            }
            for (Report.Entry e : es) testcase(out, r, e);
            out.write("  </testsuite>\n");
        }
        out.write("</testsuites>\n");
    }

    private static void testcase(Writer out, Report r, Report.Entry e) throws IOException {
        Finding f = e.finding();
        String name = f.subjectKind() + " " + f.subjectId() + (f.context() == null ? "" : " in " + f.context())
                + (f.about() == null ? "" : " (" + f.about() + ")");
        out.write("    <testcase classname=\"preflight." + attr(f.ruleId()) + "\" name=\"" + attr(name)
                + "\" file=\"" + attr(f.location().file()) + "\" line=\"" + f.location().line() + "\">\n");
        StringBuilder body = new StringBuilder(f.message());
        for (String ev : f.evidence()) body.append("\n- ").append(ev);
        body.append("\nat ").append(f.location());
        if (e.rule() != null && e.rule().remediation() != null) body.append("\nfix: ").append(e.rule().remediation());
        if (e.waived()) {
            out.write("      <skipped message=\"" + attr("waived: " + e.waiver().justification()) + "\"/>\n");
        } else if (r.failing(e)) {
            out.write("      <failure type=\"" + e.severity().label() + "\" message=\"" + attr(f.message()) + "\">"
                    + text(body.toString()) + "</failure>\n");
        } else {
            out.write("      <system-out>" + text(e.severity().label() + ": " + body) + "</system-out>\n");
        }
        out.write("    </testcase>\n");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Text content: XML-escaped, with characters XML 1.0 cannot carry removed and deceptive ones shown. */
    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
                continue;
            }
            boolean legal = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!legal || (c >= 0x7f && c < 0xa0)) continue;
            if (Text.deceptive(c)) {
                b.append(String.format("&lt;U+%04X&gt;", (int) c)); // shown, as in the text report
                continue;
            }
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** An attribute value: like text, plus quotes and line breaks as character references. */
    static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("'", "&apos;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
    }
}
