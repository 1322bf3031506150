package dev.preflight.collect;

import java.time.Duration;
import java.util.Random;

/**
 * Capped exponential backoff with jitter, for a throttled or transiently failing call that gave no Retry-After:
 * attempt n waits a random time in [d/2, d] with d = min(cap, base * 2^n). The random source is seeded, so a run's
 * waits are reproducible.
 */
public final class Backoff {
    private final Duration base;
    private final Duration cap;
    private final Random random;

    public Backoff(Duration base, Duration cap, long seed) {
        this.base = base;
        this.cap = cap;
        this.random = new Random(seed);
    }

    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 15L);
    }

    public synchronized Duration delay(int attempt) {
        long capMs = cap.toMillis();
        long d = Math.min(capMs, base.toMillis() << Math.min(attempt, 20));
        long half = d / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : (long) (random.nextDouble() * (d - half))));
    }

    /**
     * The wait a response asks for in {@code Retry-After} (seconds; HTTP dates are not sent by Graph), or else the
     * backoff for this attempt. A Retry-After is honoured as given, never shortened.
     */
    public Duration wait(String retryAfter, int attempt) {
        if (retryAfter != null) {
            try {
                long s = Long.parseLong(retryAfter.trim());
                if (s >= 0) return Duration.ofSeconds(Math.min(s, 3600));
            } catch (NumberFormatException ignored) {
                // not a number of seconds: fall back to the backoff
            }
        }
        return delay(attempt);
    }
}
