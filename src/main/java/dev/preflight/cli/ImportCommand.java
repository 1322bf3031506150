package dev.preflight.cli;

import dev.preflight.importer.Importer;
import dev.preflight.snapshot.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code preflight import}: a snapshot folder from the raw exports of a tenant (docs/collecting.md). */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Build a snapshot folder from raw exports (Graph JSON pages, Exchange Online and Centralized Deployment "
                + "PowerShell output, Dataverse Web API JSON). Files are recognised by content; every entity keeps the export "
                + "file and JSON pointer it came from. See docs/collecting.md.")
final class ImportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPORTS_DIR", description = "The folder of exports (searched recursively).")
    Path exports;

    @Option(names = "--out", required = true, paramLabel = "SNAPSHOT_DIR", description = "The snapshot folder to write.")
    Path outDir;

    @Option(names = "--force", description = "Replace SNAPSHOT_DIR if it exists and is not empty.")
    boolean force;

    @Option(names = "--inventory-columns", paramLabel = "FIELD=COLUMN,...",
            description = "Columns of a plain CSV client inventory, e.g. user=Owner,app=Product,version=Build (fields: user, app, "
                    + "platform, channel, version, edition; default: the field names).")
    String inventoryColumns;

    @Option(names = "--quiet", description = "Print nothing but problems.")
    boolean quiet;

    @Option(names = "--debug", hidden = true)
    boolean debug;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Importer.Result r;
        try {
            r = Importer.importExports(exports, outDir, force, new Importer.Options(inventoryColumns));
        } catch (InputException e) {
            CheckCommand.printProblems(err, e.problems());
            err.println("preflight: nothing written");
            err.flush();
            return ExitCode.INPUT.code;
        }
        for (String w : r.warnings()) err.println("warning: " + w);
        if (!quiet) {
            out.println("read " + r.read().size() + " export file" + (r.read().size() == 1 ? "" : "s") + "; wrote " + r.snapshot());
            new TreeMap<>(r.counts()).forEach((k, v) -> out.println("  " + k + ": " + v));
            if (!r.absent().isEmpty()) {
                out.println("absent (rules that need these facts report DATA-004 naming the reason):");
                int shown = 0;
                for (Importer.Absent a : r.absent()) {
                    if (shown++ == 20) {
                        out.println("  ... and " + (r.absent().size() - 20) + " more (see gaps: in tenant.yaml)");
                        break;
                    }
                    out.println("  " + a.fact() + (a.subject() == null ? "" : " of " + a.subject()) + ": " + a.reason());
                }
            }
        }
        out.flush();
        err.flush();
        return ExitCode.CLEAN.code;
    }
}
