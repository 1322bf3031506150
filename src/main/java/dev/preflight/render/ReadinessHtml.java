package dev.preflight.render;

import dev.preflight.report.Readiness;
import dev.preflight.report.Report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import static dev.preflight.render.HtmlRenderer.esc;

/**
 * The Readiness section of the HTML report: per deployment the counts of users ready, blocked and could not verify,
 * then per deployment a folded table of its users, blocked first, then could not verify, then ready, at most
 * {@link #CAP} rows (the {@code readiness-csv} format lists every user). What counts for everyone in a deployment is
 * said once above its table; each row shows the user's own reasons. Uses the report's own styles only (the page's
 * Content-Security-Policy allows no other).
 */
final class ReadinessHtml {
    /** Users shown per deployment, and in all, so that a tenant of 100k users stays a page a browser opens. */
    static final int CAP = 200;
    static final int TOTAL = 5000;

    private ReadinessHtml() {
    }

    static void write(Writer out, Report r) throws IOException {
        Readiness readiness = Readiness.of(r);
        if (readiness.deployments().isEmpty()) return;
        out.write("<h2>Readiness user by user</h2>\n<p class=\"meta\">Blocked: an error finding applies to the user in the"
                + " deployment, or the deployment leaves the user out. Could not verify: a fact it needs is absent (DATA-004)."
                + " Warnings leave a user ready; waived findings never block.</p>\n");
        if (r.couldNotVerifyHidden()) {
            out.write("<p class=\"alarm\">DATA-004 is disabled by the config: users shown ready were not verified.</p>\n");
        }
        out.write("<table id=\"readiness\"><thead><tr><th>deployment</th><th>app</th><th class=\"num\">users</th>"
                + "<th class=\"num\">ready</th><th class=\"num\">blocked</th><th class=\"num\">could not verify</th></tr></thead>\n<tbody>\n");
        for (Readiness.Deployment d : readiness.deployments()) {
            out.write("<tr data-deployment=\"" + esc(d.view().id()) + "\"><td>" + esc(d.view().id()) + "</td><td>" + esc(d.view().appName())
                    + "</td><td class=\"num\">" + d.users() + (d.unknown().isEmpty() ? "" : "+") + "</td><td class=\"num\">" + d.ready()
                    + "</td><td class=\"num error\">" + d.blocked() + "</td><td class=\"num warning\">" + d.unverified() + "</td></tr>\n");
        }
        out.write("</tbody></table>\n");
        int room = TOTAL;
        for (Readiness.Deployment d : readiness.deployments()) room -= deployment(out, readiness, d, Math.min(CAP, room));
    }

    /** One deployment's folded table of at most {@code cap} users; returns how many it shows. */
    private static int deployment(Writer out, Readiness readiness, Readiness.Deployment d, int cap) throws IOException {
        out.write("<details class=\"readiness\" data-deployment=\"" + esc(d.view().id()) + "\"><summary>" + esc(d.view().id()) + " ("
                + esc(d.view().appName()) + "): " + d.ready() + " ready, " + d.blocked() + " blocked, " + d.unverified()
                + " could not verify</summary><div class=\"body\">");
        Readiness.Reasons all = d.everyone();
        if (!all.blockers().isEmpty() || !all.unverified().isEmpty() || !all.warnings().isEmpty() || !all.waived().isEmpty()) {
            out.write("<div>For everyone in this deployment:</div><ul>");
            reasons(out, all.blockers(), "error", "");
            reasons(out, all.unverified(), "warning", "");
            reasons(out, all.warnings(), "", "warning: ");
            reasons(out, all.waived(), "", "waived: ");
            out.write("</ul>");
        }
        if (!d.unknown().isEmpty()) {
            out.write("<div class=\"warning\">Not known who else it reaches: the snapshot does not give "
                    + esc(String.join(", ", d.unknown().stream().map(readiness::fact).toList())) + ".</div>");
        }
        List<Readiness.Row> shown = new ArrayList<>();
        for (Readiness.State s : List.of(Readiness.State.BLOCKED, Readiness.State.UNVERIFIED, Readiness.State.READY)) {
            for (Readiness.Row row : d.rows(s)) {
                if (shown.size() == cap) break;
                shown.add(row);
            }
        }
        if (!shown.isEmpty()) {
            out.write("<table><thead><tr><th>user</th><th>state</th><th>reasons of this user</th></tr></thead><tbody>\n");
            for (Readiness.Row row : shown) {
                String state = row.state() == Readiness.State.BLOCKED ? "error" : row.state() == Readiness.State.UNVERIFIED ? "warning" : "";
                out.write("<tr data-state=\"" + row.state().label() + "\"><td>" + esc(Readiness.userName(row.user())) + "<br><code>"
                        + esc(row.userId()) + "</code>" + (row.reached() ? "" : " <span class=\"tag\">left out</span>")
                        + "</td><td class=\"sev" + (state.isEmpty() ? "" : " " + state) + "\">" + row.state().label() + "</td><td>");
                Readiness.Reasons own = row.reasons();
                List<Readiness.Reason> blockers = d.own(own.blockers(), all.blockers());
                List<Readiness.Reason> unverified = d.own(own.unverified(), all.unverified());
                List<Readiness.Reason> warnings = d.own(own.warnings(), all.warnings());
                List<Readiness.Reason> waived = d.own(own.waived(), all.waived());
                boolean sharedOnly = row.state() == Readiness.State.BLOCKED ? blockers.isEmpty()
                        : row.state() == Readiness.State.UNVERIFIED && blockers.isEmpty() && unverified.isEmpty();
                if (blockers.isEmpty() && unverified.isEmpty() && warnings.isEmpty() && waived.isEmpty()) {
                    out.write(sharedOnly ? "only those for everyone" : "");
                } else {
                    out.write("<ul>");
                    if (sharedOnly) out.write("<li>" + row.state().label() + " by those for everyone</li>");
                    reasons(out, blockers, "error", "");
                    reasons(out, unverified, "warning", "");
                    reasons(out, warnings, "", "warning: ");
                    reasons(out, waived, "", "waived: ");
                    out.write("</ul>");
                }
                out.write("</td></tr>\n");
            }
            out.write("</tbody></table>");
        }
        int users = d.users();
        if (users > shown.size()) {
            out.write("<div>... and " + (users - shown.size()) + " more user" + (users - shown.size() == 1 ? "" : "s")
                    + " (ready ones last; this page shows at most " + CAP + " per deployment and " + TOTAL
                    + " in all); the <code>readiness-csv</code> format lists every user.</div>");
        }
        if (users == 0 && d.unknown().isEmpty()) out.write("<div>Nobody is in this deployment's audience.</div>");
        out.write("</div></details>\n");
        return shown.size();
    }

    private static void reasons(Writer out, List<Readiness.Reason> reasons, String css, String prefix) throws IOException {
        for (Readiness.Reason x : reasons) {
            out.write("<li>" + prefix + "<span class=\"rule" + (css.isEmpty() ? "" : " " + css) + "\">" + esc(x.ruleId()) + "</span>: "
                    + esc(x.text()) + "</li>");
        }
    }
}
