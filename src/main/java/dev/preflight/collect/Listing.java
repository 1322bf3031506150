package dev.preflight.collect;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.Locale;

/**
 * One call and the pages it returns: {@code first} is the full URL of its first request; its pages are written to
 * {@code dir/page-0001.json}, {@code page-0002.json}... (or, for a single object, {@code dir + ".json"}).
 */
public record Listing(String endpoint, String dir, String first, boolean single) {

    public String file(int page) {
        return single ? dir + ".json" : dir + String.format(Locale.ROOT, "/page-%04d.json", page);
    }

    /** How far an earlier run got with this listing. */
    public record State(int pagesWritten, String next, CallRecord done) {
    }

    /**
     * Reads the pages already written whole: a listing whose last page has no {@code @odata.nextLink} is done; one
     * whose last page has one continues from it; a page recorded as failed is removed and asked again.
     */
    public State resume(ExportStore store) throws IOException {
        String url = first;
        int page = 1;
        while (true) {
            String file = file(page);
            JsonNode env = store.read(file);
            if (env == null || !("GET " + url).equals(env.path("request").asText())) {
                // nothing (or something else) there: collect from here; a stale later page would break the chain
                for (int p = page; store.read(file(p)) != null; p++) store.delete(file(p));
                return new State(page - 1, url, null);
            }
            int status = env.path("status").asInt();
            JsonNode resp = env.path("response");
            if (status >= 400 && !CallRecord.isFact(status, resp)) {
                store.delete(file);
                return new State(page - 1, url, null);
            }
            String next = single ? null : nextLink(resp);
            if (next == null) return new State(page, null, CallRecord.of(this, page, status, resp));
            url = next;
            page++;
        }
    }

    static String nextLink(JsonNode body) {
        if (body == null) return null;
        JsonNode n = body.get("@odata.nextLink");
        return n != null && n.isTextual() ? n.asText() : null;
    }

    static int items(JsonNode body) {
        JsonNode v = body == null ? null : body.get("value");
        return v != null && v.isArray() ? v.size() : (body != null && body.isObject() ? 1 : 0);
    }
}
