package dev.preflight.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Collects many small listings (each group's members, each user's mailbox settings) through Graph's JSON
 * {@code $batch}, at most {@link #MAX_BATCH} requests per batch. Each request inside a batch is answered on its own:
 * a throttled ({@code 429}) or transient ({@code 503}/{@code 504}) one is asked again after its own
 * {@code Retry-After} (else backoff), in a later batch, while the others go on; when the batch itself is throttled,
 * the batch size is halved (down to one). Pages are written as they arrive; further pages of a listing follow its
 * {@code @odata.nextLink}. Listings are pulled lazily, so memory holds one batch's worth, not the tenant.
 */
final class Batcher {

    static final int MAX_BATCH = 20;

    private final Caller caller;
    private final ExportStore store;
    private final String base;
    private final Ticker ticker;
    private final Stats stats;
    private int batchSize;

    private static final class Pending {
        final Listing listing;
        final int page;
        final String url; // absolute
        int attempt;
        long notBefore;

        Pending(Listing listing, int page, String url) {
            this.listing = listing;
            this.page = page;
            this.url = url;
        }
    }

    Batcher(Caller caller, ExportStore store, String base, Ticker ticker, Stats stats, int batchSize) {
        this.caller = caller;
        this.store = store;
        this.base = base;
        this.ticker = ticker;
        this.stats = stats;
        this.batchSize = Math.max(1, Math.min(MAX_BATCH, batchSize));
    }

    int batchSize() {
        return batchSize;
    }

    void run(Iterator<Listing> listings, Consumer<CallRecord> done)
            throws IOException, InterruptedException, TokenProvider.AuthException {
        Deque<Pending> ready = new ArrayDeque<>();
        PriorityQueue<Pending> later = new PriorityQueue<>((a, b) -> Long.compare(a.notBefore, b.notBefore));
        int envelopeAttempt = 0;
        while (true) {
            while (ready.size() < batchSize && listings.hasNext()) {
                Listing l = listings.next();
                Listing.State s = l.resume(store);
                stats.pages += s.pagesWritten();
                if (s.done() != null) done.accept(s.done());
                else ready.add(new Pending(l, s.pagesWritten() + 1, s.next()));
            }
            long now = ticker.nanos();
            while (!later.isEmpty() && later.peek().notBefore <= now) ready.add(later.poll());
            if (ready.isEmpty()) {
                if (later.isEmpty()) {
                    if (!listings.hasNext()) return;
                    continue;
                }
                caller.budget().waitFor(Duration.ofNanos(later.peek().notBefore - now));
                continue;
            }
            List<Pending> batch = new ArrayList<>(batchSize);
            while (batch.size() < batchSize && !ready.isEmpty()) {
                Pending p = ready.poll();
                if (!p.url.startsWith(base + "/")) { // a nextLink elsewhere: not batchable
                    single(p, ready, done);
                    continue;
                }
                batch.add(p);
            }
            if (batch.isEmpty()) continue;
            Response env;
            try {
                env = caller.send("POST", base + "/$batch", body(batch), batch.size(), stats, false);
            } catch (Caller.Unreachable e) {
                for (Pending p : batch) done.accept(CallRecord.unreachable(p.listing, p.page - 1, "unreachable"));
                continue;
            }
            if (env.transientFailure()) {
                envelopeAttempt++;
                if (envelopeAttempt < Caller.MAX_ATTEMPTS) {
                    Duration d = caller.backoff().wait(env.header("retry-after"), envelopeAttempt);
                    if (env.status() == 429) {
                        batchSize = Math.max(1, batchSize / 2);
                        stats.throttled(d);
                        caller.budget().pause(d);
                    } else {
                        stats.retried(d);
                        caller.budget().waitFor(d);
                    }
                    for (int i = batch.size() - 1; i >= 0; i--) ready.addFirst(batch.get(i));
                    continue;
                }
            }
            envelopeAttempt = 0;
            if (env.status() != 200 || env.body() == null || !env.body().path("responses").isArray()) {
                // the batch as a whole was refused: each of its requests ends with that answer
                for (Pending p : batch) finish(p, env.status(), env.body(), done);
                continue;
            }
            Map<String, JsonNode> byId = new HashMap<>();
            for (JsonNode r : env.body().path("responses")) byId.put(r.path("id").asText(), r);
            for (int i = 0; i < batch.size(); i++) {
                Pending p = batch.get(i);
                JsonNode r = byId.get(Integer.toString(i + 1));
                int status = r == null ? 503 : r.path("status").asInt();
                JsonNode body = r == null ? null : r.get("body");
                if (status == 429 || status == 503 || status == 504) {
                    p.attempt++;
                    if (p.attempt >= Caller.MAX_ATTEMPTS) {
                        finish(p, status, body, done);
                        continue;
                    }
                    Duration d = caller.backoff().wait(r == null ? null : Caller.headers(r.get("headers")).get("retry-after"), p.attempt);
                    if (status == 429) stats.throttled(d);
                    else stats.retried(d);
                    p.notBefore = ticker.nanos() + d.toNanos();
                    later.add(p);
                    continue;
                }
                String next = page(p, status, body);
                if (next == null) record(p, status, body, done);
                else ready.addFirst(new Pending(p.listing, p.page + 1, next));
            }
        }
    }

    private void single(Pending p, Deque<Pending> ready, Consumer<CallRecord> done)
            throws IOException, InterruptedException, TokenProvider.AuthException {
        Response r;
        try {
            r = caller.get(p.url, stats);
        } catch (Caller.Unreachable e) {
            done.accept(CallRecord.unreachable(p.listing, p.page - 1, "unreachable"));
            return;
        }
        String next = page(p, r.status(), r.body());
        if (next == null) record(p, r.status(), r.body(), done);
        else ready.addFirst(new Pending(p.listing, p.page + 1, next));
    }

    /** Writes the page; returns the next page's URL, or null when the listing ends here. */
    private String page(Pending p, int status, JsonNode body) throws IOException {
        store.write(p.listing.file(p.page), "GET " + p.url, status, body);
        if (status >= 400) return null;
        stats.page(Listing.items(body));
        return p.listing.single() ? null : Listing.nextLink(body);
    }

    /** Ends a listing with a failed answer: written as its page, then recorded. */
    private void finish(Pending p, int status, JsonNode body, Consumer<CallRecord> done) throws IOException {
        store.write(p.listing.file(p.page), "GET " + p.url, status, body);
        record(p, status, body, done);
    }

    private static void record(Pending p, int status, JsonNode body, Consumer<CallRecord> done) {
        done.accept(CallRecord.of(p.listing, p.page, status, body));
    }

    private byte[] body(List<Pending> batch) {
        ObjectNode root = Caller.JSON.createObjectNode();
        ArrayNode reqs = root.putArray("requests");
        for (int i = 0; i < batch.size(); i++) {
            ObjectNode r = reqs.addObject();
            r.put("id", Integer.toString(i + 1));
            r.put("method", "GET");
            r.put("url", batch.get(i).url.substring(base.length()));
        }
        try {
            return Caller.JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
