package dev.preflight.collect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A collector wired to a replay: virtual time (no test sleeps), a fixed clock, fake tokens. */
final class Harness {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    static final String CONTOSO = "contoso.onmicrosoft.com";
    static final String FABRIKAM = "fabrikam.onmicrosoft.com";

    final ReplayServer replay;
    final Ticker.Virtual ticker = new Ticker.Virtual();
    final FakeTokens tokens;
    AppBudget budget;

    Harness(ReplayServer replay) {
        this.replay = replay;
        this.tokens = new FakeTokens(replay);
        this.budget = AppBudget.graphDefault(ticker, 0);
    }

    static ReplayServer contosoAndFabrikam() throws IOException {
        ReplayServer r = new ReplayServer();
        r.tenant(CONTOSO, "unused-contoso", ReplayServer.devProxyMocks("/collect/replay/contoso.mocks.json"));
        r.tenant(FABRIKAM, "unused-fabrikam", ReplayServer.devProxyMocks("/collect/replay/fabrikam.mocks.json"));
        return r;
    }

    Collector collector() {
        return new Collector(Collector.defaultHttp(), tokens, budget, new Backoff(java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(60), 7), ticker, CLOCK, Collector.Services.of(replay.graphBase(), null),
                Progress.QUIET);
    }

    Harness limit(long maxRequests) {
        budget = AppBudget.graphDefault(ticker, maxRequests);
        return this;
    }

    Collector.Result collect(String tenant, Path out) {
        try {
            return collector().collect(tenant, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file under {@code dir} (relative path, '/'-separated) with its content, the replay's address made neutral. */
    static Map<String, String> files(Path dir, String root) {
        try (var walk = Files.walk(dir)) {
            Map<String, String> m = new TreeMap<>();
            for (Path p : walk.filter(Files::isRegularFile).collect(Collectors.toList()))
                m.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p).replace(root, "http://replay"));
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> names(Path dir) {
        return List.copyOf(files(dir, "").keySet());
    }
}
