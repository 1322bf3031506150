package dev.preflight.render;

import dev.preflight.engine.Finding;
import dev.preflight.engine.Severity;
import dev.preflight.report.Report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/** A summary fit for a pull-request comment: counts, the top findings, everything else folded. */
public final class Markdown implements Renderer {
    static final int TOP = 10;

    @Override
    public String name() {
        return "markdown";
    }

    @Override
    public String extension() {
        return "md";
    }

    @Override
    public String description() {
        return "summary for a pull-request comment";
    }

    /**
     * Escapes the characters that would change Markdown structure; tenant text stays inert and on one line, and an
     * {@code @name} in it does not notify anyone where the summary is posted (a pull-request comment).
     */
    public static String escape(String s) {
        String t = Text.oneLine(s);
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ("\\`*_{}[]()<>#+-.!|~&".indexOf(c) >= 0) {
                if (c == '<') b.append("&lt;");
                else if (c == '>') b.append("&gt;");
                else if (c == '&') b.append("&amp;");
                else b.append('\\').append(c);
            } else if (c == '@' && (i == 0 || !Character.isLetterOrDigit(t.charAt(i - 1)) && t.charAt(i - 1) != '_')) {
                // no mention (an address such as bert@fabrikam.com mentions nobody and stays as it is):
                // a zero-width space after @, as an entity, so the text reads the same
                b.append("@&#8203;");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public void render(Report r, Writer out) throws IOException {
        Map<Severity, Integer> c = r.counts();
        out.write("## Preflight: " + escape(r.tenantName() == null ? "tenant" : r.tenantName()) + "\n\n");
        String verdict = r.failOn() == null ? "Checked (no --fail-on threshold)."
                : r.failing() == 0 ? "No finding at or above **" + r.failOn().label() + "**."
                : "**" + r.failing() + "** finding" + (r.failing() == 1 ? "" : "s") + " at or above **" + r.failOn().label() + "**.";
        out.write(verdict + "\n\n");
        out.write("| error | warning | info | could not verify | waived |\n| ---: | ---: | ---: | ---: | ---: |\n");
        out.write("| " + c.get(Severity.ERROR) + " | " + c.get(Severity.WARNING) + " | " + c.get(Severity.INFO) + " | "
                + r.couldNotVerify() + " | " + r.waivedCount() + " |\n\n");
        if (r.baseline()) {
            long fresh = r.entries().stream().filter(e -> e.status() == Report.BaselineStatus.NEW).count();
            out.write("Against the baseline: " + fresh + " new, " + (r.entries().size() - fresh) + " unchanged, "
                    + r.fixed().size() + " fixed.\n\n");
        }
        List<Report.Entry> top = r.entries().stream().filter(e -> !e.waived()).limit(TOP).toList();
        if (!top.isEmpty()) {
            out.write("### Top findings\n\n| severity | rule | subject | finding | where |\n| --- | --- | --- | --- | --- |\n");
            for (Report.Entry e : top) row(out, e);
            out.write("\n");
        }
        if (r.entries().size() > top.size()) {
            out.write("<details><summary>All " + r.entries().size() + " findings</summary>\n\n");
            out.write("| severity | rule | subject | finding | where |\n| --- | --- | --- | --- | --- |\n");
            for (Report.Entry e : r.entries()) row(out, e);
            out.write("\n</details>\n\n");
        }
        for (String note : r.notes()) out.write("> " + escape(note) + "\n");
        if (!r.notes().isEmpty()) out.write("\n");
        out.write("<sub>" + escape(r.toolName() + " " + r.toolVersion()) + ", snapshot sha256 `"
                + r.snapshotSha256().substring(0, 12) + "`</sub>\n");
    }

    private static void row(Writer out, Report.Entry e) throws IOException {
        Finding f = e.finding();
        String sev = e.severity().label() + (e.waived() ? " (waived)" : "")
                + (e.status() == Report.BaselineStatus.NEW ? " (new)" : "");
        out.write("| " + sev + " | " + f.ruleId() + " | " + escape(f.subjectName()) + " | " + escape(f.message()));
        if (!f.evidence().isEmpty()) out.write("<br>" + escape(String.join("; ", f.evidence())));
        out.write(" | " + escape(f.location().toString()) + " |\n");
    }
}
