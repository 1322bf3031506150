package dev.preflight.engine;

import java.time.Duration;
import java.time.Instant;

/** When the snapshot was taken: the reference time for rules about recent changes. */
public record SnapshotTime(Instant takenAt) {
    /** True when {@code t} is less than {@code hours} before the snapshot (and not after it). */
    public boolean within(Instant t, int hours) {
        return t != null && !t.isAfter(takenAt) && Duration.between(t, takenAt).toHours() < hours;
    }
}
