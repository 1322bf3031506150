package dev.preflight.collect;

import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * msal4j itself, signing in with a certificate against the replay's token endpoint. msal4j accepts only https
 * authorities, so the authority is {@code https://login.replay.test/} and msal4j's HTTP client (an injection
 * point it offers) takes those requests to the replay on 127.0.0.1; instance discovery is off for such an authority.
 */
class MsalTokensTest {
    @TempDir
    Path tmp;

    static final String PASSWORD = "pfx-PASSWORD-not-in-logs";

    /** A throwaway self-signed certificate made by the JDK's keytool. */
    static Path pfx(Path dir) throws Exception {
        Path f = dir.resolve("app.pfx");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "app", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=preflight-test",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", f.toString(), "-storepass", PASSWORD,
                "-keypass", PASSWORD).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return f;
    }

    static Path pem(Path pfx) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(pfx)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        PrivateKey key = (PrivateKey) ks.getKey("app", PASSWORD.toCharArray());
        Certificate cert = ks.getCertificate("app");
        Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        Path f = pfx.resolveSibling("app.pem");
        Files.writeString(f, "-----BEGIN PRIVATE KEY-----\n" + b64.encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n"
                + "-----BEGIN CERTIFICATE-----\n" + b64.encodeToString(cert.getEncoded()) + "\n-----END CERTIFICATE-----\n");
        return f;
    }

    /** msal4j's requests to https://login.replay.test go to the replay. */
    static IHttpClient to(ReplayServer replay) {
        HttpClient http = HttpClient.newHttpClient();
        return (HttpRequest r) -> {
            String url = r.url().toString().replace("https://login.replay.test", replay.root());
            java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(url));
            if (r.headers() != null) r.headers().forEach((k, v) -> {
                if (!k.equalsIgnoreCase("host") && !k.equalsIgnoreCase("content-length")) b.header(k, v);
            });
            b.method(r.httpMethod().methodName, r.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(r.body()));
            HttpResponse<String> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            com.microsoft.aad.msal4j.HttpResponse out = new com.microsoft.aad.msal4j.HttpResponse().statusCode(resp.statusCode()).body(resp.body());
            out.addHeaders(resp.headers().map());
            return (IHttpResponse) out;
        };
    }

    @Test
    void certificateSignInOneCachePerTenantRefreshOnExpiry() throws Exception {
        Path pfx = pfx(tmp);
        try (ReplayServer replay = Harness.contosoAndFabrikam()) {
            MsalTokens msal = new MsalTokens("11111111-2222-3333-4444-555555555555",
                    MsalTokens.certificate(pfx, PASSWORD.toCharArray()), "https://login.replay.test/", to(replay), null);
            Ticker.Virtual ticker = new Ticker.Virtual();
            AppBudget budget = AppBudget.graphDefault(ticker, 0);
            Collector c = new Collector(Collector.defaultHttp(), msal, budget, Backoff.standard(), ticker, Harness.CLOCK,
                    Collector.Services.of(replay.graphBase(), null), Progress.QUIET);
            replay.fault(q -> {
                if (q.seq() == 5) replay.expire("msal-" + Harness.CONTOSO + "-1-SECRETVALUE");
                return null;
            });
            assertTrue(c.collect(Harness.CONTOSO, tmp.resolve("c")).complete());
            assertTrue(c.collect(Harness.FABRIKAM, tmp.resolve("f")).complete());
            // one token per tenant from the cache, plus one refresh after the expiry; never a token of one for the other
            assertEquals(List.of(Harness.CONTOSO, Harness.CONTOSO, Harness.FABRIKAM),
                    replay.tokenRequests.stream().map(m -> m.get("tenant")).collect(Collectors.toList()));
            for (Map<String, String> form : replay.tokenRequests) {
                assertEquals("client_credentials", form.get("grant_type"));
                assertTrue(form.get("scope").startsWith("https://graph.microsoft.com/.default"), form.get("scope"));
                assertEquals("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form.get("client_assertion_type"));
                assertFalse(form.containsKey("client_secret"));
            }
            for (String f : java.util.stream.Stream.of("c", "f").flatMap(d -> Harness.files(tmp.resolve(d), replay.root()).values().stream()).toList()) {
                assertFalse(f.contains("SECRETVALUE"));
                assertFalse(f.contains(PASSWORD));
            }
        }
    }

    @Test
    void deviceCodeShowsTheInstructionsAndSignsIn() throws Exception {
        try (ReplayServer replay = Harness.contosoAndFabrikam()) {
            java.io.StringWriter prompt = new java.io.StringWriter();
            MsalTokens msal = new MsalTokens(null, null, "https://login.replay.test/", to(replay), new java.io.PrintWriter(prompt));
            assertEquals("msal-contoso.onmicrosoft.com-1-SECRETVALUE", msal.token(Harness.CONTOSO, "https://graph.microsoft.com", false));
            assertEquals("To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code "
                    + "ABCD-EFGH to authenticate.\n", prompt.toString());
            Map<String, String> form = replay.tokenRequests.get(0);
            assertEquals("device_code", form.get("grant_type"));
            assertEquals("DC-1", form.get("device_code"));
            assertEquals(MsalTokens.GRAPH_COMMAND_LINE_TOOLS, form.get("client_id"));
        }
    }

    @Test
    void aPemCertificateIsReadToo() throws Exception {
        Path pem = pem(pfx(tmp));
        try (ReplayServer replay = Harness.contosoAndFabrikam()) {
            MsalTokens msal = new MsalTokens("11111111-2222-3333-4444-555555555555",
                    MsalTokens.certificate(pem, null), "https://login.replay.test/", to(replay), null);
            String t = msal.token(Harness.FABRIKAM, "https://graph.microsoft.com", false);
            assertEquals("msal-fabrikam.onmicrosoft.com-1-SECRETVALUE", t);
            assertEquals(t, msal.token(Harness.FABRIKAM, "https://graph.microsoft.com", false)); // from the cache
            assertEquals(1, replay.tokenRequests.size());
        }
    }

    @Test
    void anUnreadableCertificateSaysSoWithoutItsContent() throws Exception {
        Path bad = tmp.resolve("bad.pem");
        Files.writeString(bad, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        TokenProvider.AuthException e = org.junit.jupiter.api.Assertions.assertThrows(TokenProvider.AuthException.class,
                () -> MsalTokens.certificate(bad, null));
        assertEquals(bad + ": no unencrypted PKCS#8 PRIVATE KEY block (convert it with 'openssl pkcs8 -topk8 -nocrypt')", e.getMessage());
        Path pfx = pfx(tmp);
        e = org.junit.jupiter.api.Assertions.assertThrows(TokenProvider.AuthException.class,
                () -> MsalTokens.certificate(pfx, "wrong".toCharArray()));
        assertFalse(e.getMessage().contains("wrong"));
        assertTrue(e.getMessage().startsWith(pfx + ": cannot read the certificate"), e.getMessage());
    }
}
