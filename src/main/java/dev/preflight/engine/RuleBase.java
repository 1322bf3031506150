package dev.preflight.engine;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The rule base: the bundled rules (the {@code rules/} folder, inside the jar) plus any user rule folders,
 * compiled once, and the catalog read from their annotations.
 */
public final class RuleBase {
    static final String BUNDLED_DIR = "rules/";
    static final String ENGINE_DRL = "dev/preflight/engine/findings.drl";
    public static final String FINDINGS_QUERY = "preflight findings";

    private static volatile CompletableFuture<RuleBase> bundledAhead;

    private final KieBase kieBase;
    private final Map<String, RuleMeta> catalog;
    private final boolean precompiled;
    private final Function<Rule, String> fileOf;

    private RuleBase(KieBase kieBase, Map<String, RuleMeta> catalog, boolean precompiled, Function<Rule, String> fileOf) {
        this.kieBase = kieBase;
        this.catalog = catalog;
        this.precompiled = precompiled;
        this.fileOf = fileOf;
    }

    /**
     * Builds the bundled rules plus the DRL files found below each of {@code userDirs}. With no user rules, the
     * bundled ones come precompiled (executable model, made at build time) when the build has them; otherwise, and
     * whenever user rules are added, all DRL is compiled here.
     */
    public static RuleBase build(List<Path> userDirs) throws RuleBaseException {
        CompletableFuture<RuleBase> ahead = bundledAhead;
        if (userDirs.isEmpty() && ahead != null) {
            try {
                return ahead.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuleBaseException rbe) throw rbe;
                throw e;
            }
        }
        return buildNow(userDirs);
    }

    private static RuleBase buildNow(List<Path> userDirs) throws RuleBaseException {
        List<RuleSource> sources = new ArrayList<>(bundled());
        if (userDirs.isEmpty()) {
            Optional<Built> pre = Precompiled.load(withEngine(sources));
            if (pre.isPresent()) return fromBuilt(pre.get(), true);
        }
        for (Path dir : userDirs) {
            for (RuleSource s : folder(dir)) {
                String shown = Files.isDirectory(dir) ? dir.resolve(s.name()).toString() : dir.toString();
                sources.add(new RuleSource(shown.replace('\\', '/'), s.text()));
            }
        }
        return compile(sources);
    }

    /**
     * Starts building the bundled rule base on another thread, for a command that will need it: it then overlaps
     * with parsing the command line and the snapshot. {@link #build} with no user rules returns that one.
     */
    public static synchronized void startBundled() {
        if (bundledAhead != null) return;
        CompletableFuture<RuleBase> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(buildNow(List.of()));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "preflight-rules");
        t.setDaemon(true);
        t.start();
        bundledAhead = f;
    }

    /** Compiles {@code sources} (plus the engine's own query). A compile error names the DRL file and line. */
    public static RuleBase compile(List<RuleSource> sources) throws RuleBaseException {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        Map<String, String> names = new HashMap<>();
        int n = 0;
        for (RuleSource s : withEngine(sources)) {
            String path = "src/main/resources/preflight/r" + (n++) + ".drl";
            names.put(path, s.name());
            names.put(path.substring("src/main/resources/".length()), s.name());
            kfs.write(path, ks.getResources().newByteArrayResource(s.text().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(path));
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            List<String> problems = new ArrayList<>();
            for (Message m : errors) {
                String file = m.getPath() == null ? "rules" : names.getOrDefault(m.getPath(), m.getPath());
                problems.add(file + ":" + Math.max(m.getLine(), 0) + ": " + m.getText().strip());
            }
            throw new RuleBaseException(problems);
        }
        KieBase kieBase = ks.newKieContainer(builder.getKieModule().getReleaseId()).getKieBase();
        return fromBuilt(new Built(kieBase, r -> r instanceof RuleImpl impl && impl.getResource() != null
                ? names.getOrDefault(impl.getResource().getSourcePath(), "rules") : "rules"), false);
    }

    /** A built KieBase and the DRL file each of its rules came from. */
    record Built(KieBase kieBase, Function<Rule, String> fileOf) {
    }

    private static RuleBase fromBuilt(Built built, boolean precompiled) throws RuleBaseException {
        return new RuleBase(built.kieBase(), readCatalog(built), precompiled, built.fileOf());
    }

    private static List<RuleSource> withEngine(List<RuleSource> sources) {
        List<RuleSource> all = new ArrayList<>(sources);
        all.add(new RuleSource(ENGINE_DRL, resource(ENGINE_DRL)));
        return all;
    }

    private static Map<String, RuleMeta> readCatalog(Built built) throws RuleBaseException {
        Map<String, RuleMeta> catalog = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (KiePackage p : built.kieBase().getKiePackages()) {
            for (Rule r : p.getRules()) {
                if (r instanceof RuleImpl impl && impl.isQuery()) continue;
                Map<String, Object> meta = r.getMetaData();
                if (!meta.containsKey("title")) continue;
                String file = built.fileOf().apply(r);
                RuleMeta m = RuleMeta.from(meta, r.getName(), file);
                RuleMeta earlier = catalog.putIfAbsent(m.id(), m);
                if (earlier != null) {
                    problems.add(file + ": rule '" + r.getName() + "' defines " + m.id() + " again (also '"
                            + earlier.ruleName() + "' in " + earlier.file() + ")");
                }
            }
        }
        if (!problems.isEmpty()) throw new RuleBaseException(problems);
        return Collections.unmodifiableMap(catalog);
    }

    /** Whether the rules came precompiled from the build rather than compiled from DRL in this run. */
    public boolean precompiled() {
        return precompiled;
    }

    /** The DRL file a rule came from, as shown in messages (e.g. {@code rules/groups.drl}, {@code my-rules/house.drl}). */
    public String fileOf(Rule rule) {
        return fileOf.apply(rule);
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /** Catalog entries by id, sorted. */
    public Map<String, RuleMeta> catalog() {
        return catalog;
    }

    /** Every rule of the base (queries excluded), for checks over the catalog. */
    public List<Rule> rules() {
        List<Rule> out = new ArrayList<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                if (!(r instanceof RuleImpl impl && impl.isQuery())) out.add(r);
            }
        }
        out.sort((a, b) -> (a.getPackageName() + "/" + a.getName()).compareTo(b.getPackageName() + "/" + b.getName()));
        return out;
    }

    /** The DRL files shipped inside Preflight, sorted by name. */
    public static List<RuleSource> bundled() {
        URL base = RuleBase.class.getProtectionDomain().getCodeSource().getLocation();
        List<RuleSource> out = new ArrayList<>();
        try {
            Path location = Path.of(base.toURI());
            if (Files.isDirectory(location)) {
                Path dir = location.resolve(BUNDLED_DIR);
                if (Files.isDirectory(dir)) {
                    for (RuleSource s : folder(dir)) out.add(new RuleSource(BUNDLED_DIR + s.name(), s.text()));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry e = entries.nextElement();
                        if (e.getName().startsWith(BUNDLED_DIR) && e.getName().endsWith(".drl")) {
                            try (InputStream in = jar.getInputStream(e)) {
                                out.add(new RuleSource(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    /** The *.drl files below {@code dir}, named relative to it, sorted. */
    public static List<RuleSource> folder(Path dir) throws UncheckedIOException {
        List<RuleSource> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                String name = Files.isDirectory(dir) ? dir.relativize(p).toString().replace('\\', '/') : p.getFileName().toString();
                out.add(new RuleSource(name, Files.readString(p, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = RuleBase.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
