package dev.preflight.render;

import dev.preflight.engine.Finding;
import dev.preflight.engine.Severity;
import dev.preflight.report.Report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub Actions workflow commands: annotations on the YAML line of each subject, the most severe first, within the
 * limits GitHub shows, and one summary notice with the counts, what is not annotated, the waived findings, the
 * baseline, the config overrides and where the full report is.
 */
public final class GithubRenderer implements Renderer {
    /**
     * Annotations of one kind (error, warning, notice) GitHub shows per step; a job shows 50 in all. Documented in
     * actions/toolkit docs/problem-matchers.md, "Limitations": "10 warning annotations, 10 error annotations, and
     * 10 notice annotations per step; 50 annotations per job (sum of annotations from all the steps)". One warning
     * slot is kept for the DATA-004-disabled warning and one notice slot for the summary, so this step never needs
     * more than 30.
     */
    public static final int PER_KIND = 10;

    @Override
    public String name() {
        return "github";
    }

    @Override
    public boolean complete() {
        return false;
    }

    @Override
    public String description() {
        return "GitHub Actions annotations (::error file=...,line=...::), within GitHub's 10 per kind and step";
    }

    private static String command(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
    }

    @Override
    public void render(Report r, Writer out) throws IOException {
        Map<Severity, Integer> room = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) room.put(s, PER_KIND);
        room.merge(Severity.INFO, -1, Integer::sum);
        if (r.hiddenWarning() != null) {
            room.merge(Severity.WARNING, -1, Integer::sum);
            out.write("::warning title=" + property("Preflight: could not verify is hidden") + "::" + data(r.hiddenWarning()) + "\n");
        }
        Map<Severity, Integer> shown = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) shown.put(s, 0);
        // The most severe first; within a severity, findings new since the baseline before unchanged ones.
        List<Report.Entry> order = r.live().stream().sorted(java.util.Comparator.comparingInt((Report.Entry e) -> e.severity().ordinal())
                .thenComparingInt(e -> e.status() == Report.BaselineStatus.UNCHANGED ? 1 : 0)).toList();
        for (Report.Entry e : order) {
            if (shown.get(e.severity()) >= room.get(e.severity())) continue;
            shown.merge(e.severity(), 1, Integer::sum);
            annotate(out, e);
        }
        out.write("::notice title=" + property("Preflight summary") + "::" + data(summary(r, shown)) + "\n");
    }

    private static void annotate(Writer out, Report.Entry e) throws IOException {
        Finding f = e.finding();
        StringBuilder b = new StringBuilder("::").append(command(e.severity())).append(" file=").append(property(f.location().file()));
        if (f.location().line() > 0) {
            b.append(",line=").append(f.location().line()).append(",col=").append(f.location().column());
        }
        String mark = e.status() == Report.BaselineStatus.NEW ? " [new]" : e.status() == Report.BaselineStatus.UNCHANGED ? " [unchanged]" : "";
        String title = f.ruleId() + mark + (e.rule() == null ? "" : " " + e.rule().title());
        b.append(",title=").append(property(title)).append("::");
        StringBuilder msg = new StringBuilder(f.message());
        for (String ev : f.evidence()) msg.append("\n- ").append(ev);
        b.append(data(msg.toString()));
        out.write(b.append('\n').toString());
    }

    /** The summary notice: counts, what is not annotated, waived, baseline, config, notes, the full report. */
    static String summary(Report r, Map<Severity, Integer> shown) {
        Map<Severity, Integer> c = r.counts();
        StringBuilder b = new StringBuilder();
        b.append(c.get(Severity.ERROR)).append(" error(s), ").append(c.get(Severity.WARNING)).append(" warning(s), ")
                .append(c.get(Severity.INFO)).append(" info; could not verify: ").append(r.couldNotVerify())
                .append("; waived: ").append(r.waivedCount()).append(" (not annotated)");
        if (r.failOn() != null) b.append("; failing at or above ").append(r.failOn().label()).append(": ").append(r.failing());
        List<String> rest = new ArrayList<>();
        for (Severity s : Severity.values()) {
            int n = c.get(s) - shown.get(s);
            if (n > 0) rest.add(n + " " + s.label());
        }
        b.append(rest.isEmpty() ? "\nEvery live finding is annotated."
                : "\nNot annotated (GitHub shows " + PER_KIND + " annotations of each kind per step; the most severe are above): "
                + String.join(", ", rest) + ".");
        if (r.baseline()) {
            b.append("\nAgainst the baseline: ").append(r.count(Report.BaselineStatus.NEW)).append(" new, ")
                    .append(r.count(Report.BaselineStatus.UNCHANGED)).append(" unchanged, ").append(r.fixed().size()).append(" fixed.");
        }
        for (String line : r.configLines()) b.append("\n").append(line);
        for (String n : r.notes()) b.append("\nnote: ").append(n);
        b.append("\nFull report: ").append(r.outputs().isEmpty()
                ? "not written; add e.g. --format html=preflight.html --format sarif=preflight.sarif"
                : String.join(", ", r.outputs()));
        return b.toString();
    }

    /** Escaping of a workflow command's message. */
    static String data(String s) {
        return Text.inert(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escaping of a workflow command's property value. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
