package dev.preflight.model;

/** A user's Exchange mailbox: type (exchange-online, on-premises, none), state, and OAuth connectivity. */
public record Mailbox(String type, String state, Boolean oauth) {
}
