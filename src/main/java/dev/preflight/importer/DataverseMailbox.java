package dev.preflight.importer;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.preflight.importer.Normal.bool;
import static dev.preflight.importer.Normal.integer;
import static dev.preflight.importer.Normal.text;

/** A Dataverse {@code mailbox} row as the snapshot's {@code dynamics.users[].mailbox} (option sets decoded). */
final class DataverseMailbox {
    private DataverseMailbox() {
    }

    static Map<String, Object> of(JsonNode n, String envId) {
        Map<String, Object> m = new LinkedHashMap<>();
        String email = text(n, "emailaddress");
        if (email != null) m.put("email", email);
        Integer approval = integer(n, "emailrouteraccessapproval"); // 0 Empty, 1 Approved, 2 Pending Approval, 3 Rejected
        if (approval != null) m.put("approved", approval == 1);
        Boolean in = bool(n, "enabledforincomingemail");
        Boolean out = bool(n, "enabledforoutgoingemail");
        if (in != null && out != null) m.put("enabled", in && out);
        Integer inStatus = integer(n, "incomingemailstatus"); // 0 Not Run, 1 Success, 2 Failure
        Integer outStatus = integer(n, "outgoingemailstatus");
        if (inStatus != null && outStatus != null) {
            m.put("testResult", inStatus == 2 || outStatus == 2 ? "failure" : inStatus == 1 && outStatus == 1 ? "success" : "not-run");
        }
        Boolean scheduled = bool(n, "testemailconfigurationscheduled");
        if (scheduled != null) m.put("testScheduled", scheduled);
        Integer incoming = integer(n, "incomingemaildeliverymethod"); // 0 None, 1 Dynamics 365 for Outlook, 2 SSS or Email Router, 3 Forward Mailbox
        if (incoming != null) {
            String v = switch (incoming) {
                case 0 -> "none";
                case 2 -> "server-side-sync";
                case 3 -> "forward-mailbox";
                default -> null;
            };
            if (v != null) m.put("incoming", v);
        }
        Boolean primary = bool(n, "orgmarkedasprimaryforexchangesync");
        if (primary != null && primary && envId != null) m.put("syncOrganization", envId);
        return m;
    }
}
