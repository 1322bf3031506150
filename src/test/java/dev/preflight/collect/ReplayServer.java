package dev.preflight.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A local replay of Microsoft Graph on 127.0.0.1 (MockWebServer): each tenant's recorded responses are chosen by the
 * bearer token of the request, so a token of one tenant can only ever see that tenant. It answers JSON
 * {@code $batch} by replaying each request inside it. Faults are injected per request (also per request inside a
 * batch), and every request is logged.
 */
final class ReplayServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String GRAPH = "https://graph.microsoft.com";
    static final String DATAVERSE = "https://contoso.crm.dynamics.com";

    /** An answer: status, headers, body text. */
    record Answer(int status, Map<String, String> headers, String body) {
        static Answer json(int status, String body) {
            return new Answer(status, Map.of(), body);
        }

        static Answer error(int status, String code, String retryAfter) {
            String body = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"replayed " + status + "\"}}";
            return new Answer(status, retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter), body);
        }
    }

    /** One request as the replay saw it; {@code url} names the real host; {@code prefer} its Prefer header. */
    record Req(int seq, String tenant, String method, String url, boolean inBatch, int batchSize, String prefer) {
        Req(int seq, String tenant, String method, String url, boolean inBatch, int batchSize) {
            this(seq, tenant, method, url, inBatch, batchSize, null);
        }
    }

    /** What one tenant's Graph answers (with the real Graph host in URLs). */
    interface Source {
        Answer answer(String method, String url);
    }

    interface Fault {
        /** An answer instead of the replay's, or null. */
        Answer apply(Req r);
    }

    /** Dev Proxy mock file: the first mock whose method and URL (with * wildcards) match answers. */
    static Source devProxyMocks(String... resources) {
        List<Object[]> mocks = new ArrayList<>();
        for (String resource : resources) load(resource, mocks);
        return (method, url) -> {
            for (Object[] m : mocks)
                if (m[0].equals(method) && ((Pattern) m[1]).matcher(url).matches()) return (Answer) m[2];
            return Answer.error(404, "Request_ResourceNotFound", null);
        };
    }

    private static void load(String resource, List<Object[]> mocks) {
        try (InputStream in = ReplayServer.class.getResourceAsStream(resource)) {
            for (JsonNode m : JSON.readTree(in).path("mocks")) {
                String url = m.path("request").path("url").asText();
                StringBuilder re = new StringBuilder();
                for (String part : url.split("\\*", -1)) {
                    if (re.length() > 0 || url.startsWith("*")) re.append(".*");
                    re.append(Pattern.quote(part));
                }
                Map<String, String> headers = new LinkedHashMap<>();
                for (JsonNode h : m.path("response").path("headers")) headers.put(h.path("name").asText(), h.path("value").asText());
                mocks.add(new Object[]{m.path("request").path("method").asText("GET"), Pattern.compile(re.toString()),
                        new Answer(m.path("response").path("statusCode").asInt(200), headers,
                                JSON.writeValueAsString(m.path("response").path("body")))});
            }
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Source> tenants = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Set<String> expired = ConcurrentHashMap.newKeySet();
    private final List<Req> log = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger seq = new AtomicInteger();
    private volatile Fault fault = r -> null;
    private volatile long latencyMillis;
    private volatile boolean keepLog = true;

    ReplayServer() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (latencyMillis > 0) Thread.sleep(latencyMillis);
                return ReplayServer.this.dispatch(request);
            }
        });
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    /**
     * Server sockets whose connections send at once (TCP_NODELAY). MockWebServer writes a response's head and body
     * separately; with Nagle's algorithm on, the body waits for the client's delayed ACK (about 40 ms on Linux) on
     * every request, a stall no real service adds, which made a replay's time measure the stack, not the latency.
     */
    static final class NoDelayServerSockets extends javax.net.ServerSocketFactory {
        private static java.net.ServerSocket noDelay() throws IOException {
            return new java.net.ServerSocket() {
                @Override
                public java.net.Socket accept() throws IOException {
                    java.net.Socket s = super.accept();
                    s.setTcpNoDelay(true);
                    return s;
                }
            };
        }

        @Override
        public java.net.ServerSocket createServerSocket() throws IOException {
            return noDelay();
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port) throws IOException {
            java.net.ServerSocket s = noDelay();
            s.bind(new java.net.InetSocketAddress(port));
            return s;
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
            java.net.ServerSocket s = noDelay();
            s.bind(new java.net.InetSocketAddress(port), backlog);
            return s;
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            java.net.ServerSocket s = noDelay();
            s.bind(new java.net.InetSocketAddress(address, port), backlog);
            return s;
        }
    }

    /** A tenant answering to {@code token}. */
    ReplayServer tenant(String tenant, String token, Source source) {
        tenants.put(tenant, source);
        tokens.put(token, tenant);
        return this;
    }

    void acceptToken(String token, String tenant) {
        tokens.put(token, tenant);
    }

    void expire(String token) {
        expired.add(token);
    }

    ReplayServer fault(Fault f) {
        this.fault = f;
        return this;
    }

    ReplayServer latency(long millis) {
        this.latencyMillis = millis;
        return this;
    }

    ReplayServer keepLog(boolean keep) {
        this.keepLog = keep;
        return this;
    }

    /** The Graph base URL to give the collector. */
    String graphBase() {
        return root() + "/v1.0";
    }

    /** {@code http://127.0.0.1:<port>}: the address it is bound to, not a name to resolve. */
    String root() {
        return "http://127.0.0.1:" + server.getPort();
    }

    List<Req> log() {
        synchronized (log) {
            return new ArrayList<>(log);
        }
    }

    int requests() {
        return seq.get();
    }

    /** Token requests the replay's identity endpoint answered: tenant, form fields. */
    final List<Map<String, String>> tokenRequests = Collections.synchronizedList(new ArrayList<>());

    private MockResponse dispatch(RecordedRequest request) {
        if (request.getTarget().endsWith("/oauth2/v2.0/token")) return token(request);
        if (request.getTarget().endsWith("/oauth2/v2.0/devicecode")) {
            return respond(new Answer(200, Map.of(), "{\"device_code\":\"DC-1\",\"user_code\":\"ABCD-EFGH\","
                    + "\"verification_uri\":\"https://microsoft.com/devicelogin\",\"expires_in\":900,\"interval\":1,"
                    + "\"message\":\"To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code ABCD-EFGH to authenticate.\"}"));
        }
        int n = seq.incrementAndGet();
        String auth = request.getHeaders().get("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
        String tenant = tokens.get(token);
        String url = (request.getTarget().startsWith("/api/data/") ? DATAVERSE : GRAPH) + request.getTarget();
        if (tenant == null || expired.contains(token)) {
            record(new Req(n, tenant, request.getMethod(), url, false, 0));
            return respond(Answer.error(401, "InvalidAuthenticationToken", null));
        }
        if (request.getTarget().equals("/v1.0/$batch") && request.getMethod().equals("POST")) {
            try {
                JsonNode body = JSON.readTree(request.getBody().utf8());
                ArrayNode reqs = (ArrayNode) body.path("requests");
                Req env = new Req(n, tenant, "POST", url, false, reqs.size());
                record(env);
                Answer f = fault.apply(env);
                if (f != null) return respond(f);
                ObjectNode out = JSON.createObjectNode();
                ArrayNode responses = out.putArray("responses");
                for (JsonNode r : reqs) {
                    String subUrl = GRAPH + "/v1.0" + r.path("url").asText();
                    Req sub = new Req(n, tenant, r.path("method").asText(), subUrl, true, reqs.size());
                    record(sub);
                    Answer a = fault.apply(sub);
                    if (a == null) a = tenants.get(tenant).answer(sub.method(), subUrl);
                    ObjectNode o = responses.addObject();
                    o.put("id", r.path("id").asText());
                    o.put("status", a.status());
                    ObjectNode h = o.putObject("headers");
                    h.put("Content-Type", "application/json");
                    a.headers().forEach(h::put);
                    o.set("body", JSON.readTree(rebase(a.body())));
                }
                return respond(new Answer(200, Map.of(), JSON.writeValueAsString(out)));
            } catch (IOException e) {
                return respond(Answer.error(400, "BadRequest", null));
            }
        }
        Req r = new Req(n, tenant, request.getMethod(), url, false, 0, request.getHeaders().get("Prefer"));
        record(r);
        Answer f = fault.apply(r);
        return respond(f != null ? f : tenants.get(tenant).answer(r.method(), url));
    }

    /** A fake identity platform token endpoint: client credentials only; issues a fresh token per request. */
    private MockResponse token(RecordedRequest request) {
        String tenant = request.getTarget().substring(1, request.getTarget().indexOf('/', 1));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("tenant", tenant);
        for (String kv : request.getBody().utf8().split("&")) {
            int eq = kv.indexOf('=');
            form.put(java.net.URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        tokenRequests.add(form);
        boolean device = ("device_code".equals(form.get("grant_type"))
                || "urn:ietf:params:oauth:grant-type:device_code".equals(form.get("grant_type")))
                && "DC-1".equals(form.get("device_code"));
        boolean app = "client_credentials".equals(form.get("grant_type")) && form.get("client_assertion") != null;
        if (!device && !app) return respond(new Answer(400, Map.of(), "{\"error\":\"invalid_request\"}"));
        String t = "msal-" + tenant + "-" + tokenRequests.size() + "-SECRETVALUE";
        tokens.put(t, tenant);
        return respond(new Answer(200, Map.of(), "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                + "\"access_token\":\"" + t + "\"}"));
    }

    private void record(Req r) {
        if (keepLog) log.add(r);
    }

    private String rebase(String body) {
        return body.replace(GRAPH, root()).replace(DATAVERSE, root());
    }

    private MockResponse respond(Answer a) {
        MockResponse.Builder b = new MockResponse.Builder().code(a.status()).addHeader("Content-Type", "application/json");
        a.headers().forEach(b::addHeader);
        return b.body(rebase(a.body())).build();
    }

    @Override
    public void close() {
        server.close();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
