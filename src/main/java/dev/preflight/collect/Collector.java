package dev.preflight.collect;

import dev.preflight.io.FileTrees;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Collects tenants into exports folders: every endpoint of {@link Endpoints#ALL}, every page written as an envelope
 * as it arrives, and {@code preflight-collect.json} listing every call and how it ended. A call that failed is
 * recorded and the collection goes on; a rerun skips what an earlier run wrote whole.
 */
public final class Collector {

    public static final String MANIFEST = "preflight-collect.json";

    /** Where the services are; tests point these at 127.0.0.1. */
    public record Services(String graphBase, String graphResource, String dataverseUrl) {
        public static final String GRAPH = "https://graph.microsoft.com";

        /**
         * @param graphBase e.g. {@code https://graph.microsoft.us/v1.0} for GCC High; the token is asked for that
         *                  host (over plain http, as in tests, for the commercial one)
         */
        public static Services of(String graphBase, String dataverseUrl) {
            String base = graphBase == null ? GRAPH + "/v1.0" : strip(graphBase);
            java.net.URI u = java.net.URI.create(base);
            String resource = "https".equals(u.getScheme()) ? "https://" + u.getAuthority() : GRAPH;
            return new Services(base, resource, dataverseUrl == null ? null : strip(dataverseUrl));
        }

        public String dataverseBase() {
            return dataverseUrl + "/api/data/v9.2";
        }

        static String strip(String s) {
            return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        }
    }

    /** How one tenant's collection ended. */
    public record Result(String tenant, Path folder, List<CallRecord> calls, Map<String, Stats> stats) {
        public long failed() {
            return calls.stream().filter(CallRecord::failed).count();
        }

        public long succeeded() {
            return calls.size() - failed();
        }

        public boolean complete() {
            return failed() == 0 && !calls.isEmpty();
        }
    }

    private final HttpClient http;
    private final TokenProvider tokens;
    private final AppBudget budget;
    private final Backoff backoff;
    private final Ticker ticker;
    private final Clock clock;
    private final Services services;
    private final Progress progress;
    private int batchSize = Batcher.MAX_BATCH;

    public Collector(HttpClient http, TokenProvider tokens, AppBudget budget, Backoff backoff, Ticker ticker,
                     Clock clock, Services services, Progress progress) {
        this.http = http;
        this.tokens = tokens;
        this.budget = budget;
        this.backoff = backoff;
        this.ticker = ticker;
        this.clock = clock;
        this.services = services;
        this.progress = progress;
    }

    public Collector batchSize(int n) {
        this.batchSize = n;
        return this;
    }

    public static HttpClient defaultHttp() {
        return HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Collects one tenant into {@code folder}, resuming what an earlier run wrote. */
    public Result collect(String tenant, Path folder) throws IOException, InterruptedException, TokenProvider.AuthException {
        return collect(tenant, folder, false);
    }

    /**
     * Collects one tenant into {@code folder}. With {@code refresh}, an earlier collection is brought up to date:
     * the delta links it kept ({@code /users/delta}, {@code /groups/delta} with members) say which users and groups
     * changed, and only their per-object calls are made again (the tenant-wide listings always are); without delta
     * links, or when the service answers {@code 410 Gone}, everything is collected again (a full resync).
     */
    public Result collect(String tenant, Path folder, boolean refresh)
            throws IOException, InterruptedException, TokenProvider.AuthException {
        Instant started = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ExportStore store = new ExportStore(folder, tenant, clock);
        store.removeParts();
        List<CallRecord> calls = new ArrayList<>();
        Map<String, Stats> stats = new LinkedHashMap<>();
        Caller graph = new Caller(http, tokens, budget, backoff, tenant, services.graphResource(), Map.of());
        Map<String, String> links = deltaLinks(folder);
        if (refresh) links = refresh(graph, store, links, stats);
        Pager graphPager = new Pager(graph, store);
        for (Endpoint e : Endpoints.of("graph")) {
            Stats s = stats.computeIfAbsent(e.id(), Stats::new);
            if (e.per() == null) {
                calls.add(graphPager.collect(new Listing(e.id(), e.folder(null), e.url(services.graphBase(), null), false), s));
            } else {
                Endpoint parent = Endpoints.byId(e.per());
                Iterator<Listing> children = children(store, parent, id -> new Listing(e.id(), e.folder(id),
                        e.url(services.graphBase(), id), e.page() == 0));
                new Batcher(graph, store, services.graphBase(), ticker, s, batchSize).run(children, r -> {
                    calls.add(r);
                    progress.show(tenant, s);
                });
            }
            progress.end(tenant, s);
        }
        if (services.dataverseUrl() != null) {
            Caller dv = new Caller(http, tokens, budget, backoff, tenant, services.dataverseUrl(),
                    Map.of("Prefer", "odata.maxpagesize=" + Endpoints.DATAVERSE_PAGE, "OData-MaxVersion", "4.0",
                            "OData-Version", "4.0"));
            Pager dvPager = new Pager(dv, store);
            for (Endpoint e : Endpoints.of("dataverse")) {
                Stats s = stats.computeIfAbsent(e.id(), Stats::new);
                calls.add(dvPager.collect(new Listing(e.id(), e.folder(null), e.url(services.dataverseBase(), null), false), s));
                progress.end(tenant, s);
            }
        }
        calls.sort(Comparator.comparing((CallRecord c) -> c.file() == null ? "" : c.file()).thenComparing(CallRecord::request));
        Result result = new Result(tenant, folder, calls, stats);
        writeManifest(store, started, result, links);
        return result;
    }

    /** Delta rounds from the links kept; then removes what must be asked again. Returns the new links. */
    private Map<String, String> refresh(Caller graph, ExportStore store, Map<String, String> links, Map<String, Stats> stats)
            throws IOException, InterruptedException, TokenProvider.AuthException {
        Stats s = stats.computeIfAbsent("delta", Stats::new);
        Delta.Changes users = links.containsKey("users") ? Delta.round(graph, links.get("users"), s) : null;
        Delta.Changes groups = users != null && !users.resync() && links.containsKey("groups")
                ? Delta.round(graph, links.get("groups"), s) : null;
        if (users == null || groups == null || users.resync() || groups.resync()) {
            // full resync: new links first (changes made while collecting show up in the next refresh), then all
            users = Delta.round(graph, services.graphBase() + Delta.USERS, s);
            groups = Delta.round(graph, services.graphBase() + Delta.GROUPS, s);
            clear(store.root());
        } else {
            prune(store, users, groups);
        }
        progress.end(store.tenant(), s);
        Map<String, String> next = new LinkedHashMap<>();
        if (!users.resync()) next.put("users", users.deltaLink());
        if (!groups.resync()) next.put("groups", groups.deltaLink());
        return next;
    }

    /** Removes the files a refresh must ask again for, given what changed. */
    private static void prune(ExportStore store, Delta.Changes users, Delta.Changes groups) throws IOException {
        Path root = store.root();
        for (Endpoint e : Endpoints.of("graph"))
            if (e.per() == null) deletePages(root.resolve(e.folder(null)));
        for (String g : groups.changed()) deletePages(root.resolve("graph/groups/" + g + "/members"));
        for (String g : groups.memberGroups()) deletePages(root.resolve("graph/groups/" + g + "/memberOf"));
        for (String g : groups.removed()) FileTrees.deleteTree(root.resolve("graph/groups/" + g));
        for (String u : users.changed()) Files.deleteIfExists(root.resolve("graph/users/" + u + "/mailboxSettings.json"));
        for (String u : users.removed()) FileTrees.deleteTree(root.resolve("graph/users/" + u));
        Path roles = root.resolve("graph/directoryRoles");
        if (Files.isDirectory(roles)) try (var dirs = Files.list(roles)) {
            for (Path d : dirs.toList()) Files.deleteIfExists(d.resolve("members.json"));
        }
        FileTrees.deleteTree(root.resolve("dataverse"));
    }

    private static void deletePages(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (var files = Files.list(dir)) {
            for (Path f : files.toList())
                if (f.getFileName().toString().matches("page-\\d+\\.json")) Files.delete(f);
        }
    }

    /** Removes what a collection writes in {@code root} (and nothing else that may be there). */
    public static void clear(Path root) throws IOException {
        FileTrees.deleteTree(root.resolve("graph"));
        FileTrees.deleteTree(root.resolve("dataverse"));
        Files.deleteIfExists(root.resolve(MANIFEST));
    }

    /** The delta links an earlier collection kept in its manifest. */
    static Map<String, String> deltaLinks(Path folder) {
        Map<String, String> m = new LinkedHashMap<>();
        Path f = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(f)) return m;
        try {
            Caller.JSON.readTree(f.toFile()).path("delta").fields().forEachRemaining(e -> {
                if (e.getValue().isTextual()) m.put(e.getKey(), e.getValue().asText());
            });
        } catch (IOException e) {
            // a damaged manifest: no links, a refresh resyncs
        }
        return m;
    }

    private void writeManifest(ExportStore store, Instant started, Result r, Map<String, String> links) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Caller.JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("preflightCollect", 1);
            g.writeStringField("tenant", r.tenant());
            g.writeStringField("startedAt", started.toString());
            g.writeStringField("finishedAt", store.now().toString());
            g.writeBooleanField("complete", r.complete());
            g.writeArrayFieldStart("calls");
            for (CallRecord c : r.calls()) {
                g.writeStartObject();
                g.writeStringField("endpoint", c.endpoint());
                g.writeStringField("request", c.request());
                g.writeNumberField("status", c.status());
                if (c.error() != null) g.writeStringField("error", c.error());
                g.writeNumberField("pages", c.pages());
                if (c.file() != null) g.writeStringField("file", c.file());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (!links.isEmpty()) {
                g.writeObjectFieldStart("delta");
                for (Map.Entry<String, String> e : links.entrySet()) g.writeStringField(e.getKey(), e.getValue());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        out.write('\n');
        ExportStore.writeAtomically(store.root().resolve(MANIFEST), out.toByteArray());
    }

    /**
     * The child listings of every object the parent listing returned, read page by page from the files already
     * written (a parent that failed has no children to ask for).
     */
    static Iterator<Listing> children(ExportStore store, Endpoint parent, Function<String, Listing> make) {
        return new Iterator<>() {
            int page = 1;
            Iterator<JsonNode> items = java.util.Collections.emptyIterator();
            Listing next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    if (items.hasNext()) {
                        JsonNode id = items.next().get("id");
                        if (id != null && id.isTextual()) next = make.apply(id.asText());
                        continue;
                    }
                    Listing p = new Listing(parent.id(), parent.folder(null), "", false);
                    Path f = store.root().resolve(p.file(page));
                    if (!Files.isRegularFile(f)) return false;
                    try {
                        JsonNode env = store.read(p.file(page));
                        page++;
                        if (env == null || env.path("status").asInt() >= 400) return false;
                        items = env.path("response").path("value").elements();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                return true;
            }

            @Override
            public Listing next() {
                if (!hasNext()) throw new NoSuchElementException();
                Listing l = next;
                next = null;
                return l;
            }
        };
    }
}
