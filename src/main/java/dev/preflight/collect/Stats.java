package dev.preflight.collect;

import java.time.Duration;

/** Work done for one endpoint of one tenant: what progress shows. Counts only; never part of the exports. */
public final class Stats {
    public final String endpoint;
    long pages;
    long entities;
    long requests;
    long throttled;
    long retried;
    long waitedMillis;

    Stats(String endpoint) {
        this.endpoint = endpoint;
    }

    synchronized void page(int items) {
        pages++;
        entities += items;
    }

    synchronized void request() {
        requests++;
    }

    synchronized void throttled(Duration wait) {
        throttled++;
        waitedMillis += wait.toMillis();
    }

    synchronized void retried(Duration wait) {
        retried++;
        waitedMillis += wait.toMillis();
    }

    public synchronized long pages() {
        return pages;
    }

    public synchronized long entities() {
        return entities;
    }

    public synchronized long requests() {
        return requests;
    }

    public synchronized long throttled() {
        return throttled;
    }

    public synchronized String line() {
        StringBuilder b = new StringBuilder(endpoint).append(": ").append(pages).append(" pages, ")
                .append(entities).append(" entities, ").append(requests).append(" requests");
        if (throttled > 0 || retried > 0)
            b.append(", ").append(throttled).append(" throttled, ").append(retried).append(" retried, waited ")
                    .append(String.format(java.util.Locale.ROOT, "%.1f s", waitedMillis / 1000.0));
        return b.toString();
    }
}
