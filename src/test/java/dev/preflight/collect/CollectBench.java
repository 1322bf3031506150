package dev.preflight.collect;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The large replay, as a program (not a timed test): a generated tenant of USERS users and GROUPS groups on the
 * local replay with LATENCY ms per request, collected for real (real clock, real waits). Prints wall time, requests,
 * the time the latency alone accounts for, files written and the peak heap after collections.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -Xmx256m -cp target/classes:target/test-classes:$(cat target/test-cp.txt) dev.preflight.collect.CollectBench [USERS GROUPS MEMBERS LATENCY_MS]
 * </pre>
 */
public final class CollectBench {
    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int groups = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int members = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        long latency = args.length > 3 ? Long.parseLong(args[3]) : 3;
        Path out = Files.createTempDirectory("collect-bench");
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long used = 0;
                for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
                    if (p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null) used += p.getCollectionUsage().getUsed();
                peak.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        try (ReplayServer replay = new ReplayServer()) {
            replay.keepLog(false).latency(latency).tenant("bench.example", "x", new GeneratedTenant("0000000", users, groups, members));
            FakeTokens tokens = new FakeTokens(replay);
            AppBudget budget = AppBudget.graphDefault(Ticker.SYSTEM, 0);
            Collector c = new Collector(Collector.defaultHttp(), tokens, budget, Backoff.standard(), Ticker.SYSTEM,
                    Clock.systemUTC(), Collector.Services.of(replay.graphBase(), null), Progress.QUIET);
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            var threads = ManagementFactory.getThreadMXBean();
            long main0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Collector.Result r = c.collect("bench.example", out);
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            double mainCpu = (threads.getCurrentThreadCpuTime() - main0) / 1e9;
            long files;
            try (var w = Files.walk(out)) {
                files = w.filter(Files::isRegularFile).count();
            }
            long requests = replay.requests();
            System.out.printf(java.util.Locale.ROOT,
                    "users=%d groups=%d members/group=%d latency=%d ms%n"
                            + "wall %.1f s, %d requests, latency alone %.1f s (%.0f%% of wall), %d files, complete=%s%n"
                            + "process CPU %.1f s (collector and replay together; the collector's own thread %.1f s), "
                            + "load average %.1f on %d cores%n"
                            + "peak heap after GC %.0f MB (max %d MB)%n",
                    users, groups, members, latency, secs, requests, requests * latency / 1000.0,
                    100.0 * requests * latency / 1000.0 / secs, files, r.complete(), cpu, mainCpu, os.getSystemLoadAverage(),
                    os.getAvailableProcessors(), peak.get() / 1e6,
                    Runtime.getRuntime().maxMemory() >> 20);
            r.stats().values().forEach(s -> System.out.println("  " + s.line()));
        } finally {
            sampler.interrupt();
            dev.preflight.io.FileTrees.deleteTree(out);
        }
    }
}
