package dev.preflight.model;

import java.time.Instant;
import java.util.List;

/** A directory user. {@code licenses}, {@code mailbox} and {@code clients} are null when the snapshot does not say. */
public record User(String id, String upn, String displayName, String mail, String accountState,
                   List<String> licenses, Boolean orgIdSignIn, Mailbox mailbox, List<OfficeClient> clients,
                   Instant assignedAt, Location location) implements Entity {
    @Override public String kind() { return "user"; }
    @Override public String name() {
        if (displayName != null && upn != null) return displayName + " <" + upn + ">";
        return displayName != null ? displayName : upn != null ? upn : id;
    }

    /** True unless the directory says the account is disabled or deleted. */
    public boolean active() {
        return accountState == null || "enabled".equals(accountState);
    }
}
