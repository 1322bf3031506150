package dev.preflight.collect;

import java.time.Duration;

/**
 * The collector's sense of time for waiting: a monotonic clock and a way to wait on it. Production waits for real;
 * tests inject {@link Virtual}, whose waits only move its clock, so no test sleeps and waits can be counted.
 */
public interface Ticker {

    long nanos();

    void sleep(Duration d) throws InterruptedException;

    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration d) throws InterruptedException {
            if (!d.isNegative() && !d.isZero()) Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        }
    };

    /** A clock that moves only when slept on; keeps the total waited. */
    final class Virtual implements Ticker {
        private long now;
        private long slept;
        private int sleeps;

        @Override
        public synchronized long nanos() {
            return now;
        }

        @Override
        public synchronized void sleep(Duration d) {
            if (d.isNegative() || d.isZero()) return;
            now += d.toNanos();
            slept += d.toNanos();
            sleeps++;
        }

        public synchronized Duration slept() {
            return Duration.ofNanos(slept);
        }

        public synchronized int sleeps() {
            return sleeps;
        }
    }
}
