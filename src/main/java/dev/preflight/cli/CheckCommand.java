package dev.preflight.cli;

import dev.preflight.Preflight;
import dev.preflight.engine.RuleBase;
import dev.preflight.engine.RuleBaseException;
import dev.preflight.engine.Severity;
import dev.preflight.model.Snapshot;
import dev.preflight.policy.Baseline;
import dev.preflight.policy.Config;
import dev.preflight.policy.Policy;
import dev.preflight.policy.Waiver;
import dev.preflight.policy.Waivers;
import dev.preflight.render.Renderer;
import dev.preflight.render.Renderers;
import dev.preflight.report.Report;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.Problem;
import dev.preflight.snapshot.SnapshotLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code preflight check}: checks snapshots and writes reports. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check tenant snapshots (a YAML file or a folder of them) and write reports.")
final class CheckCommand implements Callable<Integer> {

    /** Findings listed per snapshot before errors are cut short on the terminal. */
    static final int MAX_PROBLEMS_SHOWN = 200;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "SNAPSHOT", description = "A snapshot file or folder; several make a fleet.")
    List<Path> snapshots = new ArrayList<>();

    @Option(names = "--each", paramLabel = "DIR", description = "Check every tenant in DIR (each sub-folder or YAML file is one snapshot).")
    Path each;

    @Option(names = "--jobs", paramLabel = "N", description = "Tenants checked in parallel in a fleet. Default: the number of cores.")
    Integer jobs;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Fleet mode: write each tenant's reports to DIR/<tenant>/report.<ext> and the fleet summary to DIR/fleet.*")
    Path outDir;

    @Option(names = "--format", paramLabel = "FMT[=FILE]",
            description = "Report format, optionally written to FILE instead of standard output; repeatable. "
                    + "Formats: ${COMPLETION-CANDIDATES}. Default: text.", completionCandidates = FormatNames.class)
    List<String> formats = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 1 when a finding is at or above LEVEL: error, warning, info or none. Default: error "
                    + "(or failOn of the config file).")
    String failOn;

    @Option(names = "--fail-on-new-only", description = "With --baseline: only findings not in the baseline count toward --fail-on.")
    boolean failOnNewOnly;

    @Option(names = "--waivers", paramLabel = "FILE", description = "A YAML file of waivers (rule, subject, justification, owner, expires).")
    Path waivers;

    @Option(names = "--require-waiver-expiry", description = "Refuse a waiver file in which a waiver has no 'expires' date.")
    boolean requireWaiverExpiry;

    @Option(names = "--baseline", paramLabel = "REPORT", description = "A previous JSON report: mark findings new or unchanged and list fixed ones.")
    Path baseline;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file (rule overrides, thresholds, failOn). Default: .preflight.yaml in the working folder, if present.")
    Path config;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The date waivers expire against (YYYY-MM-DD). Default: today (UTC).")
    String asOf;

    @Option(names = "--timestamp", description = "Put the time of the run in reports (off by default, so reports are reproducible).")
    boolean timestamp;

    @Option(names = "--rules", paramLabel = "DIR", description = "A folder of extra DRL rules; repeatable.")
    List<Path> ruleDirs = new ArrayList<>();

    @Option(names = "--rule-timeout", paramLabel = "TIME", defaultValue = RuleTimeoutOption.DEFAULT,
            converter = RuleTimeoutOption.class, description = RuleTimeoutOption.DESCRIPTION)
    java.time.Duration ruleTimeout;

    @Option(names = "--tables", paramLabel = "DIR",
            description = "A folder of reviewer tables (minimums.csv, skus.csv, app-for-outlook-privileges.csv, builds.csv) "
                    + "that replace the bundled ones; see preflight tables.")
    Path tablesDir;

    @Option(names = "--timings", description = "Print where the time went (and add it to the JSON report).")
    boolean timings;

    @Option(names = "--max-snapshot-bytes", paramLabel = "N", defaultValue = "536870912",
            description = "Refuse snapshot files larger than N bytes. Default: ${DEFAULT-VALUE}.")
    int maxBytes;

    @Option(names = "--follow-links", description = "Follow symbolic links in a snapshot folder that lead outside it "
            + "(by default such a link is an input error and nothing behind it is read).")
    boolean followLinks;

    @Option(names = "--debug", description = "Show stack traces of internal errors.")
    boolean debug;

    @Option(names = "--plan", paramLabel = "FILE",
            description = "A deployment plan (PowerShell .ps1 or YAML): check the tenant as if it ran (docs/plans.md).")
    Path plan;

    @Option(names = "--as", paramLabel = "ADMIN", description = "With --plan: who runs it (id, userPrincipalName or mail).")
    String as;

    record Target(Renderer renderer, Path file) {
    }

    static final class FormatNames extends ArrayList<String> {
        FormatNames() {
            super(Renderers.names());
        }
    }

    @Override
    public Integer call() {
        try {
            return check();
        } finally {
            if (tablesDir != null) dev.preflight.tables.Tables.use(null); // the bundled tables again (in-process callers)
        }
    }

    private Integer check() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxBytes < 1) return usage(err, "--max-snapshot-bytes takes a positive number of bytes, not " + maxBytes);
        Policy policy;
        try {
            policy = policy();
        } catch (InputException e) {
            printProblems(err, e.problems());
            return ExitCode.INPUT.code;
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        Severity threshold;
        try {
            threshold = failOn != null ? threshold(failOn)
                    : policy.config().failOnGiven() ? policy.config().failOn() : Severity.ERROR;
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        List<Target> targets = new ArrayList<>();
        for (String spec : formats.isEmpty() ? List.of("text") : formats) {
            int eq = spec.indexOf('=');
            String name = (eq < 0 ? spec : spec.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            Renderer r = Renderers.get(name);
            if (r == null) return usage(err, "unknown format '" + name + "'; formats: " + String.join(", ", Renderers.names()));
            Path file = eq < 0 ? null : Path.of(spec.substring(eq + 1));
            if (file != null) {
                String why = Output.unwritable(file);
                if (why != null) return usage(err, "cannot write report '" + file + "': " + why);
            }
            targets.add(new Target(r, file));
        }
        List<Path> inputs = new ArrayList<>(snapshots);
        if (each != null) {
            try {
                inputs.addAll(Fleet.tenants(each, followLinks));
            } catch (IOException e) {
                return usage(err, each + ": " + e.getMessage());
            }
        }
        if (inputs.isEmpty()) return usage(err, "give a SNAPSHOT (file or folder) or --each DIR");
        boolean fleet = inputs.size() > 1 || each != null;
        if (fleet && targets.stream().anyMatch(t -> t.file() != null)) {
            return usage(err, "with several snapshots, write reports with --out DIR (formats without =FILE)");
        }
        if (fleet && outDir == null && targets.stream().anyMatch(t -> !(t.renderer() instanceof dev.preflight.render.TextRenderer))) {
            return usage(err, "with several snapshots, --format " + targets.stream().map(t -> t.renderer().name())
                    .filter(n -> !n.equals("text")).findFirst().orElse("") + " writes one report per tenant: give --out DIR"
                    + " (standard output takes only the text summary)");
        }
        for (Target t : targets) {
            if (t.file() == null) continue;
            String why = overwritesInput(t.file(), inputs);
            if (why != null) return usage(err, "will not write report '" + t.file() + "': it is " + why);
        }
        if (!fleet && outDir != null) return usage(err, "--out is for fleets (several snapshots or --each)");
        if (fleet && plan != null) return usage(err, "--plan checks one snapshot, not a fleet");
        if (as != null && plan == null) return usage(err, "--as names who runs a --plan");
        if (outDir != null && !Files.isDirectory(outDir)) {
            try {
                Files.createDirectories(outDir);
            } catch (IOException e) {
                return usage(err, "cannot create --out folder '" + outDir + "': " + e.getMessage());
            }
        }
        for (Path dir : ruleDirs) {
            if (!Files.isDirectory(dir)) return usage(err, dir + ": --rules needs a folder of .drl files");
        }
        if (tablesDir != null && !TablesCommand.install(tablesDir, err)) return ExitCode.INPUT.code;
        SnapshotLoader loader = new SnapshotLoader(maxBytes, followLinks);
        if (fleet) {
            Preflight preflight = preflight(loader, policy, err);
            if (preflight == null) return ExitCode.INPUT.code;
            int n = jobs != null && jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors();
            return new Fleet(preflight, threshold, timings, targets, outDir, n).run(inputs, out, err).code;
        }
        // The snapshot is read first: meanwhile the bundled rules finish building on another thread (see Ahead).
        Snapshot snapshot;
        long parseStart = System.nanoTime();
        try {
            snapshot = loader.load(inputs.get(0));
            if (plan != null) snapshot = PlanOption.apply(snapshot, plan, as).snapshot();
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        } catch (InputException e) {
            printProblems(err, e.problems());
            return ExitCode.INPUT.code;
        }
        long parseNanos = System.nanoTime() - parseStart;
        Preflight preflight = preflight(loader, policy, err);
        if (preflight == null) return ExitCode.INPUT.code;
        Report report = preflight.check(snapshot, threshold, timings, parseNanos)
                .withOutputs(targets.stream().filter(t -> t.file() != null && t.renderer().complete()).map(t -> t.file().toString()).toList());
        // The text report lists the notes itself; on standard error they would say it twice on a terminal.
        boolean textShown = targets.stream().anyMatch(t -> t.file() == null && "text".equals(t.renderer().name()));
        if (!textShown) for (String note : report.notes()) err.println("preflight: note: " + note);
        try {
            for (Target t : targets) write(t, report, out);
        } catch (IOException e) {
            err.println("preflight: cannot write report: " + e.getMessage());
            return ExitCode.INPUT.code;
        }
        ExitCode worst = report.failing() > 0 ? ExitCode.FINDINGS : ExitCode.CLEAN;
        out.flush();
        return worst.code;
    }

    private Policy policy() throws InputException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (asOf != null) {
            try {
                today = LocalDate.parse(asOf);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("--as-of takes a date like 2026-11-30, not '" + asOf + "'");
            }
        }
        Path cfg = config;
        boolean found = cfg == null && Files.isRegularFile(Path.of(".preflight.yaml"));
        if (found) cfg = Path.of(".preflight.yaml");
        Config c = cfg == null ? Config.NONE : Config.read(cfg, found);
        List<Waiver> w = waivers == null ? List.of() : Waivers.read(waivers, requireWaiverExpiry);
        Baseline b = baseline == null ? null : Baseline.read(baseline);
        if (failOnNewOnly && b == null) throw new IllegalArgumentException("--fail-on-new-only needs --baseline");
        return new Policy(c, w, b, failOnNewOnly, today);
    }

    /** Why writing {@code target} would replace an input of this run (a snapshot, waiver, config or baseline file), or null. */
    private String overwritesInput(Path target, List<Path> inputs) {
        if (!Files.exists(target) || !Files.isRegularFile(target)) return null;
        List<Path> files = new ArrayList<>();
        if (waivers != null) files.add(waivers);
        if (baseline != null) files.add(baseline);
        if (config != null) files.add(config);
        else if (Files.isRegularFile(Path.of(".preflight.yaml"))) files.add(Path.of(".preflight.yaml"));
        try {
            for (Path f : files) if (Files.exists(f) && Files.isSameFile(f, target)) return "an input of this run (" + f + ")";
            Path real = target.toRealPath();
            String n = real.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean yaml = n.endsWith(".yaml") || n.endsWith(".yml");
            for (Path in : inputs) {
                if (!Files.exists(in)) continue;
                if (Files.isSameFile(in, target)) return "the snapshot being checked";
                if (yaml && Files.isDirectory(in) && real.startsWith(in.toRealPath())) return "a file of the snapshot folder " + in;
            }
        } catch (IOException e) {
            return "not checkable against the inputs: " + e.getMessage();
        }
        return null;
    }

    static void write(Target t, Report report, PrintWriter out) throws IOException {
        if (t.file() != null && Output.isStandardOutput(t.file())) {
            write(new Target(t.renderer(), null), report, out);
            return;
        }
        if (t.file() == null) {
            // Streamed to standard output as it is rendered (no copy of the whole report in memory).
            Renderer r = t.renderer() instanceof dev.preflight.render.TextRenderer
                    && dev.preflight.render.TextRenderer.colorWanted(System.console() != null, System.getenv())
                    ? new dev.preflight.render.TextRenderer(true) : t.renderer();
            r.render(report, out);
            out.flush();
        } else {
            Output.streamed(t.file(), os -> t.renderer().render(report, os));
        }
    }

    /** The check with its rules built (or awaited); on a rule compile error prints it and returns null. */
    private Preflight preflight(SnapshotLoader loader, Policy policy, PrintWriter err) {
        long start = System.nanoTime();
        try {
            RuleBase rules = RuleBase.build(ruleDirs);
            try {
                policy.check(rules.catalog().keySet());
            } catch (InputException e) {
                printProblems(err, e.problems());
                return null;
            }
            return new Preflight(rules, loader, policy, timestamp ? Instant.now() : null).ruleBaseNanos(System.nanoTime() - start)
                    .ruleTimeout(ruleTimeout);
        } catch (RuleBaseException e) {
            for (String p : e.problems()) err.println(p);
            err.println("preflight: the rules do not compile");
            return null;
        }
    }

    static void printProblems(PrintWriter err, List<Problem> problems) {
        int shown = 0;
        for (Problem p : problems) {
            if (shown++ == MAX_PROBLEMS_SHOWN) {
                err.println("... and " + (problems.size() - MAX_PROBLEMS_SHOWN) + " more problems");
                break;
            }
            err.println(p);
        }
        err.flush();
    }

    private static Severity threshold(String word) {
        if ("none".equalsIgnoreCase(word)) return null;
        Severity s = Severity.parse(word);
        if (s == null) throw new IllegalArgumentException("--fail-on takes error, warning, info or none, not '" + word + "'");
        return s;
    }

    private static int usage(PrintWriter err, String message) {
        err.println("preflight: " + message);
        err.flush();
        return ExitCode.INPUT.code;
    }
}
