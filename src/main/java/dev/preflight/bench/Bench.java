package dev.preflight.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.preflight.Preflight;
import dev.preflight.assign.AssignedUser;
import dev.preflight.assign.Assignments;
import dev.preflight.engine.Engine;
import dev.preflight.engine.RuleBase;
import dev.preflight.engine.Severity;
import dev.preflight.licensing.Licensing;
import dev.preflight.model.OfficeClient;
import dev.preflight.model.Snapshot;
import dev.preflight.model.User;
import dev.preflight.report.Report;
import dev.preflight.report.ReportBuilder;
import dev.preflight.render.JsonRenderer;
import dev.preflight.snapshot.SnapshotLoader;
import dev.preflight.version.Version;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark of one size, in its own JVM (so peak heap is this size's): generate (once), then measure parse,
 * rule-base build, insert, fire, report, total, peak heap and findings; and two baselines on the same files:
 * parse only (the YAML read into a Jackson tree) and plain Java doing the heaviest checks. Prints one JSON object.
 * {@code bench/run} drives it over the sizes and writes the table.
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("--table")) {
            table(Path.of(args[1]));
            return;
        }
        if (args.length >= 2 && args[0].equals("--plain")) {
            Generator.Shape shape = shape(args, 1);
            plainJavaColdRun(args[1], shape.name(), tenant(args, 1));
            return;
        }
        if (args.length >= 2 && args[0].equals("--generate")) {
            // The tenant only, so that bench/run can size the measuring JVM by it.
            System.out.println(tenant(args, 1));
            return;
        }
        int users = parseSize(args[0]);
        Generator.Shape shape = shape(args, 0);
        Path dir = tenant(args, 0);
        long bytes;
        try (Stream<Path> s = Files.list(dir)) {
            bytes = s.mapToLong(p -> p.toFile().length()).sum();
        }
        System.gc();
        HeapSampler sampler = new HeapSampler();
        sampler.start();
        // The check as `preflight check` runs it: the rule base, the schema and the tables are built on other threads
        // while the snapshot is read (cli.Ahead); "rule base s" is how long the check then still waits for it.
        long t0 = System.nanoTime();
        long c1 = processCpu();
        dev.preflight.cli.Ahead.start(new String[] {"check"});
        Snapshot snapshot = new SnapshotLoader().load(dir);
        long t1 = System.nanoTime();
        long parseCpu = processCpu() - c1;
        RuleBase rules = RuleBase.build(List.of());
        long t2 = System.nanoTime();
        long parsePeak = sampler.max;
        Engine.Result result = new Engine(rules).run(snapshot);
        long t3 = System.nanoTime();
        Report report = ReportBuilder.build(Preflight.NAME, Preflight.VERSION, snapshot, result, rules.catalog(), Severity.ERROR, false, null);
        new JsonRenderer().render(report, Writer.nullWriter());
        long t4 = System.nanoTime();
        long peak = sampler.finish();
        Map<String, Long> phases = result.timingsNanos();
        long classifySteps = result.assignments().graph().steps() + result.assignments().steps();
        int findings = result.findings().size();
        long facts = result.facts();
        result = null;
        report = null;
        // The model's heap: what stays live of the check once its results are dropped (the snapshot, and the rule
        // base), measured with a full collection after the timed run (the check makes none).
        System.gc();
        long modelHeap = usedHeap();

        long p0 = System.nanoTime();
        long pc0 = processCpu();
        parseOnly(dir);
        long p1 = System.nanoTime();
        long readTreeCpu = processCpu() - pc0;
        long plainFindings = plainJava(snapshot);
        long p2 = System.nanoTime();

        // The same work again with the JIT warm: the cold numbers above are what one run costs, these show the engine's
        // own cost against plain Java once neither pays for compilation (median of 4 each).
        List<Double> warmEval = new ArrayList<>();
        List<Double> warmPlain = new ArrayList<>();
        int warm = users <= 100_000 ? Integer.getInteger("bench.warm", 4) : 0;
        for (int i = 0; i < warm; i++) {
            Map<String, Long> t = new Engine(rules).run(snapshot).timingsNanos();
            warmEval.add(sec(t.get("insert") + t.get("fire") + t.get("query")));
            long w0 = System.nanoTime();
            plainJava(snapshot);
            warmPlain.add(sec(System.nanoTime() - w0));
        }

        // The loader's allocation against the baseline's, each on this thread alone (the files one after the other),
        // with nothing else kept: bytes allocated per byte of input.
        snapshot = null;
        System.gc();
        long[] alloc = allocations(dir);

        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("shape", shape.name());
        o.put("size", args[0]);
        o.put("users", users);
        o.put("classifySteps", classifySteps);
        o.put("snapshotBytes", bytes);
        o.put("facts", facts);
        o.put("parseSeconds", sec(t1 - t0));
        o.put("parseCpuSeconds", sec(parseCpu));
        o.put("ruleBaseSeconds", sec(t2 - t1));
        o.put("classifySeconds", sec(phases.get("classify")));
        o.put("insertSeconds", sec(phases.get("insert")));
        o.put("fireSeconds", sec(phases.get("fire")));
        o.put("querySeconds", sec(phases.get("query")));
        o.put("ruleEvaluationSeconds", sec(phases.get("insert") + phases.get("fire") + phases.get("query")));
        o.put("reportSeconds", sec(t4 - t3));
        o.put("totalSeconds", sec(t4 - t0));
        o.put("peakHeapMB", peak / (1024 * 1024));
        o.put("parsePeakHeapMB", parsePeak / (1024 * 1024));
        o.put("modelHeapMB", modelHeap / (1024 * 1024));
        o.put("findings", findings);
        o.put("baselineParseOnlySeconds", sec(p1 - p0));
        o.put("baselineParseOnlyCpuSeconds", sec(readTreeCpu));
        o.put("checkOverReadTree", Math.round((t4 - t0) * 100.0 / (p1 - p0)) / 100.0);
        o.put("loaderAllocatedPerInputByte", Math.round(alloc[0] * 10.0 / bytes) / 10.0);
        o.put("readTreeAllocatedPerInputByte", Math.round(alloc[1] * 10.0 / bytes) / 10.0);
        o.put("baselinePlainJavaSeconds", sec(p2 - p1));
        o.put("baselinePlainJavaFindings", plainFindings);
        if (!warmEval.isEmpty()) {
            o.put("warmRuns", warm);
            o.put("ruleEvaluationWarmSeconds", Startup.median(warmEval));
            o.put("baselinePlainJavaWarmSeconds", Startup.median(warmPlain));
        }
        o.put("maxHeapMB", heapLimitMB());
        // Other work on the machine skews every number: the 1-minute load average at the end of the run says how much.
        o.put("loadAverage", Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 10) / 10.0);
        o.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        o.put("cores", Runtime.getRuntime().availableProcessors());
        o.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        System.out.println(o);
    }

    /** Where the tenant of one size and shape is generated (the default shape keeps its old folder). */
    /** The shape named by {@code args[at + 2]} (default: the default shape), after SIZE and BASE at {@code at}. */
    private static Generator.Shape shape(String[] args, int at) {
        return Generator.Shape.named(args.length > at + 2 ? args[at + 2] : "default");
    }

    /**
     * The tenant {@code args[at..]} name (SIZE [BASE [SHAPE]], BASE by default {@code target/bench}), generated when it
     * is not there yet.
     */
    private static Path tenant(String[] args, int at) throws IOException {
        Generator.Shape shape = shape(args, at);
        Path dir = tenantDir(args[at], args.length > at + 1 ? args[at + 1] : "target/bench", shape);
        if (!Files.exists(dir.resolve("tenant.yaml"))) new Generator(parseSize(args[at]), 1, shape).write(dir);
        return dir;
    }

    static Path tenantDir(String size, String base, Generator.Shape shape) {
        return Path.of(base).resolve(shape == Generator.Shape.DEFAULT ? size : shape.name() + "-" + size);
    }

    static int parseSize(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        if (t.endsWith("k")) return Integer.parseInt(t.substring(0, t.length() - 1)) * 1000;
        return Integer.parseInt(t);
    }

    /**
     * The plain-Java baseline as the first run in a JVM of its own (like the engine's first run above, which does not
     * share the JIT's work with it): one JSON object with the size and the seconds.
     */
    static void plainJavaColdRun(String size, String shape, Path dir) throws Exception {
        // Baseline (a) too, first: Jackson's readTree as the first YAML read of a JVM of its own, as the check's parse
        // is in the engine's run (in that run readTree comes after the check, with SnakeYAML's code already compiled).
        long r0 = System.nanoTime();
        parseOnly(dir);
        long r1 = System.nanoTime();
        Snapshot snapshot = new SnapshotLoader().load(dir);
        long t0 = System.nanoTime();
        long problems = plainJava(snapshot);
        long t1 = System.nanoTime();
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("shape", shape);
        o.put("size", size);
        o.put("baselinePlainJavaColdSeconds", sec(t1 - t0));
        o.put("baselineReadTreeColdSeconds", sec(r1 - r0));
        o.put("baselinePlainJavaFindings", problems);
        System.out.println(o);
    }

    /** The -Xmx this JVM was started with (the target), else what the JVM reports as its maximum heap. */
    static long heapLimitMB() {
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-Xmx")) continue;
            String v = a.substring(4).toLowerCase(Locale.ROOT);
            long n = Long.parseLong(v.replaceAll("[kmg]$", ""));
            return v.endsWith("g") ? n * 1024 : v.endsWith("m") ? n : v.endsWith("k") ? n / 1024 : n / (1024 * 1024);
        }
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }

    static double sec(long nanos) {
        return Math.round(nanos / 1e6) / 1000.0;
    }

    /** Samples the used heap every few milliseconds; its maximum is the peak a run needed (never above -Xmx). */
    static final class HeapSampler extends Thread {
        volatile long max;
        volatile boolean running = true;

        HeapSampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                max = Math.max(max, usedHeap());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long finish() {
            running = false;
            max = Math.max(max, usedHeap());
            return max;
        }
    }

    static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** CPU time of the whole process (every thread: the parse threads, the collector, the compiler). */
    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Bytes allocated by this thread loading {@code dir} (one thread) and by baseline (a) reading it: {loader, readTree}. */
    static long[] allocations(Path dir) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        String before = System.getProperty("preflight.parseThreads");
        System.setProperty("preflight.parseThreads", "1");
        try {
            long a0 = threads.getCurrentThreadAllocatedBytes();
            new SnapshotLoader().load(dir);
            long a1 = threads.getCurrentThreadAllocatedBytes();
            parseOnly(dir);
            long a2 = threads.getCurrentThreadAllocatedBytes();
            return new long[] {a1 - a0, a2 - a1};
        } finally {
            if (before == null) System.clearProperty("preflight.parseThreads");
            else System.setProperty("preflight.parseThreads", before);
        }
    }

    /** Baseline (a): the same YAML files read into a tree with Jackson's {@code readTree}, nothing else. */
    static void parseOnly(Path dir) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder().loaderOptions(options).build());
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.sorted().toList()) {
                JsonNode n = yaml.readTree(f.toFile());
                if (n == null) throw new IllegalStateException(f.toString());
            }
        }
    }

    /**
     * Baseline (b): plain Java doing the heaviest checks: effective recipients with nested-group closure, then
     * license, mailbox and client version per recipient. Returns the number of problems it found.
     */
    static long plainJava(Snapshot s) {
        Assignments a = new Assignments(s);
        Licensing licensing = new Licensing(s.skus());
        Version win = Version.parse("1704");
        Version outlook = Version.parse("1701");
        long problems = a.nestedOnly().size();
        for (AssignedUser au : a.assignedUsers()) {
            User u = au.user();
            var p = licensing.profile(u);
            if (p != null && !p.exchangeOnline()) problems++;
            if (u.mailbox() == null || !"exchange-online".equals(u.mailbox().type()) || !"active".equals(u.mailbox().state())) problems++;
            if (u.clients() == null) continue;
            for (OfficeClient c : u.clients()) {
                if (c.version() == null || !au.needsHost(c.app()) || !"microsoft-365".equals(c.edition()) || !"windows".equals(c.platform())) continue;
                Version v = Version.parse(c.version());
                if (v.isBelow("outlook".equals(c.app()) ? outlook : win)) problems++;
            }
        }
        return problems;
    }

    /** Turns the JSON lines of a run into bench/results.md and bench/results.json: one table and its targets per shape. */
    static void table(Path lines) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ArrayNode rows = m.createArrayNode();
        for (String l : Files.readAllLines(lines)) if (l.startsWith("{")) rows.add(m.readTree(l));
        Path dir = lines.getParent();
        Path plain = dir.resolve("plain.jsonl");
        if (Files.exists(plain)) {
            for (String l : Files.readAllLines(plain)) {
                if (!l.startsWith("{")) continue;
                JsonNode p = m.readTree(l);
                for (JsonNode r : rows) {
                    if (key(r).equals(key(p))) {
                        ((ObjectNode) r).put("baselinePlainJavaColdSeconds", p.get("baselinePlainJavaColdSeconds").asDouble());
                        if (p.has("baselineReadTreeColdSeconds")) {
                            ((ObjectNode) r).put("baselineReadTreeColdSeconds", p.get("baselineReadTreeColdSeconds").asDouble());
                        }
                    }
                }
            }
        }
        m.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("results.json").toFile(), rows);
        Map<String, ArrayNode> byShape = new java.util.LinkedHashMap<>();
        for (JsonNode r : rows) byShape.computeIfAbsent(shapeOf(r), k -> m.createArrayNode()).add(r);
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, ArrayNode> e : byShape.entrySet()) {
            b.append("\n### Shape: ").append(e.getKey()).append("\n\n");
            b.append("| size | snapshot MB | facts | parse s | rule base s | classify s | insert s | fire s | report s | total s "
                    + "| peak heap MB | findings | classify steps | parse-only s | plain Java s | parse CPU s | readTree CPU s | total / readTree "
                    + "| loader alloc B/B | readTree alloc B/B | load |\n|" + " ---: |".repeat(21) + "\n");
            for (JsonNode r : e.getValue()) {
                if (r.has("unfinished")) {
                    b.append("| ").append(r.get("size").asText()).append(" | ").append(r.get("unfinished").asText())
                            .append(" |").append(" |".repeat(20)).append("\n");
                    continue;
                }
                b.append(String.format(Locale.ROOT, "| %s | %.1f | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %d | %d | %d | %.2f | %.2f | %s | %s | %s | %s | %s | %s |%n",
                        r.get("size").asText(), r.get("snapshotBytes").asLong() / 1e6, r.get("facts").asLong(), r.get("parseSeconds").asDouble(),
                        r.get("ruleBaseSeconds").asDouble(), r.path("classifySeconds").asDouble(), r.get("insertSeconds").asDouble(),
                        r.get("fireSeconds").asDouble(), r.get("reportSeconds").asDouble(), r.get("totalSeconds").asDouble(),
                        r.get("peakHeapMB").asLong(), r.get("findings").asLong(), r.path("classifySteps").asLong(),
                        r.get("baselineParseOnlySeconds").asDouble(),
                        (r.has("baselinePlainJavaColdSeconds") ? r.get("baselinePlainJavaColdSeconds") : r.get("baselinePlainJavaSeconds")).asDouble(),
                        num(r, "parseCpuSeconds", "%.2f"), num(r, "baselineParseOnlyCpuSeconds", "%.2f"), num(r, "checkOverReadTree", "%.2f"),
                        num(r, "loaderAllocatedPerInputByte", "%.1f"), num(r, "readTreeAllocatedPerInputByte", "%.1f"),
                        r.has("loadAverage") ? String.format(Locale.ROOT, "%.1f", r.get("loadAverage").asDouble()) : "n/a"));
            }
            b.append(targets(e.getValue()));
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("startup.*\\.json")).sorted().toList()) {
                b.append(startupTargets(f));
            }
        }
        JsonNode r = null;
        for (JsonNode x : rows) if (r == null && x.has("cores")) r = x;
        if (r != null) {
            b.append("\nMachine: ").append(r.get("cores").asInt()).append(" cores, ").append(r.get("os").asText()).append(", ")
                    .append(r.get("java").asText()).append(". plain Java s: the baseline as the first run of a JVM of its own; load: the machine's 1-minute load ")
                    .append("average at the end of the run (above the core count, other work shared the cores).\n");
        }
        Files.writeString(dir.resolve("results.md"), b.toString());
        System.out.print(b);
    }

    /** A field of a row, formatted, or n/a for a row from before it was measured. */
    private static String num(JsonNode r, String field, String format) {
        return r.has(field) ? String.format(Locale.ROOT, format, r.get(field).asDouble()) : "n/a";
    }

    private static String shapeOf(JsonNode r) {
        return r.has("shape") ? r.get("shape").asText() : "default";
    }

    private static String key(JsonNode r) {
        return shapeOf(r) + "/" + r.get("size").asText();
    }

    /** The targets of one shape, each as measured: met or not (a size not measured is said so). */
    static String targets(ArrayNode rows) {
        Map<String, JsonNode> by = new HashMap<>();
        StringBuilder b = new StringBuilder("\n| target | measured | met |\n| --- | --- | --- |\n");
        for (JsonNode r : rows) {
            if (r.has("unfinished")) {
                b.append(row(r.get("size").asText() + " completes", r.get("unfinished").asText(), false));
            } else {
                by.put(r.get("size").asText(), r);
            }
        }
        JsonNode k100 = by.get("100k");
        JsonNode k300 = by.get("300k");
        if (k100 != null && k300 != null) {
            double total = k300.get("totalSeconds").asDouble() / k100.get("totalSeconds").asDouble();
            double eval = k300.get("ruleEvaluationSeconds").asDouble() / k100.get("ruleEvaluationSeconds").asDouble();
            double steps = (double) k300.path("classifySteps").asLong() / Math.max(1, k100.path("classifySteps").asLong());
            b.append(row("total(300k) / total(100k) <= 3.3", String.format(Locale.ROOT, "%.2f", total), total <= 3.3));
            b.append(row("rule evaluation(300k) / (100k) <= 3.3", String.format(Locale.ROOT, "%.2f", eval), eval <= 3.3));
            b.append(row("classify steps(300k) / (100k) <= 3.3", String.format(Locale.ROOT, "%.2f", steps), steps <= 3.3));
        } else {
            b.append(row("total(300k) / total(100k) <= 3.3", (k300 == null ? "300k" : "100k") + " not measured", false));
        }
        if (k100 != null) {
            double eval = k100.get("ruleEvaluationSeconds").asDouble();
            double parse = k100.get("parseSeconds").asDouble();
            // The baseline's first run in a JVM of its own when measured (bench/run does), else the in-process one.
            double plain = (k100.has("baselinePlainJavaColdSeconds") ? k100.get("baselinePlainJavaColdSeconds")
                    : k100.get("baselinePlainJavaSeconds")).asDouble();
            b.append(parseTargets(k100));
            b.append(row("rule evaluation (insert + fire + query) <= parse, 100k",
                    String.format(Locale.ROOT, "%.2f s vs %.2f s", eval, parse), eval <= parse));
            b.append(row("rule evaluation <= 3x plain Java, 100k (each the first run in its own JVM)",
                    String.format(Locale.ROOT, "%.2f s vs %.2f s: %.1fx", eval, plain, eval / plain), eval <= 3 * plain));
            if (k100.has("ruleEvaluationWarmSeconds")) {
                double we = k100.get("ruleEvaluationWarmSeconds").asDouble();
                double wp = k100.get("baselinePlainJavaWarmSeconds").asDouble();
                b.append(row("rule evaluation <= 3x plain Java, 100k (JIT warm, median of " + k100.path("warmRuns").asInt(4) + ")",
                        String.format(Locale.ROOT, "%.2f s vs %.2f s: %.1fx", we, wp, we / wp), we <= 3 * wp));
            }
            b.append(heapRow(k100));
        } else {
            b.append(row("100k completes under -Xmx1024m", "not measured", false));
        }
        if (k300 != null) b.append(heapRow(k300));
        return b.toString();
    }

    /** Cold start and fleet: whole processes, measured once for all shapes. */
    static String startupTargets(Path startupFile) throws IOException {
        if (!Files.exists(startupFile)) return "";
        JsonNode s = new ObjectMapper().readTree(startupFile.toFile());
        StringBuilder b = new StringBuilder("\n### Start-up, " + s.path("java").asText("the java on PATH")
                + "\n\n| target | measured | met |\n| --- | --- | --- |\n");
        double cold = s.get("coldStartRatio").asDouble();
        double fleet = s.get("fleetRatio").asDouble();
        b.append(row("cold start `check samples/" + s.get("sample").asText() + "` <= 3x a no-op JVM (median of "
                + s.get("runs").asInt() + ")", String.format(Locale.ROOT, "%.3f s vs %.3f s: %.1fx",
                s.get("checkSampleSeconds").asDouble(), s.get("noOpJvmSeconds").asDouble(), cold), cold <= 3));
        b.append(row("fleet of " + s.get("fleetTenants").asInt() + " sample tenants <= 5x one",
                String.format(Locale.ROOT, "%.3f s vs %.3f s: %.1fx", s.get("fleetSeconds").asDouble(),
                        s.get("checkSampleSeconds").asDouble(), fleet), fleet <= 5));
        return b.toString();
    }

    /**
     * The loader's targets at 100k: the whole check within 1.5x of reading the same files with Jackson's readTree (the
     * same JVM, just after), and the loader's allocation within 2x of c bytes per input byte, where c is what readTree
     * allocates per input byte (both measured on one thread).
     */
    private static String parseTargets(JsonNode k100) {
        if (!k100.has("checkOverReadTree")) return "";
        StringBuilder b = new StringBuilder();
        double ratio = k100.get("checkOverReadTree").asDouble();
        double total = k100.get("totalSeconds").asDouble();
        if (k100.has("baselineReadTreeColdSeconds")) {
            double cold = k100.get("baselineReadTreeColdSeconds").asDouble();
            b.append(row("whole check <= 1.5x Jackson readTree of the same files, 100k (wall; each the first run in its own JVM)",
                    String.format(Locale.ROOT, "%.2f s vs %.2f s: %.2fx", total, cold, total / cold), total <= 1.5 * cold));
        }
        b.append(row("whole check <= 1.5x Jackson readTree of the same files, 100k (wall; readTree after the check, same JVM)",
                String.format(Locale.ROOT, "%.2f s vs %.2f s: %.2fx", total,
                        k100.get("baselineParseOnlySeconds").asDouble(), ratio), ratio <= 1.5));
        double loader = k100.get("loaderAllocatedPerInputByte").asDouble();
        double c = k100.get("readTreeAllocatedPerInputByte").asDouble();
        b.append(row("loader allocation <= 2 x c x input, 100k (c = readTree's bytes per input byte)",
                String.format(Locale.ROOT, "%.1f B per input byte, c = %.1f: %.2fx c", loader, c, loader / c), loader <= 2 * c));
        return b.toString();
    }

    private static String heapRow(JsonNode r) {
        // A run that completes under its -Xmx limit meets the target: bench/run sets the limit per size.
        return row(r.get("size").asText() + " completes under -Xmx" + r.get("maxHeapMB").asLong() + "m",
                "peak " + r.get("peakHeapMB").asLong() + " MB", true);
    }

    private static String row(String target, String measured, boolean met) {
        return "| " + target + " | " + measured + " | " + (met ? "yes" : "**no**") + " |\n";
    }
}
