package dev.preflight.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.cli.CollectCommand;
import dev.preflight.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code collect --check} end to end against the replay: collected, imported and checked, with the exact findings
 * of each fault case. The recorded tenant has no deployments, so the findings are the tenant-wide ones.
 */
class CollectCheckTest {
    @TempDir
    Path tmp;

    /**
     * Findings of a clean collection (collect/clean-findings.txt): the tenant-wide rules, two facts Graph does not give,
     * and a could-not-verify for every rule that needs what a Graph collection has no call for (Centralized Deployment's
     * apps, deployments and operations come from PowerShell exports, not Graph).
     */
    static List<String> clean(String tenant) {
        try (var in = CollectCheckTest.class.getResourceAsStream("/collect/clean-findings.txt")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return text.lines().map(l -> l.replace("{tenant}", tenant)).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static final List<String> CLEAN = clean("Contoso");

    static List<String> sorted(List<String> l) {
        return l.stream().sorted().toList();
    }

    record Run(int code, List<String> findings, String err) {
    }

    Run check(ReplayServer replay, Ticker.Virtual ticker, String tenant, String... extra) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(new PrintWriter(out), new PrintWriter(err));
        ((CollectCommand) cl.getSubcommands().get("collect").getCommand()).withTokens(new FakeTokens(replay))
                .withTime(ticker, Harness.CLOCK);
        Path report = tmp.resolve("report-" + System.nanoTime() + ".json");
        List<String> args = new ArrayList<>(List.of("collect", "--tenant", tenant, "--out", tmp.resolve("exports").toString(),
                "--graph-url", replay.graphBase(), "--check", "--format", "json=" + report, "--fail-on", "none"));
        args.addAll(List.of(extra));
        int code = cl.execute(args.toArray(String[]::new));
        List<String> findings = new ArrayList<>();
        List<Path> reports = new ArrayList<>(List.of(report));
        if (extra.length > 0 && extra[0].equals("--tenant"))
            reports = List.of(Path.of(report.toString().replace(".json", "." + tenant + ".json")),
                    Path.of(report.toString().replace(".json", "." + extra[1] + ".json")));
        for (Path p : reports)
            if (Files.exists(p))
                for (JsonNode f : new ObjectMapper().readTree(p.toFile()).path("findings"))
                    findings.add(f.path("ruleId").asText() + " " + f.path("message").asText().replace(replay.root(), "http://replay"));
        return new Run(code, findings, err.toString());
    }

    @Test
    void cleanCollectionChecksWithTheTenantWideFindings() throws Exception {
        try (ReplayServer replay = Harness.contosoAndFabrikam()) {
            Run r = check(replay, new Ticker.Virtual(), Harness.CONTOSO);
            assertEquals(0, r.code(), r.err());
            assertEquals(CLEAN, r.findings());
        }
    }

    @Test
    void a403GivesDataFourNamingTheCall() throws Exception {
        try (ReplayServer replay = Harness.contosoAndFabrikam()) {
            replay.fault(q -> q.url().endsWith("/policies/authorizationPolicy")
                    ? ReplayServer.Answer.error(403, "Authorization_RequestDenied", null) : null);
            Run r = check(replay, new Ticker.Virtual(), Harness.CONTOSO);
            assertEquals(0, r.code(), r.err());
            List<String> expected = new ArrayList<>(CLEAN);
            expected.remove("CON-003 Users of 'Contoso' can consent to third-party apps");
            expected.add("DATA-004 CON-001 could not be decided for tenant 'Contoso': the snapshot does not give tenant.userConsent "
                    + "(absent because GET http://replay/v1.0/policies/authorizationPolicy returned 403 "
                    + "Authorization_RequestDenied (graph/authorizationPolicy/page-0001.json))");
            expected.add("DATA-004 CON-003 could not be decided for tenant 'Contoso': the snapshot does not give tenant.userConsent "
                    + "(absent because GET http://replay/v1.0/policies/authorizationPolicy returned 403 "
                    + "Authorization_RequestDenied (graph/authorizationPolicy/page-0001.json))");
            assertEquals(sorted(expected), sorted(r.findings()));
        }
    }

    @Test
    void throttlingTransientErrorsAndAnExpiredTokenChangeNoFinding() throws Exception {
        try (ReplayServer replay = Harness.contosoAndFabrikam()) {
            AtomicInteger n = new AtomicInteger();
            replay.fault(q -> {
                if (q.seq() == 7) replay.expire(FakeTokens.token(Harness.CONTOSO, 1));
                if (q.inBatch() && n.incrementAndGet() % 3 != 0) return ReplayServer.Answer.error(429, "TooManyRequests", "5");
                if (q.url().endsWith("/subscribedSkus?$select=id,skuId,skuPartNumber,appliesTo,capabilityStatus,consumedUnits,prepaidUnits,servicePlans")
                        && n.incrementAndGet() < 3) return ReplayServer.Answer.error(503, "ServiceUnavailable", null);
                return null;
            });
            Ticker.Virtual ticker = new Ticker.Virtual();
            Run r = check(replay, ticker, Harness.CONTOSO);
            assertEquals(0, r.code(), r.err());
            assertEquals(CLEAN, r.findings());
        }
    }

    @Test
    void aKilledRunResumedChecksLikeAnUninterruptedOne() throws Exception {
        try (ReplayServer replay = Harness.contosoAndFabrikam()) {
            Run killed = check(replay, new Ticker.Virtual(), Harness.CONTOSO, "--max-requests", "9");
            assertEquals(2, killed.code());
            assertEquals(List.of(), killed.findings());
            assertEquals("preflight: stopped after 9 requests (--max-requests); rerun the same command to continue\n", killed.err());
            Run resumed = check(replay, new Ticker.Virtual(), Harness.CONTOSO);
            assertEquals(0, resumed.code(), resumed.err());
            assertEquals(CLEAN, resumed.findings());
            assertEquals(CollectorTest.CLEAN_REQUESTS, replay.requests());
        }
    }

    @Test
    void twoTenantsAreCheckedApart() throws Exception {
        try (ReplayServer replay = Harness.contosoAndFabrikam()) {
            Run r = check(replay, new Ticker.Virtual(), Harness.CONTOSO, "--tenant", Harness.FABRIKAM);
            assertEquals(0, r.code(), r.err());
            // a report per tenant, each with its own tenant's findings only
            List<String> expected = new ArrayList<>(CLEAN);
            expected.addAll(clean("Fabrikam"));
            assertEquals(expected, r.findings());
        }
    }
}
