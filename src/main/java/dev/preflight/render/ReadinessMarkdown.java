package dev.preflight.render;

import dev.preflight.report.Readiness;
import dev.preflight.report.Report;

import java.util.List;

import static dev.preflight.render.Markdown.escape;

/**
 * The Readiness section of the Markdown summary: a table of users ready, blocked and could not verify per
 * deployment, then per deployment with blocked users the first {@link #TOP} of them with their own blockers and "and
 * K more". It fits the characters it is given (the summary goes into a pull-request comment): deployments and users
 * that do not fit are counted, never dropped silently.
 */
final class ReadinessMarkdown {
    /** Blocked users listed per deployment. */
    static final int TOP = 5;

    private static final String HEADER = "| deployment | app | users | ready | blocked | could not verify |\n"
            + "| --- | --- | ---: | ---: | ---: | ---: |\n";

    private ReadinessMarkdown() {
    }

    /**
     * Text inside {@code <summary>}: an HTML block, where Markdown escapes are not read, so HTML-escaped, on one line,
     * and an {@code @} followed by a zero-width space so that it mentions nobody.
     */
    static String summary(String s) {
        return HtmlRenderer.esc(Text.oneLine(s)).replace("@", "@&#8203;");
    }

    /** The section in at most {@code room} characters (empty when the report has no deployments or no room). */
    static String section(Report r, int room) {
        Readiness readiness = Readiness.of(r);
        List<Readiness.Deployment> all = readiness.deployments();
        if (all.isEmpty()) return "";
        String every = "_Every user: `--format readiness-csv=FILE`._\n\n";
        String open = "### Readiness by deployment\n\n"
                + (r.couldNotVerifyHidden() ? "> [!WARNING]\n> DATA-004 is disabled: users shown ready were not verified.\n\n" : "")
                + HEADER;
        StringBuilder b = new StringBuilder();
        int left = room - every.length() - 120;
        if (open.length() > left) return "";
        b.append(open);
        left -= open.length();
        int shown = 0;
        for (Readiness.Deployment d : all) {
            String row = "| " + escape(d.view().id()) + " | " + escape(d.view().appName()) + " | " + d.users()
                    + (d.unknown().isEmpty() ? "" : "+") + " | " + d.ready() + " | " + d.blocked() + " | " + d.unverified() + " |\n";
            if (row.length() > left) break;
            b.append(row);
            left -= row.length();
            shown++;
        }
        if (shown < all.size()) {
            b.append("\n_... and ").append(all.size() - shown).append(" more deployments (GitHub's comment limit)._\n");
        }
        b.append("\n");
        for (Readiness.Deployment d : all.subList(0, shown)) {
            List<Readiness.Row> blocked = new java.util.ArrayList<>(d.rows(Readiness.State.BLOCKED));
            if (blocked.isEmpty()) continue;
            Readiness.Reasons everyone = d.everyone();
            // Those with blockers of their own first (the others only share the deployment's), each in user order.
            blocked.sort(java.util.Comparator.comparing(row -> d.own(row.blockers(), everyone.blockers()).isEmpty()));
            StringBuilder part = new StringBuilder();
            part.append("<details><summary>").append(summary(d.view().id())).append(": ").append(blocked.size())
                    .append(" blocked</summary>\n\n");
            if (!everyone.blockers().isEmpty()) {
                part.append("Blocked for everyone in it: ").append(escape(String.join(", ",
                        everyone.blockers().stream().map(Readiness.Reason::ruleId).distinct().toList()))).append("\n\n");
            }
            part.append("| user | own blockers |\n| --- | --- |\n");
            int n = 0;
            for (Readiness.Row row : blocked) {
                if (n == TOP) break;
                List<Readiness.Reason> own = d.own(row.blockers(), everyone.blockers());
                part.append("| ").append(escape(Readiness.userName(row.user()) + " (" + row.userId() + ")")).append(" | ")
                        .append(own.isEmpty() ? "_only those for everyone_"
                                : escape(String.join("; ", own.stream().map(Readiness.Reason::line).toList())))
                        .append(" |\n");
                n++;
            }
            if (blocked.size() > n) part.append("\n_... and ").append(blocked.size() - n).append(" more blocked._\n");
            part.append("\n</details>\n\n");
            if (part.length() > left) {
                b.append("_Blocked users of the other deployments: not shown (GitHub's comment limit)._\n\n");
                break;
            }
            b.append(part);
            left -= part.length();
        }
        return b.append(every).toString();
    }
}
