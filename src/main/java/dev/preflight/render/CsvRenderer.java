package dev.preflight.render;

import dev.preflight.engine.Finding;
import dev.preflight.report.Report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One row per finding for a spreadsheet; RFC 4180 quoting, and cells that would start a formula neutralised. The
 * {@code override} column says what the config changed for the finding's rule; after the findings, one row per
 * baseline finding that is gone ({@code baseline} fixed) and, with a config, one row per config line (subject kind
 * {@code config}), the DATA-004-disabled warning first.
 */
public final class CsvRenderer implements Renderer {
    static final List<String> HEADER = List.of("severity", "ruleId", "title", "subjectKind", "subjectId", "subjectName",
            "context", "message", "evidence", "file", "line", "column", "remediation", "source", "waived", "waiver",
            "baseline", "override");

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String description() {
        return "one row per finding, for spreadsheets";
    }

    @Override
    public void render(Report r, Writer out) throws IOException {
        row(out, HEADER);
        for (Report.Entry e : r.entries()) {
            Finding f = e.finding();
            row(out, List.of(e.severity().label(), f.ruleId(), e.rule() == null ? "" : e.rule().title(), f.subjectKind(),
                    f.subjectId(), f.subjectName(), nz(f.context()), f.message(), String.join("; ", f.evidence()),
                    f.location().file(), String.valueOf(f.location().line()), String.valueOf(f.location().column()),
                    nz(e.remediation()), e.rule() == null ? "" : nz(e.rule().source()),
                    e.waived() ? "yes" : "no", e.waived() ? e.waiver().justification() : "",
                    e.status() == null ? "" : e.status().name().toLowerCase(java.util.Locale.ROOT),
                    String.join("; ", r.overrides().stream().filter(o -> f.ruleId().equals(o.ruleId())).map(Report.Override::text).toList())));
        }
        for (Report.Fixed f : r.fixed()) {
            row(out, List.of("", f.ruleId(), r.catalog().containsKey(f.ruleId()) ? r.catalog().get(f.ruleId()).title() : "",
                    f.subjectKind(), f.subjectId(), "", "", f.message(), "", f.location().file(), String.valueOf(f.location().line()),
                    String.valueOf(f.location().column()), "", "", "no", "", "fixed", ""));
        }
        if (r.hiddenWarning() != null) configRow(out, r, "warning", Report.COULD_NOT_VERIFY, r.hiddenWarning());
        for (String line : r.configLines()) configRow(out, r, "", "", line);
    }

    private static void configRow(Writer out, Report r, String severity, String ruleId, String text) throws IOException {
        row(out, List.of(severity, ruleId, "", "config", nz(r.configFile()), "", "", text, "", nz(r.configFile()), "", "", "", "", "no",
                "", "", text));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** One CSV record (RFC 4180, CRLF), each cell through {@link #cell}: the one place CSV is written. */
    static void row(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.write(',');
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** A cell: formula-leading text prefixed with an apostrophe, then quoted when needed. */
    static String cell(String raw) {
        String s = Text.inert(raw);
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
