package dev.preflight.manifest;

import java.util.List;

/** The add-in permission levels, least to most, for documents and for mailboxes. */
public final class Permissions {
    public static final List<String> DOCUMENT = List.of("Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument",
            "ReadWriteDocument");
    public static final List<String> MAILBOX = List.of("Restricted", "ReadItem", "ReadWriteItem", "ReadWriteMailbox");

    private Permissions() {
    }

    /** A level's place in its kind (Restricted is 0 in both); -1 when unknown. */
    public static int rank(String level) {
        int d = DOCUMENT.indexOf(level);
        return d >= 0 ? d : MAILBOX.indexOf(level);
    }
}
