package dev.preflight.model;

import java.util.Objects;

/**
 * One member of a group or one target of a deployment: its kind (user, group, contact, device), the id it
 * resolves to (or the reference as written when it resolves to nothing), and where it is written.
 */
public record Member(String kind, String ref, boolean resolved, Location location) {

    // equals and hashCode as the generated ones, written out: see Records.
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Member o && Objects.equals(kind, o.kind)
                && Objects.equals(ref, o.ref) && resolved == o.resolved && Objects.equals(location, o.location);
    }

    @Override
    public int hashCode() {
        return Records.hash(kind, ref, resolved, location);
    }
}
