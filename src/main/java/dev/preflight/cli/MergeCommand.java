package dev.preflight.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.engine.Severity;
import dev.preflight.fleet.FleetRenderer;
import dev.preflight.fleet.FleetSummary;
import dev.preflight.render.Text;
import dev.preflight.snapshot.SnapshotLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code preflight merge}: the fleet summary from per-tenant JSON reports, e.g. from parallel CI jobs. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Build the fleet summary from per-tenant JSON reports (files, or folders searched for *.json).")
final class MergeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "REPORT", description = "JSON reports of preflight check, or folders of them.")
    List<Path> reports;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FMT", description = "text, json, markdown or html. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write DIR/fleet.{txt,json,md,html}.")
    Path outDir;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!FleetRenderer.FORMATS.contains(format)) {
            err.println("preflight: unknown format '" + format + "'; formats: " + String.join(", ", FleetRenderer.FORMATS));
            return ExitCode.INPUT.code;
        }
        List<Path> files = new ArrayList<>();
        for (Path p : reports) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    files.addAll(s.filter(f -> f.getFileName().toString().endsWith(".json"))
                            .filter(f -> !f.getFileName().toString().startsWith("fleet.")).sorted().toList());
                }
            } else {
                files.add(p);
            }
        }
        if (files.isEmpty()) {
            err.println("preflight: no reports found in " + String.join(", ", reports.stream().map(SnapshotLoader::display).toList())
                    + " (merge reads the JSON reports of preflight check: *.json)");
            err.flush();
            return ExitCode.INPUT.code;
        }
        List<FleetSummary.Tenant> rows = new ArrayList<>();
        boolean broken = false;
        ObjectMapper mapper = new ObjectMapper();
        // A report is counted once: the same tenant and snapshot digest seen again (the same file given twice, or a copy).
        Map<String, String> seen = new LinkedHashMap<>();
        Map<String, String> tenantSeen = new LinkedHashMap<>();
        for (Path f : files) {
            String source = SnapshotLoader.display(f);
            JsonNode r;
            try {
                r = mapper.readTree(f.toFile());
            } catch (JsonProcessingException e) {
                var l = e.getLocation();
                err.println(source + ":" + (l == null ? 0 : l.getLineNr()) + ":" + (l == null ? 0 : l.getColumnNr())
                        + ": not a JSON report: " + e.getOriginalMessage());
                rows.add(FleetSummary.broken(source, "not a JSON report"));
                broken = true;
                continue;
            } catch (IOException e) {
                err.println(source + ": cannot read: " + e.getMessage());
                rows.add(FleetSummary.broken(source, "unreadable"));
                broken = true;
                continue;
            }
            if (r == null || !r.has("summary") || !r.has("findings")) {
                err.println(source + ": not a Preflight JSON report (no summary and findings)");
                rows.add(FleetSummary.broken(source, "not a Preflight JSON report"));
                broken = true;
                continue;
            }
            String name = r.path("snapshot").path("tenant").asText(source);
            String sha = r.path("snapshot").path("sha256").asText("");
            String identity = name + "\u0000" + sha;
            if (seen.containsKey(identity)) {
                err.println("preflight: note: " + source + " is the same report as " + seen.get(identity) + " (tenant '" + Text.oneLine(name)
                        + "', snapshot sha256 " + (sha.length() > 12 ? sha.substring(0, 12) : sha) + "); counted once");
                continue;
            }
            seen.put(identity, source);
            String earlier = tenantSeen.putIfAbsent(name, source);
            if (earlier != null) {
                err.println("preflight: note: tenant '" + Text.oneLine(name) + "' is in " + earlier + " and in " + source
                        + " with different snapshots; both are listed");
            }
            // Live counts (waived findings apart) where the report has them; older reports count all findings.
            JsonNode summary = r.path("summary").has("live") ? r.path("summary").path("live") : r.path("summary");
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Severity s : Severity.values()) counts.put(s.label(), summary.path(s.label()).asInt());
            Map<String, Integer> byRule = new TreeMap<>();
            for (JsonNode finding : r.get("findings")) {
                if (!finding.has("waiver")) byRule.merge(finding.path("ruleId").asText(), 1, Integer::sum);
            }
            List<String> top = FleetSummary.top(byRule);
            rows.add(new FleetSummary.Tenant(name, source, counts, summary.path("couldNotVerify").asInt(),
                    r.path("summary").path("failing").asInt(), top, null));
        }
        FleetSummary summary = FleetSummary.of(rows);
        if (outDir != null) {
            Files.createDirectories(outDir);
            for (String f : FleetRenderer.FORMATS) {
                Output.atomically(outDir.resolve("fleet." + FleetRenderer.extension(f)), w -> FleetRenderer.render(f, summary, w));
            }
        }
        StringWriter buffer = new StringWriter();
        FleetRenderer.render(format, summary, buffer);
        out.print(buffer);
        out.flush();
        return broken ? ExitCode.INPUT.code : summary.tenants().stream().anyMatch(t -> t.failing() > 0) ? ExitCode.FINDINGS.code : ExitCode.CLEAN.code;
    }
}
