package dev.preflight.collect;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Tokens for the replay: {@code tok-<tenant>-<generation>}; a refresh moves to the next generation. */
final class FakeTokens implements TokenProvider {
    final Map<String, Integer> generation = new ConcurrentHashMap<>();
    final AtomicInteger refreshes = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();
    private final ReplayServer replay;

    FakeTokens(ReplayServer replay) {
        this.replay = replay;
    }

    static String token(String tenant, int gen) {
        return "tok-" + tenant + "-" + gen + "-SECRETVALUE";
    }

    @Override
    public String token(String tenant, String resource, boolean refresh) {
        calls.incrementAndGet();
        int gen = generation.compute(tenant, (k, v) -> v == null ? 1 : refresh ? v + 1 : v);
        if (refresh) refreshes.incrementAndGet();
        String t = token(tenant, gen);
        if (replay != null) replay.acceptToken(t, tenant);
        return t;
    }
}
