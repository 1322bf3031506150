package dev.preflight.model;

/** A Dynamics mailbox record: approval, test and enable, incoming delivery, synchronizing organization. */
public record DynamicsMailbox(String email, Boolean approved, Boolean enabled, String testResult,
                             Boolean testScheduled, String incoming, String syncOrganization) {
}
