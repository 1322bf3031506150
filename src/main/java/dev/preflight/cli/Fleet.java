package dev.preflight.cli;

import dev.preflight.Preflight;
import dev.preflight.engine.Severity;
import dev.preflight.fleet.FleetRenderer;
import dev.preflight.fleet.FleetSummary;
import dev.preflight.report.Report;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.Problem;
import dev.preflight.snapshot.SnapshotLoader;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Checks many tenants with one rule base, in parallel. Each tenant's reports are written on their own; a broken
 * tenant is reported and the others are still checked; the fleet summary comes last, in tenant order.
 */
final class Fleet {
    private final Preflight preflight;
    private final Severity threshold;
    private final boolean timings;
    private final List<CheckCommand.Target> targets;
    private final Path outDir;
    private final int jobs;

    Fleet(Preflight preflight, Severity threshold, boolean timings, List<CheckCommand.Target> targets, Path outDir, int jobs) {
        this.preflight = preflight;
        this.threshold = threshold;
        this.timings = timings;
        this.targets = targets;
        this.outDir = outDir;
        this.jobs = jobs;
    }

    /**
     * The tenants of a fleet folder: each sub-folder and each YAML file directly in it, sorted. A symbolic link that
     * leads outside the folder is refused unless {@code followLinks}, as inside a snapshot folder.
     */
    static List<Path> tenants(Path dir, boolean followLinks) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException("--each needs a folder of tenant snapshots");
        List<Path> out;
        try (Stream<Path> s = Files.list(dir)) {
            out = s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isDirectory(p) || p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList();
        }
        if (out.isEmpty()) throw new IOException("no tenant snapshots (sub-folders or YAML files) in the folder");
        Path root = dir.toRealPath();
        for (Path p : out) {
            if (!followLinks && Files.isSymbolicLink(p) && Files.exists(p) && !p.toRealPath().startsWith(root)) {
                throw new IOException(dev.preflight.render.Text.visible(p.getFileName().toString())
                        + " is a symbolic link to a place outside the folder; not followed (pass --follow-links)");
            }
        }
        return out;
    }

    private record Outcome(Path input, Report report, List<Problem> problems, String error) {
    }

    ExitCode run(List<Path> inputs, PrintWriter out, PrintWriter err) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, inputs.size())));
        List<Future<Outcome>> futures = new ArrayList<>();
        for (Path input : inputs) {
            futures.add(pool.submit(() -> {
                try {
                    return new Outcome(input, preflight.check(input, threshold, timings), null, null);
                } catch (InputException e) {
                    return new Outcome(input, null, e.problems(), null);
                }
            }));
        }
        List<FleetSummary.Tenant> rows = new ArrayList<>();
        Set<String> names = new HashSet<>();
        // the fleet summary's own files: a tenant named fleet.txt(.yaml) gets another folder, never theirs
        for (String format : FleetRenderer.FORMATS) names.add("fleet." + FleetRenderer.extension(format));
        ExitCode worst = ExitCode.CLEAN;
        try {
            for (int i = 0; i < futures.size(); i++) {
                Future<Outcome> f = futures.get(i);
                futures.set(i, null); // a tenant's report (and its roster) is garbage once written, not kept to the end
                Outcome o;
                try {
                    o = f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(cause);
                }
                String source = SnapshotLoader.display(o.input());
                if (o.report() == null) {
                    CheckCommand.printProblems(err, o.problems());
                    rows.add(FleetSummary.broken(source, o.problems().isEmpty() ? "unreadable" : o.problems().get(0).toString()));
                    worst = ExitCode.INPUT;
                    continue;
                }
                Report r = o.report();
                for (String note : r.notes()) err.println("preflight: note: " + note);
                rows.add(FleetSummary.row(source, r));
                if (worst == ExitCode.CLEAN && r.failing() > 0) worst = ExitCode.FINDINGS;
                if (outDir == null) {
                    for (CheckCommand.Target t : targets) CheckCommand.write(t, r, out);
                } else {
                    Path dir = outDir.resolve(unique(folderName(o.input()), names));
                    Files.createDirectories(dir);
                    Report written = r.withOutputs(targets.stream().filter(t -> t.renderer().complete()).map(t -> dir.resolve("report." + t.renderer().extension()).toString()).toList());
                    for (CheckCommand.Target t : targets) {
                        Output.streamed(dir.resolve("report." + t.renderer().extension()), os -> t.renderer().render(written, os));
                    }
                }
            }
            FleetSummary summary = FleetSummary.of(rows);
            if (outDir != null) {
                for (String format : FleetRenderer.FORMATS) {
                    Output.atomically(outDir.resolve("fleet." + FleetRenderer.extension(format)), w -> FleetRenderer.render(format, summary, w));
                }
            }
            FleetRenderer.render("text", summary, out);
            out.flush();
        } catch (IOException e) {
            err.println("preflight: cannot write report: " + e.getMessage());
            return ExitCode.INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.INTERNAL;
        } finally {
            pool.shutdownNow();
        }
        return worst;
    }

    static String folderName(Path input) {
        String n = input.getFileName() == null ? "tenant" : input.getFileName().toString();
        n = n.replaceAll("\\.(ya?ml)$", "");
        n = n.replaceAll("[^A-Za-z0-9._-]", "_");
        return n.isEmpty() || n.startsWith(".") ? "tenant" + n : n;
    }

    static String unique(String name, Set<String> taken) {
        String n = name;
        for (int i = 2; !taken.add(n); i++) n = name + "-" + i;
        return n;
    }
}
