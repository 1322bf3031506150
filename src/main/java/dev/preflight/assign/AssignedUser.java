package dev.preflight.assign;

import java.util.List;

/**
 * A user that at least one add-in deployment reaches, with those deployments and the Office hosts of their
 * add-ins: the subject of the per-user checks (licenses, mailbox, sign-in, clients).
 */
public record AssignedUser(String userId, List<String> deploymentIds, List<String> hosts) {
    public boolean needsHost(String host) {
        return hosts.contains(host);
    }

    /** Whether any of the user's add-ins runs in Word, Excel or PowerPoint. */
    public boolean documentHosts() {
        return hosts.contains("word") || hosts.contains("excel") || hosts.contains("powerpoint");
    }
}
