package dev.preflight.model;

import java.util.Objects;

/** A Dynamics mailbox record: approval, test and enable, incoming delivery, synchronizing organization. */
public record DynamicsMailbox(String email, Boolean approved, Boolean enabled, String testResult,
                             Boolean testScheduled, String incoming, String syncOrganization) {

    // equals and hashCode as the generated ones, written out: see Records.
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof DynamicsMailbox o && Objects.equals(email, o.email)
                && Objects.equals(approved, o.approved) && Objects.equals(enabled, o.enabled)
                && Objects.equals(testResult, o.testResult) && Objects.equals(testScheduled, o.testScheduled)
                && Objects.equals(incoming, o.incoming) && Objects.equals(syncOrganization, o.syncOrganization);
    }

    @Override
    public int hashCode() {
        return Records.hash(email, approved, enabled, testResult, testScheduled, incoming, syncOrganization);
    }
}
