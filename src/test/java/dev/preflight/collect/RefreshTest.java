package dev.preflight.collect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --refresh}: delta queries decide what is asked again; 410 Gone is a full resync. */
class RefreshTest {
    @TempDir
    Path tmp;

    static final String U = "aaaaaaaa-0000-0000-0000-00000000000";
    static final String G = "abbbbbbb-0000-0000-0000-00000000000";
    static final String V = ReplayServer.GRAPH + "/v1.0";

    /** The recorded tenant, plus delta rounds: the initial ones (everything) and one round of changes. */
    static ReplayServer.Fault delta(boolean changed, boolean gone) {
        return q -> {
            String u = q.url();
            if (u.equals(V + Delta.USERS))
                return ReplayServer.Answer.json(200, "{\"value\":[{\"id\":\"" + U + "1\"},{\"id\":\"" + U + "2\"}],"
                        + "\"@odata.nextLink\":\"" + V + "/users/delta?$skiptoken=d2\"}");
            if (u.equals(V + "/users/delta?$skiptoken=d2"))
                return ReplayServer.Answer.json(200, "{\"value\":[{\"id\":\"" + U + "3\"}],\"@odata.deltaLink\":\"" + V + "/users/delta?$deltatoken=u1\"}");
            if (u.equals(V + Delta.GROUPS))
                return ReplayServer.Answer.json(200, "{\"value\":[{\"id\":\"" + G + "1\",\"members@delta\":[{\"@odata.type\":\"#microsoft.graph.group\",\"id\":\"" + G + "2\"}]}],"
                        + "\"@odata.deltaLink\":\"" + V + "/groups/delta?$deltatoken=g1\"}");
            if (u.equals(V + "/users/delta?$deltatoken=u1"))
                return gone ? ReplayServer.Answer.error(410, "SyncStateNotFound", null)
                        : ReplayServer.Answer.json(200, "{\"value\":[" + (changed ? "{\"id\":\"" + U + "2\"}" : "")
                        + "],\"@odata.deltaLink\":\"" + V + "/users/delta?$deltatoken=u2\"}");
            if (u.equals(V + "/groups/delta?$deltatoken=g1"))
                return ReplayServer.Answer.json(200, "{\"value\":[" + (changed ? "{\"id\":\"" + G + "3\",\"members@delta\":[{\"@odata.type\":"
                        + "\"#microsoft.graph.user\",\"id\":\"" + U + "1\"}]}" : "") + "],\"@odata.deltaLink\":\"" + V + "/groups/delta?$deltatoken=g2\"}");
            // after the change: group 3 has user 1 too
            if (changed && u.startsWith(V + "/groups/" + G + "3/members?"))
                return ReplayServer.Answer.json(200, "{\"@odata.context\":\"" + V + "/$metadata#directoryObjects\",\"value\":["
                        + "{\"@odata.type\":\"#microsoft.graph.user\",\"id\":\"" + U + "2\"},{\"@odata.type\":\"#microsoft.graph.user\",\"id\":\"" + U + "1\"}]}");
            return null;
        };
    }

    static Map<String, String> withoutManifest(Map<String, String> files) {
        Map<String, String> m = new TreeMap<>(files);
        m.remove(Collector.MANIFEST);
        return m;
    }

    @Test
    void aFirstRefreshResyncsAndKeepsDeltaLinksThenOnlyWhatChangedIsAskedAgain() throws Exception {
        Path dir = tmp.resolve("x");
        Path expected = tmp.resolve("expected");
        try (ReplayServer replay = Harness.contosoAndFabrikam()) {
            replay.fault(delta(false, false));
            new Harness(replay).collect(Harness.CONTOSO, dir);
            int before = replay.requests();
            // no delta links yet: full resync, links kept in the manifest
            Collector.Result r = new Harness(replay).collector().collect(Harness.CONTOSO, dir, true);
            assertTrue(r.complete());
            assertEquals(CollectorTest.CLEAN_REQUESTS + 3, replay.requests() - before); // + users delta (2 pages), groups delta
            String manifest = Files.readString(dir.resolve(Collector.MANIFEST));
            assertTrue(manifest.endsWith("  \"delta\" : {\n    \"users\" : \"" + replay.graphBase() + "/users/delta?$deltatoken=u1\",\n"
                    + "    \"groups\" : \"" + replay.graphBase() + "/groups/delta?$deltatoken=g1\"\n  }\n}\n"), manifest);

            // user 2 and group 3 (its members) changed
            replay.fault(delta(true, false));
            List<ReplayServer.Req> log0 = replay.log();
            new Harness(replay).collector().collect(Harness.CONTOSO, dir, true);
            List<String> asked = replay.log().subList(log0.size(), replay.log().size()).stream()
                    .filter(q -> q.inBatch() || !q.method().equals("POST"))
                    .map(q -> q.url().substring(V.length()).replaceAll("\\?.*", "")).collect(Collectors.toList());
            assertEquals(List.of("/users/delta", "/groups/delta", "/organization", "/subscribedSkus", "/users", "/users",
                    "/users", "/groups", "/groups", "/directoryRoles", "/roleManagement/directory/roleAssignmentScheduleInstances",
                    "/servicePrincipals", "/servicePrincipals", "/policies/authorizationPolicy", "/oauth2PermissionGrants",
                    "/groups/" + G + "3/members", "/directoryRoles/addddddd-0000-0000-0000-000000000001/members",
                    "/users/" + U + "2/mailboxSettings"), asked);
            assertTrue(Files.readString(dir.resolve(Collector.MANIFEST)).contains("/groups/delta?$deltatoken=g2"));

            // the same as collecting the changed tenant from scratch
            new Harness(replay).collect(Harness.CONTOSO, expected);
            assertEquals(withoutManifest(Harness.files(expected, replay.root())), withoutManifest(Harness.files(dir, replay.root())));
            assertTrue(Harness.files(dir, replay.root()).get("graph/groups/" + G + "3/members/page-0001.json").contains(U + "1"));
        }
    }

    @Test
    void goneMeansAFullResync() throws Exception {
        Path dir = tmp.resolve("x");
        try (ReplayServer replay = Harness.contosoAndFabrikam()) {
            replay.fault(delta(false, false));
            Harness h = new Harness(replay);
            h.collector().collect(Harness.CONTOSO, dir, true); // establishes links
            Map<String, String> first = Harness.files(dir, replay.root());
            replay.fault(delta(false, true));
            int before = replay.requests();
            Collector.Result r = new Harness(replay).collector().collect(Harness.CONTOSO, dir, true);
            assertTrue(r.complete());
            // the 410, the initial delta rounds again (3 pages), then everything
            assertEquals(1 + 3 + CollectorTest.CLEAN_REQUESTS, replay.requests() - before);
            assertEquals(first, Harness.files(dir, replay.root()));
        }
    }
}
