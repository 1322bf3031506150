package dev.preflight.render;

import dev.preflight.model.User;
import dev.preflight.report.Readiness;
import dev.preflight.report.Report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Readiness user by user as a spreadsheet: one row per user per deployment. The first six columns are those of
 * Microsoft's Centralized Deployment compatibility checker (Invoke-CompatibilityCheck), named and ordered as its
 * documentation lists them, so sheets built on its output keep working; they are worked out from the snapshot's facts,
 * and a fact the snapshot lacks is {@code unknown}, never True or False. Preflight's columns follow: the user's id and
 * userPrincipalName, the deployment, the state (ready, blocked, could not verify), whether the deployment gives the
 * user the app, the blockers as {@code RULE-ID: reason} joined with "; " and their rule ids alone, then the facts that
 * could not be verified, the warnings and the waived findings. Rows are in deployment order, then by
 * userPrincipalName; a deployment whose audience is not fully known ends with a row without a user that says which
 * fact is missing. Then, as in every format, a row {@code warning} when DATA-004 is disabled and one row
 * {@code config} per line of what the config changed (the text in {@code couldNotVerify}). Quoting and the formula
 * guard are those of the {@code csv} format.
 */
public final class ReadinessCsvRenderer implements Renderer {
    static final List<String> CHECKER = List.of("User Name", "User ID", "Centralized Deployment ready", "Office plan",
            "Office Activated", "Supported Mailbox");
    static final List<String> OURS = List.of("userId", "userPrincipalName", "deploymentId", "appId", "appName", "readiness",
            "reached", "blockers", "blockerRules", "couldNotVerify", "warnings", "waived");

    @Override
    public String name() {
        return "readiness-csv";
    }

    @Override
    public String extension() {
        return "readiness.csv";
    }

    @Override
    public String description() {
        return "one row per user per deployment: ready, blocked or could not verify, and why (compatibility checker columns first)";
    }

    @Override
    public void render(Report r, Writer out) throws IOException {
        List<String> header = new ArrayList<>(CHECKER);
        header.addAll(OURS);
        CsvRenderer.row(out, header);
        Readiness readiness = Readiness.of(r);
        // Rows of a deployment share their reason lists when they have none of their own: each joined once.
        Map<List<Readiness.Reason>, String> joined = new IdentityHashMap<>();
        for (Readiness.Deployment d : readiness.deployments()) {
            Report.DeploymentView v = d.view();
            for (Readiness.Row row : d.rows()) {
                User u = row.user();
                CsvRenderer.row(out, List.of(Readiness.userName(u), Readiness.emailAddress(u), Readiness.ready(row.state()),
                        u == null ? "" : readiness.officePlan(u), u == null ? "" : Readiness.officeActivated(u),
                        u == null ? "" : Readiness.supportedMailbox(u),
                        row.userId() == null ? "" : row.userId(), u == null || u.upn() == null ? "" : u.upn(),
                        v.id(), v.appId(), v.appName(), row.state().label(), u == null ? "" : row.reached() ? "yes" : "no",
                        lines(joined, row.blockers()), String.join("; ", row.blockerRules()), lines(joined, row.reasons().unverified()),
                        lines(joined, row.reasons().warnings()), lines(joined, row.reasons().waived())));
            }
        }
        // As in every format: loudly when DATA-004 is disabled ("ready" then is not verified), and what the config changed.
        if (r.hiddenWarning() != null) note(out, "warning", r.hiddenWarning());
        for (String line : r.configLines()) note(out, "config", line);
    }

    /** A row about the run, not a user: the kind in {@code readiness}, the text in {@code couldNotVerify}. */
    private static void note(Writer out, String kind, String text) throws IOException {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < CHECKER.size() + OURS.size(); i++) cells.add("");
        cells.set(CHECKER.size() + OURS.indexOf("readiness"), kind);
        cells.set(CHECKER.size() + OURS.indexOf("couldNotVerify"), text);
        CsvRenderer.row(out, cells);
    }

    private static String lines(Map<List<Readiness.Reason>, String> joined, List<Readiness.Reason> reasons) {
        if (reasons.isEmpty()) return "";
        return joined.computeIfAbsent(reasons, rs -> String.join("; ", rs.stream().map(Readiness.Reason::line).toList()));
    }
}
