package dev.preflight.render;

import dev.preflight.engine.Severity;
import dev.preflight.report.Report;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/** For a person at a terminal: findings grouped by severity, each with its evidence and the fix. */
public final class TextRenderer implements Renderer {
    @Override
    public String name() {
        return "text";
    }

    @Override
    public String description() {
        return "for a terminal, grouped by severity (default, to standard output)";
    }

    @Override
    public void render(Report r, Writer out) throws IOException {
        out.write(r.toolName() + " " + r.toolVersion() + ": tenant '" + Text.oneLine(r.tenantName() == null ? "?" : r.tenantName())
                + "', " + r.files().size() + " file" + (r.files().size() == 1 ? "" : "s") + "\n");
        for (Severity s : Severity.values()) {
            boolean header = false;
            for (Report.Entry e : r.entries()) {
                if (e.severity() != s) continue;
                if (!header) {
                    out.write("\n" + s.label().toUpperCase(java.util.Locale.ROOT) + "\n");
                    header = true;
                }
                var f = e.finding();
                out.write("  " + f.ruleId() + "  " + f.location() + "\n");
                out.write("    " + Text.oneLine(f.message()) + "\n");
                for (String ev : f.evidence()) out.write("      - " + Text.oneLine(ev) + "\n");
                if (e.rule() != null && e.rule().remediation() != null && !"DATA-004".equals(f.ruleId())) {
                    out.write("    fix: " + Text.oneLine(e.rule().remediation()) + "\n");
                }
            }
        }
        Map<Severity, Integer> c = r.counts();
        out.write("\n" + c.get(Severity.ERROR) + " error" + plural(c.get(Severity.ERROR)) + ", "
                + c.get(Severity.WARNING) + " warning" + plural(c.get(Severity.WARNING)) + ", "
                + c.get(Severity.INFO) + " info; could not verify: " + r.couldNotVerify() + "\n");
        if (r.timingsNanos() != null) {
            out.write("timings:");
            for (var t : r.timingsNanos().entrySet()) out.write(String.format(" %s %.3fs", t.getKey(), t.getValue() / 1e9));
            out.write("\n");
        }
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
