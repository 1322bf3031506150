package dev.preflight.collect;

import dev.preflight.cli.CollectCommand;
import dev.preflight.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CollectCommandTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(TokenProvider tokens, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(new PrintWriter(out), new PrintWriter(err));
        ((CollectCommand) cl.getSubcommands().get("collect").getCommand()).withTokens(tokens);
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void twoTenantsEachGetTheirOwnFolder() throws Exception {
        try (ReplayServer replay = Harness.contosoAndFabrikam()) {
            Path out = tmp.resolve("exports");
            Run r = run(new FakeTokens(replay), "collect", "--tenant", Harness.CONTOSO, "--tenant", Harness.FABRIKAM,
                    "--out", out.toString(), "--graph-url", replay.graphBase());
            assertEquals(0, r.code(), r.err());
            assertEquals("preflight: contoso.onmicrosoft.com: 22 calls, all answered; exports in " + out.resolve(Harness.CONTOSO) + "\n"
                    + "preflight: fabrikam.onmicrosoft.com: 16 calls, all answered; exports in " + out.resolve(Harness.FABRIKAM) + "\n", r.err());
            assertEquals("", r.out());
            assertEquals(CollectorTest.CONTOSO_FILES, Harness.names(out.resolve(Harness.CONTOSO)));
            for (String f : Harness.files(out.resolve(Harness.FABRIKAM), replay.root()).values())
                assertFalse(f.contains("contoso"));
        }
    }

    @Test
    void aForbiddenCallIsSaidAndTheRunSucceedsWithWhatItHas() throws Exception {
        try (ReplayServer replay = Harness.contosoAndFabrikam()) {
            replay.fault(q -> q.url().contains("/oauth2PermissionGrants")
                    ? ReplayServer.Answer.error(403, "Authorization_RequestDenied", null) : null);
            Path out = tmp.resolve("exports");
            Run r = run(new FakeTokens(replay), "collect", "--tenant", Harness.CONTOSO, "--out", out.toString(),
                    "--graph-url", replay.graphBase());
            assertEquals(0, r.code(), r.err());
            assertEquals("preflight: contoso.onmicrosoft.com: 1 of 22 calls failed; the facts they give are absent "
                    + "(DATA-004 for the rules that need them):\n"
                    + "  GET " + replay.graphBase() + "/oauth2PermissionGrants -> 403 Authorization_RequestDenied\n", r.err());
        }
    }

    @Test
    void aRunThatCollectedNothingSaysSoAndExits2() throws Exception {
        try (ReplayServer replay = Harness.contosoAndFabrikam()) {
            replay.fault(q -> ReplayServer.Answer.error(403, "Authorization_RequestDenied", null));
            Path out = tmp.resolve("exports");
            Run r = run(new FakeTokens(replay), "collect", "--tenant", Harness.CONTOSO, "--out", out.toString(),
                    "--graph-url", replay.graphBase());
            assertEquals(2, r.code());
            assertTrue(r.err().startsWith("preflight: contoso.onmicrosoft.com: collected nothing: all 10 calls failed\n"), r.err());
        }
    }

    @Test
    void aFailedSignInCollectsNothingAndExits2() throws Exception {
        TokenProvider refused = (tenant, resource, refresh) -> {
            throw new TokenProvider.AuthException("sign-in to " + tenant + " failed: AADSTS700016 application not found", null);
        };
        try (ReplayServer replay = Harness.contosoAndFabrikam()) {
            Run r = run(refused, "collect", "--tenant", Harness.CONTOSO, "--out", tmp.toString(), "--graph-url", replay.graphBase());
            assertEquals(2, r.code());
            assertEquals("preflight: contoso.onmicrosoft.com: sign-in to contoso.onmicrosoft.com failed: AADSTS700016 "
                    + "application not found; collected nothing from it\n", r.err());
            assertEquals(0, replay.requests());
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(new Run(2, "", "preflight collect: --tenant not a tenant: not a tenant id or domain\n"),
                run(null, "collect", "--tenant", "not a tenant", "--out", tmp.toString()));
        assertEquals(new Run(2, "", "preflight collect: --certificate needs --client-id (the application it belongs to)\n"),
                run(null, "collect", "--tenant", Harness.CONTOSO, "--certificate", "x.pfx", "--out", tmp.toString()));
    }

    @Test
    void noSecretInStandardErrorOrFiles() throws Exception {
        try (ReplayServer replay = Harness.contosoAndFabrikam()) {
            replay.fault(q -> {
                if (q.seq() == 4) replay.expire(FakeTokens.token(Harness.CONTOSO, 1));
                return q.url().contains("/subscribedSkus") ? ReplayServer.Answer.error(403, "Authorization_RequestDenied", null) : null;
            });
            Path out = tmp.resolve("exports");
            Run r = run(new FakeTokens(replay), "collect", "--tenant", Harness.CONTOSO, "--out", out.toString(),
                    "--graph-url", replay.graphBase());
            assertEquals(0, r.code());
            for (String s : List.of(r.out(), r.err())) assertFalse(s.contains("SECRETVALUE"));
            for (Map.Entry<String, String> f : Harness.files(out, replay.root()).entrySet())
                assertFalse(f.getValue().contains("SECRETVALUE") || f.getValue().contains("Bearer"), f.getKey());
        }
    }
}
