package dev.preflight.collect;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A delta round ({@code /users/delta}, {@code /groups/delta} with {@code members}): follows the pages of changes to
 * the new {@code @odata.deltaLink}. What changed decides what a refresh asks again; the delta pages themselves are
 * state, not facts, and are not written to the exports.
 */
final class Delta {

    static final String USERS = "/users/delta?$select=id";
    static final String GROUPS = "/groups/delta?$select=id,members";

    /** What one round saw: changed (or new) objects, removed ones, and the objects named in members@delta. */
    record Changes(Set<String> changed, Set<String> removed, Set<String> memberGroups, String deltaLink, int status) {
        /** The service wants a full resync (410 Gone), or the round failed. */
        boolean resync() {
            return deltaLink == null;
        }
    }

    private Delta() {
    }

    static Changes round(Caller caller, String url, Stats stats)
            throws IOException, InterruptedException, TokenProvider.AuthException {
        Set<String> changed = new LinkedHashSet<>();
        Set<String> removed = new LinkedHashSet<>();
        Set<String> memberGroups = new LinkedHashSet<>();
        while (true) {
            Response r;
            try {
                r = caller.get(url, stats);
            } catch (Caller.Unreachable e) {
                return new Changes(changed, removed, memberGroups, null, 0);
            }
            if (r.status() != 200 || r.body() == null) return new Changes(changed, removed, memberGroups, null, r.status());
            stats.page(Listing.items(r.body()));
            for (JsonNode item : r.body().path("value")) {
                String id = item.path("id").asText(null);
                if (id == null) continue;
                if (item.has("@removed")) removed.add(id);
                else changed.add(id);
                for (JsonNode m : item.path("members@delta"))
                    if ("#microsoft.graph.group".equals(m.path("@odata.type").asText()) && m.hasNonNull("id"))
                        memberGroups.add(m.path("id").asText());
            }
            String next = Listing.nextLink(r.body());
            if (next != null) {
                url = next;
                continue;
            }
            JsonNode link = r.body().get("@odata.deltaLink");
            return new Changes(changed, removed, memberGroups, link != null && link.isTextual() ? link.asText() : null, r.status());
        }
    }
}
