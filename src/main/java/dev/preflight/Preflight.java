package dev.preflight;

import dev.preflight.engine.Engine;
import dev.preflight.engine.RuleBase;
import dev.preflight.engine.Settings;
import dev.preflight.engine.Severity;
import dev.preflight.policy.Policy;
import dev.preflight.model.Snapshot;
import dev.preflight.report.Report;
import dev.preflight.report.ReportBuilder;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.SnapshotLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** The programmatic facade the CLI is a thin layer over: load a snapshot, check it, get a report. */
public final class Preflight {
    public static final String NAME;
    public static final String VERSION;

    static {
        Properties p = new Properties();
        try (InputStream in = Preflight.class.getResourceAsStream("preflight.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NAME = p.getProperty("name", "Preflight");
        VERSION = p.getProperty("version", "dev");
    }

    private final RuleBase rules;
    private final SnapshotLoader loader;
    private final Policy policy;
    private final Instant timestamp;
    private long ruleBaseNanos;
    private java.time.Duration ruleTimeout;

    public Preflight(RuleBase rules, SnapshotLoader loader) {
        this(rules, loader, Policy.none(LocalDate.now(ZoneOffset.UTC)), null);
    }

    /** With a policy (config, waivers, baseline) and, when asked, a timestamp for reports. */
    public Preflight(RuleBase rules, SnapshotLoader loader, Policy policy, Instant timestamp) {
        this.rules = rules;
        this.loader = loader;
        this.policy = policy;
        this.timestamp = timestamp;
    }

    /** How long one check may fire rules before it is stopped ({@link dev.preflight.engine.RuleTimeout}). */
    public Preflight ruleTimeout(java.time.Duration limit) {
        this.ruleTimeout = limit;
        return this;
    }

    /** How long building the rule base took, shown with --timings. */
    public Preflight ruleBaseNanos(long nanos) {
        this.ruleBaseNanos = nanos;
        return this;
    }

    public RuleBase rules() {
        return rules;
    }

    /** Loads and checks the snapshot at {@code path} (a file or a folder). */
    public Report check(Path path, Severity failOn, boolean timings) throws InputException {
        long t0 = System.nanoTime();
        Snapshot snapshot = loader.load(path);
        long parse = System.nanoTime() - t0;
        return check(snapshot, failOn, timings, parse);
    }

    public Report check(Snapshot snapshot, Severity failOn, boolean timings, long parseNanos) {
        Map<String, Integer> thresholds = new HashMap<>();
        policy.config().rules().forEach((id, setting) -> {
            if (setting.threshold() != null) thresholds.put(id, setting.threshold());
        });
        Engine engine = new Engine(rules);
        if (ruleTimeout != null) engine.timeout(ruleTimeout);
        Engine.Result result = engine.run(snapshot, new Settings(Map.copyOf(thresholds)));
        if (timings) {
            var t = new java.util.LinkedHashMap<String, Long>();
            if (ruleBaseNanos > 0) t.put("rules", ruleBaseNanos);
            t.put("parse", parseNanos);
            t.putAll(result.timingsNanos());
            result = new Engine.Result(result.findings(), result.assignments(), t, result.facts());
        }
        Report report = ReportBuilder.build(NAME, VERSION, snapshot, result, rules.catalog(), failOn, timings, timestamp);
        return policy.apply(report);
    }
}
