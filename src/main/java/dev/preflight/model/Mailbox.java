package dev.preflight.model;

import java.util.Objects;

/** A user's Exchange mailbox: type (exchange-online, on-premises, none), state, and OAuth connectivity. */
public record Mailbox(String type, String state, Boolean oauth) {

    // equals and hashCode as the generated ones, written out: see Records.
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Mailbox o && Objects.equals(type, o.type)
                && Objects.equals(state, o.state) && Objects.equals(oauth, o.oauth);
    }

    @Override
    public int hashCode() {
        return Records.hash(type, state, oauth);
    }
}
