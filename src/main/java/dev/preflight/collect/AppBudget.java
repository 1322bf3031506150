package dev.preflight.collect;

import java.time.Duration;

/**
 * The request budget of one application (client id), shared by every tenant collected in one run: Microsoft
 * Graph throttles an app across all tenants too, so tenants collected one after the other (or together) draw
 * from one allowance. It paces requests to {@code perWindow} requests per {@code window} (each request inside a
 * {@code $batch} counts), holds the app back when any tenant's call was told to wait, and can stop the run after a
 * given number of requests (a kill at a known point, for resumption tests).
 */
public final class AppBudget {

    /** Thrown when the run's request limit is spent: behaves like the process being killed at that point. */
    public static final class Exhausted extends RuntimeException {
        public Exhausted(long limit) {
            super("stopped after " + limit + " requests (--max-requests)");
        }
    }

    private final Ticker ticker;
    private final long perWindow;
    private final long windowNanos;
    private final long maxRequests;
    private long windowStart;
    private long inWindow;
    private long requests;
    private long pausedUntil = Long.MIN_VALUE;
    private long waitedNanos;

    /**
     * @param perWindow   requests allowed per window (Graph's documented global limit is 130,000 per 10 s per app)
     * @param maxRequests HTTP requests after which the run stops ({@code <= 0}: no limit)
     */
    public AppBudget(Ticker ticker, long perWindow, Duration window, long maxRequests) {
        this.ticker = ticker;
        this.perWindow = perWindow;
        this.windowNanos = window.toNanos();
        this.maxRequests = maxRequests;
        this.windowStart = ticker.nanos();
    }

    public static AppBudget graphDefault(Ticker ticker, long maxRequests) {
        return new AppBudget(ticker, 130_000, Duration.ofSeconds(10), maxRequests);
    }

    /** Takes {@code units} requests from the budget, waiting for the window or a pause; one HTTP request. */
    public synchronized void acquire(int units) throws InterruptedException {
        if (maxRequests > 0 && requests >= maxRequests) throw new Exhausted(maxRequests);
        long now = ticker.nanos();
        if (pausedUntil > now) {
            sleep(pausedUntil - now);
            now = ticker.nanos();
        }
        if (now - windowStart >= windowNanos) {
            windowStart = now;
            inWindow = 0;
        }
        if (inWindow + units > perWindow && inWindow > 0) {
            sleep(windowStart + windowNanos - now);
            windowStart = ticker.nanos();
            inWindow = 0;
        }
        inWindow += units;
        requests++;
    }

    /** Holds every tenant of this app back for {@code d} (a throttled response's Retry-After). */
    public synchronized void pause(Duration d) {
        long until = ticker.nanos() + d.toNanos();
        if (until > pausedUntil) pausedUntil = until;
    }

    /** Waits without holding the budget back for anyone else. */
    public void waitFor(Duration d) throws InterruptedException {
        long t0 = ticker.nanos();
        ticker.sleep(d);
        synchronized (this) {
            waitedNanos += ticker.nanos() - t0;
        }
    }

    private void sleep(long nanos) throws InterruptedException {
        if (nanos <= 0) return;
        ticker.sleep(Duration.ofNanos(nanos));
        waitedNanos += nanos;
    }

    public synchronized long requests() {
        return requests;
    }

    public synchronized Duration waited() {
        return Duration.ofNanos(waitedNanos);
    }
}
