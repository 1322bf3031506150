package dev.preflight.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.preflight.model.IntegrityIssue;
import dev.preflight.model.Location;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Measures the loader's phases one by one on one thread: CPU time and allocated bytes per phase. */
public final class LoadPhases {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Map<String, long[]> phases = new LinkedHashMap<>();
    private long cpu;
    private long alloc;

    private void start() {
        cpu = THREADS.getCurrentThreadCpuTime();
        alloc = THREADS.getCurrentThreadAllocatedBytes();
    }

    private void stop(String phase) {
        long c = THREADS.getCurrentThreadCpuTime();
        long a = THREADS.getCurrentThreadAllocatedBytes();
        long[] p = phases.computeIfAbsent(phase, k -> new long[2]);
        p[0] += c - cpu;
        p[1] += a - alloc;
        cpu = THREADS.getCurrentThreadCpuTime();
        alloc = THREADS.getCurrentThreadAllocatedBytes();
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        long bytes = 0;
        for (Path f : files) bytes += Files.size(f);
        System.out.printf("%s: %d files, %.1f MB%n", dir, files.size(), bytes / 1e6);
        for (int run = 0; run < runs; run++) {
            LoadPhases m = new LoadPhases();
            m.measure(files);
            System.out.println("run " + (run + 1));
            long tc = 0;
            long ta = 0;
            for (var e : m.phases.entrySet()) {
                System.out.printf("  %-12s cpu %7.0f ms  alloc %8.1f MB  (%.1f B/B)%n", e.getKey(), e.getValue()[0] / 1e6,
                        e.getValue()[1] / 1e6, e.getValue()[1] / (double) bytes);
                if (!e.getKey().equals("readTree") && !e.getKey().equals("events")) {
                    tc += e.getValue()[0];
                    ta += e.getValue()[1];
                }
            }
            System.out.printf("  loader total cpu %7.0f ms  alloc %8.1f MB (%.1f B/B)%n", tc / 1e6, ta / 1e6, ta / (double) bytes);
            // the whole loader as the product runs it
            long c0 = THREADS.getCurrentThreadCpuTime();
            long a0 = THREADS.getCurrentThreadAllocatedBytes();
            long w0 = System.nanoTime();
            new SnapshotLoader().load(dir);
            long w1 = System.nanoTime();
            System.out.printf("  SnapshotLoader.load: wall %7.0f ms, this thread cpu %7.0f ms alloc %8.1f MB (%.1f B/B)%n",
                    (w1 - w0) / 1e6, (THREADS.getCurrentThreadCpuTime() - c0) / 1e6,
                    (THREADS.getCurrentThreadAllocatedBytes() - a0) / 1e6, (THREADS.getCurrentThreadAllocatedBytes() - a0) / (double) bytes);
        }
    }

    private void measure(List<Path> files) throws Exception {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        YAMLMapper mapper = new YAMLMapper(com.fasterxml.jackson.dataformat.yaml.YAMLFactory.builder().loaderOptions(options).build());
        start();
        for (Path f : files) {
            JsonNode n = mapper.readTree(f.toFile());
            if (n == null) throw new IllegalStateException();
        }
        stop("readTree");
        YamlReader yaml = new YamlReader();
        SchemaCheck schema = SchemaCheck.shared();
        List<Problem> problems = new ArrayList<>();
        List<Binder.Reference> references = new ArrayList<>();
        SnapshotParts parts = new SnapshotParts();
        Binder binder = new Binder(problems, references, parts);
        for (Path f : files) {
            start();
            String name = f.toString();
            byte[] b = SnapshotLoader.readRegularFile(f, Integer.MAX_VALUE, name, "");
            String text = SnapshotLoader.decodeUtf8(b, name);
            SnapshotLoader.sha256(b);
            stop("read+sha");
            yaml.tokens(new StringReader(text));
            stop("events");
            Secrets.Result clean = yaml.readRedacted(new StringReader(text), name);
            stop("ynode+secrets");
            List<Problem> found = schema.check(clean.root());
            stop("schema");
            if (!found.isEmpty()) throw new IllegalStateException(found.toString());
            binder.bind((YNode.YMap) clean.root());
            stop("bind");
        }
        List<IntegrityIssue> issues = new ArrayList<>(parts.contradictions);
        new Resolver(parts).resolve(parts, references, issues);
        stop("resolve");
    }
}
