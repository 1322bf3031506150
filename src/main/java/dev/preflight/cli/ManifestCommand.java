package dev.preflight.cli;

import dev.preflight.manifest.Diagnostic;
import dev.preflight.manifest.ManifestCheck;
import dev.preflight.manifest.ManifestReport;
import dev.preflight.snapshot.SnapshotLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code preflight manifest}: what add-in manifests say, validated offline. */
@Command(name = "manifest", mixinStandardHelpOptions = true,
        description = {"Read Office add-in manifests (XML OfficeApp or unified JSON), print what they say and validate "
                + "them offline: against the bundled XML Schemas or JSON Schema, then checks the schemas miss.",
                "Errors exit 2; warnings exit 0 unless --fail-on warning (then 1)."})
final class ManifestCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Manifest files (.xml or .json).")
    List<Path> files;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FMT", description = "text or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "LEVEL",
            description = "error (default) or warning: warnings then exit 1.")
    String failOn;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("text") && !format.equals("json")) {
            err.println("preflight: unknown format '" + format + "'; formats: text, json");
            return ExitCode.INPUT.code;
        }
        if (!failOn.equals("error") && !failOn.equals("warning")) {
            err.println("preflight: --fail-on takes error or warning, not '" + failOn + "'");
            return ExitCode.INPUT.code;
        }
        List<String> names = new ArrayList<>();
        for (Path f : files) names.add(SnapshotLoader.display(f));
        List<ManifestCheck.Result> results = ManifestCheck.check(files, names);
        StringWriter buffer = new StringWriter();
        if (format.equals("json")) ManifestReport.json(results, buffer);
        else ManifestReport.text(results, buffer);
        out.print(buffer);
        out.flush();
        long errors = results.stream().mapToLong(r -> r.count(Diagnostic.Severity.ERROR)).sum();
        long warnings = results.stream().mapToLong(r -> r.count(Diagnostic.Severity.WARNING)).sum();
        if (errors > 0) return ExitCode.INPUT.code;
        return failOn.equals("warning") && warnings > 0 ? ExitCode.FINDINGS.code : ExitCode.CLEAN.code;
    }
}
