package dev.preflight.render;

import dev.preflight.engine.Severity;
import dev.preflight.report.Report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * For a person at a terminal: findings grouped by severity, each with its evidence and the fix. Colour only when
 * asked for (the CLI asks on a terminal, unless NO_COLOR is set); tenant text never carries control characters.
 */
public final class TextRenderer implements Renderer {
    private final boolean color;

    public TextRenderer() {
        this(false);
    }

    public TextRenderer(boolean color) {
        this.color = color;
    }

    /** Colour on an interactive terminal unless NO_COLOR is set (https://no-color.org). */
    public static boolean colorWanted(boolean terminal, java.util.Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
    }

    private String paint(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }

    private static String code(Severity s) {
        return switch (s) {
            case ERROR -> "1;31";
            case WARNING -> "1;33";
            case INFO -> "1;36";
        };
    }
    @Override
    public String name() {
        return "text";
    }

    @Override
    public String extension() {
        return "txt";
    }

    @Override
    public String description() {
        return "for a terminal, grouped by severity (default, to standard output)";
    }

    @Override
    public void render(Report r, Writer out) throws IOException {
        out.write(r.toolName() + " " + r.toolVersion() + ": tenant '" + Text.oneLine(r.tenantName() == null ? "?" : r.tenantName())
                + "', " + r.files().size() + " file" + (r.files().size() == 1 ? "" : "s") + "\n");
        List<String> config = r.configLines();
        for (int i = 0; i < config.size(); i++) out.write((i == 0 ? "" : "  ") + Text.oneLine(config.get(i)) + "\n");
        if (r.hiddenWarning() != null) out.write("\n" + paint("1;31", "WARNING: " + Text.oneLine(r.hiddenWarning())) + "\n");
        for (Severity s : Severity.values()) {
            boolean header = false;
            for (Report.Entry e : r.live()) {
                if (e.severity() != s) continue;
                if (!header) {
                    out.write("\n" + paint(code(s), s.label().toUpperCase(java.util.Locale.ROOT)) + "\n");
                    header = true;
                }
                entry(out, e);
            }
        }
        List<Report.Entry> waived = r.waived();
        if (!waived.isEmpty()) {
            out.write("\n" + paint("2", "WAIVED (not counted, do not fail the run)") + "\n");
            for (Report.Entry e : waived) {
                entry(out, e);
                Report.Waiver w = e.waiver();
                out.write("    waived: " + Text.oneLine(w.justification()) + (w.owner() == null ? "" : "; owner " + Text.oneLine(w.owner()))
                        + (w.expires() == null ? "" : "; until " + w.expires()) + " (" + Text.oneLine(w.location()) + ")\n");
            }
        }
        if (!r.fixed().isEmpty()) {
            out.write("\nFIXED since the baseline\n");
            for (Report.Fixed f : r.fixed()) {
                out.write("  " + f.ruleId() + "  " + Text.oneLine(f.subjectKind() + " " + f.subjectId()) + ": " + Text.oneLine(f.message()) + "\n");
            }
        }
        if (!r.notes().isEmpty()) {
            out.write("\nnotes:\n");
            for (String n : r.notes()) out.write("  " + Text.oneLine(n) + "\n");
        }
        Map<Severity, Integer> c = r.counts();
        out.write("\n" + c.get(Severity.ERROR) + " error" + plural(c.get(Severity.ERROR)) + ", "
                + c.get(Severity.WARNING) + " warning" + plural(c.get(Severity.WARNING)) + ", "
                + c.get(Severity.INFO) + " info; could not verify: " + r.couldNotVerify()
                + (r.couldNotVerifyHidden() ? " (DATA-004 DISABLED: " + r.hidden().get(Report.COULD_NOT_VERIFY) + " hidden)" : "")
                + (waived.isEmpty() ? "" : "; waived: " + waived.size()) + "\n");
        if (r.baseline()) {
            out.write("against the baseline: " + r.count(Report.BaselineStatus.NEW) + " new, "
                    + r.count(Report.BaselineStatus.UNCHANGED) + " unchanged, " + r.fixed().size() + " fixed\n");
        }
        if (r.timingsNanos() != null) {
            out.write("timings:");
            for (var t : r.timingsNanos().entrySet()) out.write(String.format(" %s %.3fs", t.getKey(), t.getValue() / 1e9));
            out.write("\n");
        }
    }

    private void entry(Writer out, Report.Entry e) throws IOException {
        var f = e.finding();
        String mark = e.status() == Report.BaselineStatus.NEW ? "  [new]" : e.status() == Report.BaselineStatus.UNCHANGED ? "  [unchanged]" : "";
        out.write("  " + paint("1", f.ruleId()) + "  " + Text.oneLine(f.location().toString())
                + (f.location().origin() == null ? "" : "  (from " + Text.oneLine(f.location().origin().toString()) + ")") + mark + "\n");
        out.write("    " + Text.oneLine(f.message()) + "\n");
        for (String ev : f.evidence()) out.write("      - " + Text.oneLine(ev) + "\n");
        if (e.remediation() != null && !"DATA-004".equals(f.ruleId())) {
            out.write("    fix: " + Text.oneLine(e.remediation()) + "\n");
        }
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
