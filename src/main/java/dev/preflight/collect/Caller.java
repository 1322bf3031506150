package dev.preflight.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends one request for one tenant and resource, and retries what is worth retrying: a {@code 429} or a transient
 * {@code 503}/{@code 504} after the response's {@code Retry-After} (else capped exponential backoff), at most
 * {@link #MAX_ATTEMPTS} times; an expired token ({@code 401 InvalidAuthenticationToken}) once, with a fresh token.
 * Whatever it ends with is returned, to be recorded: nothing failed is dropped.
 */
public final class Caller {

    public static final int MAX_ATTEMPTS = 8;
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    /** A request the service never answered (connection refused or reset, timeouts), after the retries. */
    public static final class Unreachable extends IOException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient http;
    private final TokenProvider tokens;
    private final AppBudget budget;
    private final Backoff backoff;
    private final String tenant;
    private final String resource;
    private final Map<String, String> extraHeaders;

    public Caller(HttpClient http, TokenProvider tokens, AppBudget budget, Backoff backoff, String tenant,
                  String resource, Map<String, String> extraHeaders) {
        this.http = http;
        this.tokens = tokens;
        this.budget = budget;
        this.backoff = backoff;
        this.tenant = tenant;
        this.resource = resource;
        this.extraHeaders = extraHeaders;
    }

    public String tenant() {
        return tenant;
    }

    public AppBudget budget() {
        return budget;
    }

    public Backoff backoff() {
        return backoff;
    }

    public Response get(String url, Stats stats) throws IOException, InterruptedException, TokenProvider.AuthException {
        return send("GET", url, null, 1, stats, true);
    }

    /**
     * One request; with {@code retryThrottled} false a 429/503/504 is returned at once (the caller halves a batch
     * or reschedules), still after an expired token was refreshed once.
     */
    public Response send(String method, String url, byte[] body, int units, Stats stats, boolean retryThrottled)
            throws IOException, InterruptedException, TokenProvider.AuthException {
        boolean refreshed = false;
        int attempt = 0;
        while (true) {
            Response r;
            try {
                r = once(method, url, body, units, false, stats);
            } catch (IOException e) {
                if (++attempt >= MAX_ATTEMPTS) throw new Unreachable(method + " " + url + ": " + e.getMessage(), e);
                Duration d = backoff.delay(attempt);
                stats.retried(d);
                budget.waitFor(d);
                continue;
            }
            if (r.expiredToken() && !refreshed) {
                refreshed = true;
                attempt = 0;
                r = once(method, url, body, units, true, stats);
                if (!r.transientFailure() || !retryThrottled) return r;
            }
            if (!r.transientFailure() || !retryThrottled || ++attempt >= MAX_ATTEMPTS) return r;
            Duration d = backoff.wait(r.header("retry-after"), attempt);
            if (r.status() == 429) {
                stats.throttled(d);
                budget.pause(d); // the next attempt (and every other call of this app) waits it out
            } else {
                stats.retried(d);
                budget.waitFor(d);
            }
        }
    }

    private Response once(String method, String url, byte[] body, int units, boolean freshToken, Stats stats)
            throws IOException, InterruptedException, TokenProvider.AuthException {
        budget.acquire(units);
        stats.request();
        String token = tokens.token(tenant, resource, freshToken);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(100))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        extraHeaders.forEach(b::header);
        if (body != null) b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        else b.method(method, HttpRequest.BodyPublishers.noBody());
        HttpResponse<byte[]> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, String> headers = new LinkedHashMap<>();
        resp.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        return new Response(resp.statusCode(), headers, parse(resp.body()));
    }

    static JsonNode parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) return null;
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return TextNode.valueOf(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** Headers of a JSON batch sub-response, lower-cased. */
    static Map<String, String> headers(JsonNode node) {
        Map<String, String> m = new LinkedHashMap<>();
        if (node != null) node.fields().forEachRemaining(e -> m.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
        return m;
    }
}
