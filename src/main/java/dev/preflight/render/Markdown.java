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
    public boolean complete() {
        return false;
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
        StringBuilder head = new StringBuilder();
        head.append("## Preflight: ").append(escape(r.tenantName() == null ? "tenant" : r.tenantName())).append("\n\n");
        String verdict = r.failOn() == null ? "Checked (no --fail-on threshold)."
                : r.failing() == 0 ? "No finding at or above **" + r.failOn().label() + "**."
                : "**" + r.failing() + "** finding" + (r.failing() == 1 ? "" : "s") + " at or above **" + r.failOn().label() + "**.";
        head.append(verdict).append("\n\n");
        if (r.hiddenWarning() != null) head.append("> [!WARNING]\n> **").append(escape(r.hiddenWarning())).append("**\n\n");
        head.append("| error | warning | info | could not verify | waived |\n| ---: | ---: | ---: | ---: | ---: |\n");
        head.append("| ").append(c.get(Severity.ERROR)).append(" | ").append(c.get(Severity.WARNING)).append(" | ")
                .append(c.get(Severity.INFO)).append(" | ").append(r.couldNotVerify())
                .append(r.couldNotVerifyHidden() ? " (DATA-004 disabled)" : "").append(" | ").append(r.waivedCount()).append(" |\n\n");
        if (r.baseline()) {
            head.append("Against the baseline: ").append(r.count(Report.BaselineStatus.NEW)).append(" new, ")
                    .append(r.count(Report.BaselineStatus.UNCHANGED)).append(" unchanged, ").append(r.fixed().size()).append(" fixed.\n\n");
        }
        List<String> config = r.configLines();
        if (!config.isEmpty()) {
            head.append("**Config**\n\n");
            for (String line : config) head.append("- ").append(escape(line)).append("\n");
            head.append("\n");
        }
        String tail = "<sub>" + escape(r.toolName() + " " + r.toolVersion()) + ", snapshot sha256 `"
                + r.snapshotSha256().substring(0, 12) + "`</sub>\n";
        // Already Markdown: file names as code spans.
        String where = r.outputs().isEmpty() ? "write it with `--format html=FILE` or `--format json=FILE`"
                : "see " + String.join(", ", r.outputs().stream().map(Markdown::code).toList());
        // Room for the closing lines of the sections cut short.
        Budget b = new Budget(LIMIT - head.length() - tail.length() - 4 * (where.length() + 120));
        List<Report.Entry> live = r.live();
        List<Report.Entry> top = live.stream().limit(TOP).toList();
        StringBuilder body = new StringBuilder();
        if (!top.isEmpty()) {
            body.append("### Top findings\n\n").append(TABLE);
            for (Report.Entry e : top) if (!b.add(body, row(e))) break;
            body.append("\n");
        }
        b.add(body, ReadinessMarkdown.section(r, b.left / 3));
        if (live.size() > top.size()) {
            section(body, b, "All " + live.size() + " findings", TABLE, live.stream().map(Markdown::row).toList(), where);
        }
        List<Report.Entry> waived = r.waived();
        if (!waived.isEmpty()) {
            section(body, b, waived.size() + " waived (not counted, do not fail the run)",
                    "| severity | rule | subject | finding | waived because | owner, until | waiver |\n| --- | --- | --- | --- | --- | --- | --- |\n",
                    waived.stream().map(Markdown::waivedRow).toList(), where);
        }
        if (!r.fixed().isEmpty()) {
            section(body, b, r.fixed().size() + " fixed since the baseline", "| rule | subject | finding |\n| --- | --- | --- |\n",
                    r.fixed().stream().map(f -> "| " + f.ruleId() + " | " + escape(f.subjectKind() + " " + f.subjectId()) + " | "
                            + escape(f.message()) + " |\n").toList(), where);
        }
        int notes = 0;
        for (String note : r.notes()) {
            if (!b.add(body, "> " + escape(note) + "\n")) {
                body.append("> ... and ").append(r.notes().size() - notes).append(" more notes; ").append(where).append("\n");
                break;
            }
            notes++;
        }
        if (!r.notes().isEmpty()) body.append("\n");
        out.write(head.toString());
        out.write(body.toString());
        out.write(tail);
    }

    /** GitHub refuses a pull-request or issue comment over 65,536 characters ("Body is too long (maximum is 65536 characters)"). */
    public static final int LIMIT = 65_536;

    static final String TABLE = "| severity | rule | subject | finding | where |\n| --- | --- | --- | --- | --- |\n";

    /** Characters left for rows. */
    private static final class Budget {
        int left;

        Budget(int left) {
            this.left = left;
        }

        boolean add(StringBuilder to, String text) {
            if (text.length() > left) return false;
            left -= text.length();
            to.append(text);
            return true;
        }
    }

    /** A folded section of rows, cut short with a count of the rest and where the full report is. */
    private static void section(StringBuilder body, Budget b, String summary, String header, List<String> rows, String where) {
        String open = "<details><summary>" + escape(summary) + "</summary>\n\n" + header;
        if (!b.add(body, open)) {
            body.append("_").append(escape(summary)).append(": not shown (GitHub's comment limit); ").append(where).append("._\n\n");
            return;
        }
        int shown = 0;
        for (String row : rows) {
            if (!b.add(body, row)) break;
            shown++;
        }
        if (shown < rows.size()) {
            body.append("\n_... and ").append(rows.size() - shown).append(" more not shown here (GitHub's comment limit); ")
                    .append(where).append("._\n");
        }
        body.append("\n</details>\n\n");
    }

    /** A code span of one line of text (a file name); backticks cannot occur inside, so they become quotes. */
    static String code(String s) {
        return "`" + Text.oneLine(s).replace('`', '\'') + "`";
    }

    private static String row(Report.Entry e) {
        Finding f = e.finding();
        String sev = e.severity().label() + (e.waived() ? " (waived)" : "")
                + (e.status() == Report.BaselineStatus.NEW ? " (new)" : e.status() == Report.BaselineStatus.UNCHANGED ? " (unchanged)" : "");
        StringBuilder b = new StringBuilder("| " + sev + " | " + f.ruleId() + " | " + escape(f.subjectName()) + " | " + escape(f.message()));
        if (!f.evidence().isEmpty()) b.append("<br>").append(escape(String.join("; ", f.evidence())));
        return b.append(" | ").append(escape(f.location().toString())).append(" |\n").toString();
    }

    private static String waivedRow(Report.Entry e) {
        Finding f = e.finding();
        Report.Waiver w = e.waiver();
        return "| " + e.severity().label() + (e.status() == Report.BaselineStatus.NEW ? " (new)" : "") + " | " + f.ruleId() + " | "
                + escape(f.subjectName()) + " | " + escape(f.message()) + " | " + escape(w.justification()) + " | "
                + escape((w.owner() == null ? "" : w.owner()) + (w.expires() == null ? "" : " until " + w.expires())) + " | "
                + escape(w.location()) + " |\n";
    }
}
