package dev.preflight.bench;

import dev.preflight.Preflight;
import dev.preflight.engine.Engine;
import dev.preflight.engine.RuleBase;
import dev.preflight.engine.Severity;
import dev.preflight.render.Renderer;
import dev.preflight.render.Renderers;
import dev.preflight.report.Report;
import dev.preflight.report.ReportBuilder;
import dev.preflight.snapshot.SnapshotLoader;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What writing a report costs in memory: checks a snapshot folder once, then writes each format asked for to a file
 * in three ways, each three times (the last counted): {@code buffered} (rendered into a string, then written: what
 * standard output did), {@code writer} (through a character writer, as report files were written) and
 * {@code stream} (UTF-8 bytes straight to the file, as now). Prints per way the bytes this thread allocated and the
 * heap's peak above what the report itself holds (heap pools' peak usage, reset before each write).
 * Usage: java -cp preflight-all.jar dev.preflight.bench.RenderBench SNAPSHOT_DIR OUT_DIR [FORMAT...] (default json sarif)
 */
public final class RenderBench {
    interface Way {
        void write(Renderer r, Report report, Path file) throws IOException;
    }

    private RenderBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        List<String> formats = args.length > 2 ? List.of(args).subList(2, args.length) : List.of("json", "sarif");
        RuleBase rules = RuleBase.build(List.of());
        var snapshot = new SnapshotLoader().load(dir);
        Engine.Result result = new Engine(rules).run(snapshot);
        Report report = ReportBuilder.build(Preflight.NAME, Preflight.VERSION, snapshot, result, rules.catalog(), Severity.ERROR, false, null);
        snapshot = null;
        result = null;
        Way buffered = (r, rep, f) -> {
            StringWriter s = new StringWriter();
            r.render(rep, s);
            try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                w.write(s.toString());
            }
        };
        Way writer = (r, rep, f) -> {
            try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                r.render(rep, w);
            }
        };
        Way stream = (r, rep, f) -> {
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
                r.render(rep, o);
            }
        };
        System.out.println("{\"findings\": " + report.entries().size() + "}");
        for (String format : formats) {
            Renderer r = Renderers.get(format);
            for (var way : List.of(List.of("buffered", buffered), List.of("writer", writer), List.of("stream", stream))) {
                String name = (String) way.get(0);
                Path file = out.resolve(name + "." + r.extension());
                long allocated = 0;
                long peak = 0;
                long nanos = 0;
                for (int i = 0; i < 3; i++) {
                    System.gc();
                    long base = usedHeap();
                    resetPeaks();
                    long a0 = allocatedBytes();
                    long t0 = System.nanoTime();
                    ((Way) way.get(1)).write(r, report, file);
                    nanos = System.nanoTime() - t0;
                    allocated = allocatedBytes() - a0;
                    peak = Math.max(0, peakHeap() - base);
                }
                System.out.printf("{\"format\": \"%s\", \"way\": \"%s\", \"bytes\": %d, \"allocatedMB\": %.1f, \"peakAboveReportMB\": %.1f, \"seconds\": %.3f}%n",
                        format, name, Files.size(file), allocated / 1e6, peak / 1e6, nanos / 1e9);
            }
        }
    }

    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }

    /** The heap pools' peak usage added up (an upper bound of the heap's peak: each pool's peak, whenever it was). */
    static long peakHeap() {
        long n = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) n += p.getPeakUsage().getUsed();
        return n;
    }
}
