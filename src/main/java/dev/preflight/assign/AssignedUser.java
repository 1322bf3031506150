package dev.preflight.assign;

import dev.preflight.licensing.LicenseProfile;
import dev.preflight.model.OfficeClient;
import dev.preflight.model.User;

import java.util.List;

/**
 * A user that at least one add-in deployment reaches, with those deployments and the Office hosts of their
 * add-ins: the subject of the per-user checks (licenses, mailbox, sign-in, clients). It carries the user and what
 * the user's licenses give ({@code license} is null when the snapshot lists no licenses), so per-user rules match
 * one fact instead of joining several (the join is the cost at 100k users). {@code documentHosts} (an add-in runs in
 * Word, Excel or PowerPoint), {@code onlyMobileClients} (all its clients are iOS or Android) and {@code msiOutlook}
 * (its first MSI Outlook, or null) are worked out once. A user that a deployment only may reach (the fact that would
 * settle it is absent: the app's kind, the assignment, the targets, a group's members) is an assigned user too, with
 * {@code unsure} naming that fact: per-user rules judge it as if reached, and {@code Unknowns} turns what they find
 * into DATA-004 naming the fact. When no add-in reaching the user names its hosts, {@code hosts} are all four and
 * {@code hostsUnsure} names the absent {@code apps[].hosts} (the client rules judge every host, then say they could not
 * verify).
 */
public record AssignedUser(String userId, List<String> deploymentIds, List<String> hosts, User user, LicenseProfile license,
                           boolean documentHosts, boolean onlyMobileClients, OfficeClient msiOutlook, String unsure,
                           String hostsUnsure) {

    /** The assigned user, with what rules ask of its hosts and clients worked out once (not per rule, per match). */
    public static AssignedUser of(String userId, List<String> deploymentIds, List<String> hosts, User user, LicenseProfile license) {
        return of(userId, deploymentIds, hosts, user, license, null, null);
    }

    /**
     * {@code unsure}: null when a deployment surely reaches the user; otherwise the absent fact (as DATA-004 names it)
     * that leaves open whether any does, e.g. a deployment whose targets are not exported may reach anyone.
     */
    public static AssignedUser of(String userId, List<String> deploymentIds, List<String> hosts, User user, LicenseProfile license,
                                  String unsure, String hostsUnsure) {
        boolean document = hosts.contains("word") || hosts.contains("excel") || hosts.contains("powerpoint");
        return new AssignedUser(userId, deploymentIds, hosts, user, license, document, onlyMobile(user), msiOutlook(user), unsure,
                hostsUnsure);
    }

    public boolean needsHost(String host) {
        return hosts.contains(host);
    }

    /** Whether the user's clients are known, not empty, and all on iOS or Android (CLI-005). */
    private static boolean onlyMobile(User user) {
        if (user == null || user.clients() == null || user.clients().isEmpty()) return false;
        for (var c : user.clients()) {
            if (!"ios".equals(c.platform()) && !"android".equals(c.platform())) return false;
        }
        return true;
    }

    /** The user's first MSI Outlook (2016 or 2013), or null (CLI-006). */
    private static OfficeClient msiOutlook(User user) {
        if (user == null || user.clients() == null) return null;
        for (OfficeClient c : user.clients()) {
            if ("outlook".equals(c.app()) && ("office-2016-msi".equals(c.edition()) || "office-2013-msi".equals(c.edition()))) return c;
        }
        return null;
    }
}
