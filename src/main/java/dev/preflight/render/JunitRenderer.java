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
 * threshold fail; those below pass with their message as output; waived ones are skipped with the waiver's reason;
 * a rule without findings is one passing case, a rule the config disables one skipped case saying how many findings
 * it hid. With a baseline, messages say new or unchanged and each fixed finding is a passing case. A config in use
 * is a first suite, "Preflight config", whose properties and output say the file and every change.
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
        Map<String, List<Report.Fixed>> fixed = new LinkedHashMap<>();
        for (Report.Fixed f : r.fixed()) {
            byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>());
            fixed.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
        }
        List<String> config = new ArrayList<>(r.configLines());
        boolean configSuite = !config.isEmpty() || !r.notes().isEmpty();
        int tests = configSuite ? 1 : 0;
        int failures = 0;
        int skipped = 0;
        for (Map.Entry<String, List<Report.Entry>> rule : byRule.entrySet()) {
            List<Report.Entry> es = rule.getValue();
            int cases = es.size() + fixed.getOrDefault(rule.getKey(), List.of()).size();
            tests += Math.max(1, cases);
            if (cases == 0 && r.hidden().containsKey(rule.getKey())) skipped++;
            for (Report.Entry e : es) {
                if (e.waived()) skipped++;
                else if (r.failing(e)) failures++;
            }
        }
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuites name=\"" + attr(r.toolName() + " " + nz(r.tenantName())) + "\" tests=\"" + tests
                + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"" + skipped + "\">\n");
        if (configSuite) configSuite(out, r);
        for (Map.Entry<String, List<Report.Entry>> rule : byRule.entrySet()) {
            List<Report.Entry> es = rule.getValue();
            List<Report.Fixed> gone = fixed.getOrDefault(rule.getKey(), List.of());
            RuleMeta m = r.catalog().get(rule.getKey());
            int cases = es.size() + gone.size();
            Integer hidden = r.hidden().get(rule.getKey());
            int f = (int) es.stream().filter(e -> !e.waived() && r.failing(e)).count();
            int s = (int) es.stream().filter(Report.Entry::waived).count() + (cases == 0 && hidden != null ? 1 : 0);
            out.write("  <testsuite name=\"" + attr(rule.getKey() + (m == null ? "" : " " + m.title())) + "\" tests=\""
                    + Math.max(1, cases) + "\" failures=\"" + f + "\" errors=\"0\" skipped=\"" + s + "\">\n");
            if (cases == 0 && hidden != null) {
                String why = Report.COULD_NOT_VERIFY.equals(rule.getKey()) ? r.hiddenWarning()
                        : "disabled by " + r.configFile() + ": " + hidden + " finding" + (hidden == 1 ? "" : "s") + " hidden";
                out.write("    <testcase classname=\"preflight." + attr(rule.getKey()) + "\" name=\"disabled by the config\">\n"
                        + "      <skipped message=\"" + attr(why) + "\"/>\n    </testcase>\n");
            } else if (cases == 0) {
                out.write("    <testcase classname=\"preflight." + attr(rule.getKey()) + "\" name=\"no findings\"/>\n");
            }
            for (Report.Entry e : es) testcase(out, r, e);
            for (Report.Fixed x : gone) {
                out.write("    <testcase classname=\"preflight." + attr(x.ruleId()) + "\" name=\"" + attr(x.subjectKind() + " " + x.subjectId()
                        + " (fixed since the baseline)") + "\">\n      <system-out>" + text("fixed since the baseline: " + x.message())
                        + "</system-out>\n    </testcase>\n");
            }
            out.write("  </testsuite>\n");
        }
        out.write("</testsuites>\n");
    }

    /** The config file used, each change and the notes, as a suite of one passing case (with the warning, if any). */
    private static void configSuite(Writer out, Report r) throws IOException {
        out.write("  <testsuite name=\"Preflight config\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n");
        out.write("    <properties>\n");
        if (r.configFile() != null) {
            out.write("      <property name=\"config\" value=\"" + attr(r.configFile()) + "\"/>\n");
            out.write("      <property name=\"config.fromWorkingFolder\" value=\"" + r.configFromWorkingFolder() + "\"/>\n");
        }
        for (Report.Override o : r.overrides()) {
            out.write("      <property name=\"" + attr((o.ruleId() == null ? "" : o.ruleId() + ".") + o.setting()) + "\" value=\""
                    + attr(o.value() + " (" + o.location() + ")") + "\"/>\n");
        }
        out.write("    </properties>\n");
        StringBuilder body = new StringBuilder();
        if (r.hiddenWarning() != null) body.append("WARNING: ").append(r.hiddenWarning()).append('\n');
        for (String line : r.configLines()) body.append(line).append('\n');
        for (String n : r.notes()) body.append("note: ").append(n).append('\n');
        out.write("    <testcase classname=\"preflight.config\" name=\"config and notes\">\n      <system-out>" + text(body.toString())
                + "</system-out>\n    </testcase>\n  </testsuite>\n");
    }

    private static String mark(Report.Entry e) {
        return e.status() == Report.BaselineStatus.NEW ? "[new] " : e.status() == Report.BaselineStatus.UNCHANGED ? "[unchanged] " : "";
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
        if (e.remediation() != null) body.append("\nfix: ").append(e.remediation());
        if (e.waived()) {
            Report.Waiver w = e.waiver();
            out.write("      <skipped message=\"" + attr(mark(e) + "waived: " + w.justification() + (w.owner() == null ? "" : "; owner " + w.owner())
                    + (w.expires() == null ? "" : "; until " + w.expires()) + " (" + w.location() + ")") + "\"/>\n");
        } else if (r.failing(e)) {
            out.write("      <failure type=\"" + e.severity().label() + "\" message=\"" + attr(mark(e) + f.message()) + "\">"
                    + text(mark(e) + body) + "</failure>\n");
        } else {
            out.write("      <system-out>" + text(mark(e) + e.severity().label() + ": " + body) + "</system-out>\n");
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
