package dev.preflight.snapshot;

import dev.preflight.model.Location;

/** An input problem a person can fix: where, and what is wrong. */
public record Problem(Location location, String message) implements Comparable<Problem> {
    @Override
    public String toString() {
        return location + ": " + message;
    }

    @Override
    public int compareTo(Problem o) {
        int c = location.compareTo(o.location);
        return c != 0 ? c : message.compareTo(o.message);
    }
}
