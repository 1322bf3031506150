package dev.preflight.assign;

import dev.preflight.licensing.LicenseProfile;
import dev.preflight.model.OfficeClient;
import dev.preflight.model.User;

import java.util.List;

/**
 * A user that at least one add-in deployment reaches, with those deployments and the Office hosts of their
 * add-ins: the subject of the per-user checks (licenses, mailbox, sign-in, clients). It carries the user and what
 * the user's licenses give ({@code license} is null when the snapshot lists no licenses), so per-user rules match
 * one fact instead of joining several (the join is the cost at 100k users).
 */
public record AssignedUser(String userId, List<String> deploymentIds, List<String> hosts, User user, LicenseProfile license) {
    public boolean needsHost(String host) {
        return hosts.contains(host);
    }

    /** Whether the user's clients are known, not empty, and all on iOS or Android (CLI-005). */
    public boolean onlyMobileClients() {
        if (user == null || user.clients() == null || user.clients().isEmpty()) return false;
        for (var c : user.clients()) {
            if (!"ios".equals(c.platform()) && !"android".equals(c.platform())) return false;
        }
        return true;
    }

    /** The user's first MSI Outlook (2016 or 2013), or null (CLI-006). */
    public OfficeClient msiOutlook() {
        if (user == null || user.clients() == null) return null;
        for (OfficeClient c : user.clients()) {
            if ("outlook".equals(c.app()) && ("office-2016-msi".equals(c.edition()) || "office-2013-msi".equals(c.edition()))) return c;
        }
        return null;
    }

    /** Whether any of the user's add-ins runs in Word, Excel or PowerPoint. */
    public boolean documentHosts() {
        return hosts.contains("word") || hosts.contains("excel") || hosts.contains("powerpoint");
    }
}
