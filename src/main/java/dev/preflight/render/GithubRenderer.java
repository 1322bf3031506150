package dev.preflight.render;

import dev.preflight.engine.Finding;
import dev.preflight.report.Report;

import java.io.IOException;
import java.io.Writer;

/** GitHub Actions workflow commands: one annotation per finding, on the YAML line of its subject. */
public final class GithubRenderer implements Renderer {
    @Override
    public String name() {
        return "github";
    }

    @Override
    public String description() {
        return "GitHub Actions annotations (::error file=...,line=...::)";
    }

    @Override
    public void render(Report r, Writer out) throws IOException {
        for (Report.Entry e : r.entries()) {
            if (e.waived()) continue;
            Finding f = e.finding();
            String command = switch (e.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            };
            StringBuilder b = new StringBuilder("::").append(command).append(" file=").append(property(f.location().file()));
            if (f.location().line() > 0) {
                b.append(",line=").append(f.location().line()).append(",col=").append(f.location().column());
            }
            String title = f.ruleId() + (e.rule() == null ? "" : " " + e.rule().title());
            b.append(",title=").append(property(title)).append("::");
            StringBuilder msg = new StringBuilder(f.message());
            for (String ev : f.evidence()) msg.append("\n- ").append(ev);
            b.append(data(msg.toString()));
            out.write(b.append('\n').toString());
        }
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
