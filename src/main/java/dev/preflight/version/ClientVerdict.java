package dev.preflight.version;

/**
 * How one Office client of an assigned user stands against the source's requirements for the hosts the user's
 * add-ins need: {@code rule} is the CLI rule it breaks (CLI-001..004, CLI-007), or {@code DATA-004} when a fact
 * is missing (then {@code about} names the rule that could not decide).
 */
public record ClientVerdict(String userId, String clientId, String client, String rule, String about, String detail) {
}
