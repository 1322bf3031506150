package dev.preflight.collect;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCertificate;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tokens from Microsoft's authentication library (msal4j): device code for a person at a terminal, or client
 * credentials with a certificate (PEM or PFX) for CI. There is deliberately no client secret option. Each tenant
 * gets an application object, and with it a token cache, of its own: no token of one tenant can be handed out for
 * another.
 */
public final class MsalTokens implements TokenProvider {

    /** Microsoft's public client for Graph from the command line, used for device code when no --client-id is given. */
    public static final String GRAPH_COMMAND_LINE_TOOLS = "14d82eec-204b-4c2f-b7e8-296a70dab67e";
    public static final String AUTHORITY = "https://login.microsoftonline.com/";

    private final String clientId;
    private final IClientCertificate certificate;
    private final String authorityHost;
    private final IHttpClient httpClient;
    private final PrintWriter prompt;
    private final Map<String, Object> apps = new ConcurrentHashMap<>();
    private final Map<String, IAccount> accounts = new ConcurrentHashMap<>();

    /**
     * @param certificate null for device code
     * @param authorityHost e.g. {@code https://login.microsoftonline.com/} (msal4j requires https)
     * @param httpClient null for msal4j's own; tests route it to the replay
     * @param prompt where the device code instructions go (standard error)
     */
    public MsalTokens(String clientId, IClientCertificate certificate, String authorityHost, IHttpClient httpClient,
                      PrintWriter prompt) {
        this.clientId = clientId == null ? GRAPH_COMMAND_LINE_TOOLS : clientId;
        this.certificate = certificate;
        this.authorityHost = authorityHost.endsWith("/") ? authorityHost : authorityHost + "/";
        this.httpClient = httpClient;
        this.prompt = prompt;
    }

    /**
     * Reads a certificate with its private key: a PFX/PKCS#12 file (password from {@code password}, may be empty), or
     * a PEM file holding an unencrypted PKCS#8 {@code PRIVATE KEY} and the {@code CERTIFICATE}.
     */
    public static IClientCertificate certificate(Path file, char[] password) throws AuthException {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.US_ASCII);
            if (!text.contains("-----BEGIN"))
                return ClientCredentialFactory.createFromCertificate(new ByteArrayInputStream(bytes),
                        password == null ? "" : new String(password));
            byte[] key = pem(text, "PRIVATE KEY");
            byte[] cert = pem(text, "CERTIFICATE");
            if (key == null) throw new AuthException(file + ": no unencrypted PKCS#8 PRIVATE KEY block (convert it with "
                    + "'openssl pkcs8 -topk8 -nocrypt')", null);
            if (cert == null) throw new AuthException(file + ": no CERTIFICATE block", null);
            X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(cert));
            PrivateKey pk = KeyFactory.getInstance(x509.getPublicKey().getAlgorithm()).generatePrivate(new PKCS8EncodedKeySpec(key));
            return ClientCredentialFactory.createFromCertificate(pk, x509);
        } catch (IOException | GeneralSecurityException e) {
            throw new AuthException(file + ": cannot read the certificate: " + e.getClass().getSimpleName(), null);
        }
    }

    private static byte[] pem(String text, String type) {
        Matcher m = Pattern.compile("-----BEGIN " + type + "-----([A-Za-z0-9+/=\\s]+)-----END " + type + "-----").matcher(text);
        return m.find() ? Base64.getMimeDecoder().decode(m.group(1)) : null;
    }

    @Override
    public String token(String tenant, String resource, boolean refresh) throws AuthException {
        Set<String> scopes = Set.of(resource + "/.default");
        try {
            Object app = apps.computeIfAbsent(tenant, this::app);
            IAuthenticationResult r;
            if (app instanceof ConfidentialClientApplication cca) {
                r = cca.acquireToken(ClientCredentialParameters.builder(scopes).skipCache(refresh).build()).get();
            } else {
                PublicClientApplication pca = (PublicClientApplication) app;
                IAccount account = accounts.get(tenant);
                r = null;
                if (account != null) {
                    try {
                        r = pca.acquireTokenSilently(SilentParameters.builder(scopes, account).forceRefresh(refresh).build()).get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        r = null; // no usable refresh token: sign in again
                    }
                }
                if (r == null) {
                    r = pca.acquireToken(DeviceCodeFlowParameters.builder(scopes, dc -> {
                        prompt.println(dc.message());
                        prompt.flush();
                    }).build()).get();
                    if (r.account() != null) accounts.put(tenant, r.account());
                }
            }
            return r.accessToken();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthException("sign-in to " + tenant + " interrupted", null);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            throw new AuthException("sign-in to " + tenant + " failed: " + safe(c.getMessage()), null);
        } catch (IllegalStateException | java.net.MalformedURLException e) {
            throw new AuthException("sign-in to " + tenant + " failed: " + safe(e.getMessage()), null);
        }
    }

    /** Error text from the identity platform, cut short; it never holds the credential (a certificate is sent signed). */
    private static String safe(String message) {
        if (message == null) return "(no message)";
        String first = message.lines().findFirst().orElse(message);
        return first.length() > 300 ? first.substring(0, 300) + "..." : first;
    }

    private Object app(String tenant) {
        String authority = authorityHost + tenant + "/";
        boolean microsoft = authorityHost.equals(AUTHORITY);
        try {
            if (certificate != null) {
                ConfidentialClientApplication.Builder b = ConfidentialClientApplication.builder(clientId, certificate)
                        .authority(authority).instanceDiscovery(microsoft).logPii(false);
                if (httpClient != null) b.httpClient(httpClient);
                return b.build();
            }
            PublicClientApplication.Builder b = PublicClientApplication.builder(clientId).authority(authority)
                    .instanceDiscovery(microsoft).logPii(false);
            if (httpClient != null) b.httpClient(httpClient);
            return b.build();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException("authority " + authority + ": " + e.getMessage());
        }
    }
}
