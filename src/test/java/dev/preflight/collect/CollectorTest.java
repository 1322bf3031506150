package dev.preflight.collect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CollectorTest {
    @TempDir
    Path tmp;

    static final String A = "aaaaaaaa-0000-0000-0000-00000000000";
    static final String G = "abbbbbbb-0000-0000-0000-00000000000";

    static final List<String> CONTOSO_FILES = List.of(
            "graph/appManagementService/page-0001.json",
            "graph/authorizationPolicy/page-0001.json",
            "graph/directoryRoles/addddddd-0000-0000-0000-000000000001/members.json",
            "graph/directoryRoles/page-0001.json",
            "graph/groups/" + G + "1/memberOf/page-0001.json",
            "graph/groups/" + G + "1/members/page-0001.json",
            "graph/groups/" + G + "1/members/page-0002.json",
            "graph/groups/" + G + "2/memberOf/page-0001.json",
            "graph/groups/" + G + "2/members/page-0001.json",
            "graph/groups/" + G + "3/memberOf/page-0001.json",
            "graph/groups/" + G + "3/members/page-0001.json",
            "graph/groups/page-0001.json",
            "graph/groups/page-0002.json",
            "graph/oauth2PermissionGrants/page-0001.json",
            "graph/organization/page-0001.json",
            "graph/roleAssignmentScheduleInstances/page-0001.json",
            "graph/servicePrincipals/page-0001.json",
            "graph/subscribedSkus/page-0001.json",
            "graph/users/" + A + "1/mailboxSettings.json",
            "graph/users/" + A + "2/mailboxSettings.json",
            "graph/users/" + A + "3/mailboxSettings.json",
            "graph/users/" + A + "4/mailboxSettings.json",
            "graph/users/" + A + "5/mailboxSettings.json",
            "graph/users/page-0001.json",
            "graph/users/page-0002.json",
            "graph/users/page-0003.json",
            "preflight-collect.json");

    /** 13 GETs (users 3 pages, groups 2, eight single pages) and 5 batches (members twice: page 2 of a group). */
    static final int CLEAN_REQUESTS = 18;

    private Map<String, String> clean() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("clean"));
        try (ReplayServer replay = Harness.contosoAndFabrikam()) {
            new Harness(replay).collect(Harness.CONTOSO, dir);
            return Harness.files(dir, replay.root());
        }
    }

    /** endpoint status error pages, one line per call. */
    static List<String> calls(Collector.Result r) {
        return r.calls().stream().map(c -> c.endpoint() + " " + c.status() + (c.error() == null ? "" : " " + c.error())
                + " " + c.pages()).collect(Collectors.toList());
    }

    @Test
    void collectsEveryEndpointPageByPageAndWritesEnvelopes() throws Exception {
        try (ReplayServer replay = Harness.contosoAndFabrikam()) {
            Harness h = new Harness(replay);
            Collector.Result r = h.collect(Harness.CONTOSO, tmp);
            assertEquals(CONTOSO_FILES, Harness.names(tmp));
            assertEquals(CLEAN_REQUESTS, replay.requests());
            assertEquals(List.of("appManagementService 200 1", "authorizationPolicy 200 1", "directoryRoles.members 200 1",
                    "directoryRoles 200 1", "groups.memberOf 200 1", "groups.members 200 2", "groups.memberOf 200 1",
                    "groups.members 200 1", "groups.memberOf 200 1", "groups.members 200 1", "groups 200 2",
                    "oauth2PermissionGrants 200 1", "organization 200 1", "roleAssignmentScheduleInstances 200 1",
                    "servicePrincipals 200 1", "subscribedSkus 200 1", "users.mailboxSettings 200 1",
                    "users.mailboxSettings 200 1", "users.mailboxSettings 200 1", "users.mailboxSettings 200 1",
                    "users.mailboxSettings 404 MailboxNotEnabledForRESTAPI 1", "users 200 3"), calls(r));
            assertTrue(r.complete());
            Map<String, String> files = Harness.files(tmp, replay.root());
            String select = "$select=id,displayName,userPrincipalName,mail,accountEnabled,userType,onPremisesSyncEnabled,"
                    + "assignedLicenses,assignedPlans,proxyAddresses";
            assertEquals("{\n"
                    + "  \"preflightExport\" : 1,\n"
                    + "  \"tenant\" : \"contoso.onmicrosoft.com\",\n"
                    + "  \"request\" : \"GET http://replay/v1.0/users?$skiptoken=page3\",\n"
                    + "  \"status\" : 200,\n"
                    + "  \"receivedAt\" : \"2026-12-01T10:00:00Z\",\n"
                    + "  \"response\" : {\n"
                    + "    \"@odata.context\" : \"http://replay/v1.0/$metadata#users(id,displayName,userPrincipalName,mail,accountEnabled,userType,onPremisesSyncEnabled,assignedLicenses,assignedPlans,proxyAddresses)\",\n"
                    + "    \"value\" : [ {\n"
                    + "      \"id\" : \"" + A + "5\",\n"
                    + "      \"displayName\" : \"User 5\",\n"
                    + "      \"userPrincipalName\" : \"user5@contoso.onmicrosoft.com\",\n"
                    + "      \"mail\" : \"user5@contoso.onmicrosoft.com\",\n"
                    + "      \"accountEnabled\" : true,\n"
                    + "      \"userType\" : \"Member\",\n"
                    + "      \"onPremisesSyncEnabled\" : null,\n"
                    + "      \"assignedLicenses\" : [ {\n"
                    + "        \"skuId\" : \"05e9a617-0261-4cee-bb44-138d3ef5d965\",\n"
                    + "        \"disabledPlans\" : [ ]\n"
                    + "      } ],\n"
                    + "      \"assignedPlans\" : [ ],\n"
                    + "      \"proxyAddresses\" : [ \"SMTP:user5@contoso.onmicrosoft.com\" ]\n"
                    + "    } ]\n"
                    + "  }\n"
                    + "}\n", files.get("graph/users/page-0003.json"));
            assertTrue(files.get("graph/users/page-0001.json").contains("\"request\" : \"GET http://replay/v1.0/users?" + select + "&$top=999\""));
            // the chain: each page's request is the previous page's nextLink
            assertTrue(files.get("graph/users/page-0002.json").contains("\"@odata.nextLink\" : \"http://replay/v1.0/users?$skiptoken=page3\""));
            assertTrue(files.get("graph/users/page-0001.json").contains("\"@odata.nextLink\" : \"http://replay/v1.0/users?$skiptoken=page2\""));
            assertTrue(files.get("graph/users/page-0002.json").contains("\"request\" : \"GET http://replay/v1.0/users?$skiptoken=page2\""));
            // the second page of a group's members came through $batch, following its nextLink
            assertTrue(files.get("graph/groups/" + G + "1/members/page-0002.json")
                    .contains("\"request\" : \"GET http://replay/v1.0/groups/" + G + "1/members?$skiptoken=page2\""));
            assertEquals(5, replay.log().stream().filter(q -> q.method().equals("POST")).count());
            assertEquals(0, h.ticker.sleeps());
        }
    }

    @Test
    void a429StormInsideABatchIsRetriedPerRequestAfterItsRetryAfter() throws Exception {
        Map<String, String> clean = clean();
        Path dir = tmp.resolve("storm");
        try (ReplayServer replay = Harness.contosoAndFabrikam()) {
            Harness h = new Harness(replay);
            Map<String, List<Long>> seen = new ConcurrentHashMap<>();
            replay.fault(q -> {
                if (!q.inBatch()) return null;
                List<Long> at = seen.computeIfAbsent(q.url(), k -> new ArrayList<>());
                at.add(h.ticker.nanos());
                return at.size() <= 2 ? ReplayServer.Answer.error(429, "TooManyRequests", "3") : null;
            });
            Collector.Result r = h.collect(Harness.CONTOSO, dir);
            assertEquals(clean, Harness.files(dir, replay.root()));
            assertTrue(r.complete());
            // every request inside a batch: throttled twice, then answered; never asked again before its Retry-After
            assertEquals(13, seen.size()); // 3 + 1 members pages, 3 memberOf, 1 role's members, 5 mailboxes
            for (Map.Entry<String, List<Long>> e : seen.entrySet()) {
                List<Long> at = e.getValue();
                assertEquals(3, at.size(), e.getKey());
                for (int i = 1; i < at.size(); i++)
                    assertTrue(at.get(i) - at.get(i - 1) >= Duration.ofSeconds(3).toNanos(), e.getKey());
            }
            // members (two rounds, then two more for the second page), memberOf, role members, mailboxes: 3 s each
            assertEquals(Duration.ofSeconds(30), h.ticker.slept());
            assertEquals(8, r.stats().get("groups.members").throttled()); // (3 first pages + 1 second page) x 2
        }
    }

    @Test
    void aThrottledBatchEnvelopeHalvesTheBatch() throws Exception {
        try (ReplayServer replay = new ReplayServer()) {
            replay.tenant("big.example", "x", new GeneratedTenant("0000000", 100, 50, 3));
            Harness h = new Harness(replay);
            AtomicInteger batches = new AtomicInteger();
            replay.fault(q -> q.method().equals("POST") && batches.incrementAndGet() == 1
                    ? ReplayServer.Answer.error(429, "TooManyRequests", "2") : null);
            Collector.Result r = h.collect("big.example", tmp);
            List<Integer> sizes = replay.log().stream().filter(q -> q.method().equals("POST")
                    && replay.log().stream().anyMatch(s -> s.seq() == q.seq() && s.url().endsWith("/members?$select=id,displayName,userPrincipalName,mail,groupTypes,mailEnabled,securityEnabled&$top=999")))
                    .map(ReplayServer.Req::batchSize).collect(Collectors.toList());
            assertEquals(List.of(10, 10, 10, 10, 10), sizes);
            List<Integer> all = replay.log().stream().filter(q -> q.method().equals("POST")).map(ReplayServer.Req::batchSize)
                    .collect(Collectors.toList());
            assertEquals(20, all.get(0)); // the throttled one
            assertEquals(Duration.ofSeconds(2), h.ticker.slept());
            assertTrue(r.complete());
            assertEquals(50, r.calls().stream().filter(c -> c.endpoint().equals("groups.members")).count());
        }
    }

    @Test
    void aTransient503AndA504AreRetried() throws Exception {
        Map<String, String> clean = clean();
        Path dir = tmp.resolve("transient");
        try (ReplayServer replay = Harness.contosoAndFabrikam()) {
            Harness h = new Harness(replay);
            AtomicInteger users2 = new AtomicInteger();
            AtomicInteger mailbox = new AtomicInteger();
            replay.fault(q -> {
                if (q.url().endsWith("/users?$skiptoken=page2") && users2.incrementAndGet() == 1)
                    return ReplayServer.Answer.error(503, "ServiceUnavailable", null);
                if (q.inBatch() && q.url().endsWith(A + "2/mailboxSettings") && mailbox.incrementAndGet() == 1)
                    return ReplayServer.Answer.error(504, "GatewayTimeout", "1");
                return null;
            });
            Collector.Result r = h.collect(Harness.CONTOSO, dir);
            assertEquals(clean, Harness.files(dir, replay.root()));
            assertEquals(2, users2.get());
            assertEquals(2, mailbox.get());
            assertEquals(CLEAN_REQUESTS + 2, replay.requests());
            assertTrue(r.complete());
        }
    }

    @Test
    void anExpiredTokenMidRunIsRefreshedOnceAndTheCallRetried() throws Exception {
        Map<String, String> clean = clean();
        Path dir = tmp.resolve("expired");
        try (ReplayServer replay = Harness.contosoAndFabrikam()) {
            Harness h = new Harness(replay);
            replay.fault(q -> {
                if (q.seq() == 6) replay.expire(FakeTokens.token(Harness.CONTOSO, 1));
                return null;
            });
            Collector.Result r = h.collect(Harness.CONTOSO, dir);
            assertEquals(clean, Harness.files(dir, replay.root()));
            assertEquals(1, h.tokens.refreshes.get());
            assertEquals(CLEAN_REQUESTS + 1, replay.requests());
            assertTrue(r.complete());
        }
    }

    @Test
    void a403OnOneEndpointIsRecordedAndTheRunGoesOn() throws Exception {
        Map<String, String> clean = clean();
        Path dir = tmp.resolve("forbidden");
        try (ReplayServer replay = Harness.contosoAndFabrikam()) {
            Harness h = new Harness(replay);
            replay.fault(q -> q.url().endsWith("/policies/authorizationPolicy")
                    ? ReplayServer.Answer.error(403, "Authorization_RequestDenied", null) : null);
            Collector.Result r = h.collect(Harness.CONTOSO, dir);
            Map<String, String> files = Harness.files(dir, replay.root());
            assertEquals(CONTOSO_FILES, List.copyOf(files.keySet()));
            assertEquals("{\n"
                    + "  \"preflightExport\" : 1,\n"
                    + "  \"tenant\" : \"contoso.onmicrosoft.com\",\n"
                    + "  \"request\" : \"GET http://replay/v1.0/policies/authorizationPolicy\",\n"
                    + "  \"status\" : 403,\n"
                    + "  \"receivedAt\" : \"2026-12-01T10:00:00Z\",\n"
                    + "  \"response\" : {\n"
                    + "    \"error\" : {\n"
                    + "      \"code\" : \"Authorization_RequestDenied\",\n"
                    + "      \"message\" : \"replayed 403\"\n"
                    + "    }\n"
                    + "  }\n"
                    + "}\n", files.get("graph/authorizationPolicy/page-0001.json"));
            for (String f : CONTOSO_FILES)
                if (!f.equals("preflight-collect.json") && !f.startsWith("graph/authorizationPolicy/"))
                    assertEquals(clean.get(f), files.get(f), f);
            assertFalse(r.complete());
            assertEquals(1, r.failed());
            assertTrue(calls(r).contains("authorizationPolicy 403 Authorization_RequestDenied 1"));
            assertTrue(files.get("preflight-collect.json").contains("\"complete\" : false"));
            assertTrue(files.get("preflight-collect.json").contains("\"endpoint\" : \"authorizationPolicy\",\n"
                    + "    \"request\" : \"GET http://replay/v1.0/policies/authorizationPolicy\",\n"
                    + "    \"status\" : 403,\n    \"error\" : \"Authorization_RequestDenied\",\n    \"pages\" : 1,"));
        }
    }

    @Test
    void aKilledRunResumesToTheSameBytesWithoutAskingAgainForWholePages() throws Exception {
        Map<String, String> clean = clean();
        for (int n : new int[]{1, 3, 4, 6, 12, 13, 14, 15, 16, 17}) {
            Path dir = tmp.resolve("killed-" + n);
            try (ReplayServer replay = Harness.contosoAndFabrikam()) {
                Harness first = new Harness(replay).limit(n);
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> first.collect(Harness.CONTOSO, dir));
                assertTrue(e.getCause() instanceof AppBudget.Exhausted, String.valueOf(e));
                assertFalse(Files.exists(dir.resolve(Collector.MANIFEST)), "a killed run writes no manifest");
                assertEquals(n, replay.requests());
                new Harness(replay).collect(Harness.CONTOSO, dir);
                assertEquals(clean, Harness.files(dir, replay.root()), "killed after " + n);
                assertEquals(CLEAN_REQUESTS, replay.requests(), "killed after " + n + ": nothing asked twice");
            }
        }
    }

    @Test
    void halfWrittenOrForeignFilesAreCollectedAgain() throws Exception {
        Map<String, String> clean = clean();
        Path dir = tmp.resolve("torn");
        try (ReplayServer replay = Harness.contosoAndFabrikam()) {
            new Harness(replay).collect(Harness.CONTOSO, dir);
            Files.writeString(dir.resolve("graph/users/page-0002.json"), "{\"preflightExport\": 1, \"response\": {");
            Files.writeString(dir.resolve("graph/users/.page-0003.json.part"), "{");
            new Harness(replay).collect(Harness.CONTOSO, dir);
            assertEquals(clean, Harness.files(dir, replay.root()));
            assertEquals(CLEAN_REQUESTS + 2, replay.requests(), "pages 2 and 3 of users asked again, nothing else");
        }
    }

    @Test
    void twoTenantsInOneRunShareTheBudgetAndNoFactCrosses() throws Exception {
        try (ReplayServer replay = Harness.contosoAndFabrikam()) {
            Harness h = new Harness(replay);
            Collector.Result c = h.collect(Harness.CONTOSO, tmp.resolve("c"));
            Collector.Result f = h.collect(Harness.FABRIKAM, tmp.resolve("f"));
            assertTrue(c.complete());
            assertTrue(f.complete());
            assertEquals(replay.requests(), h.budget.requests());
            Map<String, String> cf = Harness.files(tmp.resolve("c"), replay.root());
            Map<String, String> ff = Harness.files(tmp.resolve("f"), replay.root());
            for (Map.Entry<String, String> e : ff.entrySet()) {
                assertFalse(e.getValue().contains("contoso"), e.getKey());
                assertFalse(e.getValue().matches("(?s).*\"a[0-9a-f]{7}-0000-.*"), e.getKey());
                assertTrue(e.getValue().contains("\"tenant\" : \"fabrikam.onmicrosoft.com\""), e.getKey());
            }
            for (Map.Entry<String, String> e : cf.entrySet()) {
                assertFalse(e.getValue().contains("fabrikam"), e.getKey());
                assertFalse(e.getValue().matches("(?s).*\"f[0-9a-f]{7}-0000-.*"), e.getKey());
            }
            assertEquals(Map.of(Harness.CONTOSO, 1, Harness.FABRIKAM, 1), h.tokens.generation);
        }
    }

    @Test
    void noTokenEverLandsInAFile() throws Exception {
        try (ReplayServer replay = Harness.contosoAndFabrikam()) {
            Harness h = new Harness(replay);
            replay.fault(q -> {
                if (q.seq() == 3) replay.expire(FakeTokens.token(Harness.CONTOSO, 1));
                return null;
            });
            h.collect(Harness.CONTOSO, tmp);
            for (Map.Entry<String, String> e : Harness.files(tmp, replay.root()).entrySet())
                assertFalse(e.getValue().contains("SECRETVALUE") || e.getValue().contains("tok-"), e.getKey());
        }
    }
}
