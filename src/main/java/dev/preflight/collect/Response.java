package dev.preflight.collect;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * One HTTP response (or one response inside a {@code $batch}): status, headers (lower-case names) and the body
 * parsed as JSON ({@code null} when empty; a text node when it was not JSON).
 */
public record Response(int status, Map<String, String> headers, JsonNode body) {

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** The service's error code ({@code error.code}), or null. */
    public String errorCode() {
        if (body == null || !body.isObject()) return null;
        JsonNode code = body.path("error").path("code");
        return code.isTextual() ? code.asText() : null;
    }

    public boolean transientFailure() {
        return status == 429 || status == 503 || status == 504;
    }

    public boolean expiredToken() {
        return status == 401 && (errorCode() == null || "InvalidAuthenticationToken".equalsIgnoreCase(errorCode()));
    }
}
