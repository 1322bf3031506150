package dev.preflight.cli;

import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.Problem;
import dev.preflight.tables.Column;
import dev.preflight.tables.CsvTable;
import dev.preflight.tables.Schema;
import dev.preflight.tables.Tables;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code preflight tables [NAME] [--tables DIR]}: the tables the rules judge by, as in force: where each came from
 * (bundled or a reviewer's file), its schema, its rows, and its gaps.
 */
@Command(name = "tables", mixinStandardHelpOptions = true,
        description = "Show the tables the rules judge by (minimum client versions, licensed products, App for Outlook "
                + "privileges, Microsoft 365 Apps builds): where each comes from, its columns and gaps; with NAME, its rows.")
final class TablesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "A table (minimums, skus, privileges, builds): print its rows as CSV.")
    String name;

    @Option(names = "--tables", paramLabel = "DIR", description = "A folder of reviewer tables that replace the bundled ones of the same file name.")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Tables tables = load(dir, err);
        if (tables == null) return ExitCode.INPUT.code;
        if (name != null) {
            CsvTable t = tables.tables().stream().filter(x -> x.schema().name().equals(name)).findFirst().orElse(null);
            if (t == null) {
                err.println("preflight: no table '" + name + "'; tables: "
                        + String.join(", ", Tables.SCHEMAS.stream().map(Schema::name).toList()));
                return ExitCode.INPUT.code;
            }
            out.println("# " + t.schema().name() + ": " + source(t));
            out.println(String.join(",", t.schema().columns().stream().map(Column::name).toList()));
            for (CsvTable.Row r : t.rows()) out.println(String.join(",", r.cells().stream().map(TablesCommand::csv).toList()));
            out.flush();
            return ExitCode.CLEAN.code;
        }
        for (CsvTable t : tables.tables()) {
            Schema s = t.schema();
            out.println(s.name() + ": " + t.rows().size() + " rows from " + source(t));
            out.println("  " + s.what());
            for (Column c : s.columns()) {
                out.println("  - " + c.name() + ": " + c.description() + (c.expects().equals(c.description()) ? "" : "; " + c.expects()));
            }
            for (Problem p : tables.notes()) {
                if (p.location().file().equals(t.file())) out.println("  " + p.message());
            }
        }
        out.flush();
        return ExitCode.CLEAN.code;
    }

    static String source(CsvTable t) {
        return t.bundled() ? t.file() + " (bundled)" : t.file() + " (replaces the bundled " + t.schema().resource() + ")";
    }

    private static String csv(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /** The tables with DIR's files in force, or null after printing why not (bad input). */
    static Tables load(Path dir, PrintWriter err) {
        if (dir == null) return Tables.bundled();
        if (!Files.isDirectory(dir)) {
            err.println("preflight: " + dir + ": --tables needs a folder of table files ("
                    + String.join(", ", Tables.SCHEMAS.stream().map(Schema::fileName).toList()) + ")");
            err.flush();
            return null;
        }
        try {
            return Tables.load(dir);
        } catch (InputException e) {
            CheckCommand.printProblems(err, e.problems());
            return null;
        }
    }

    /** For a check: installs DIR's tables and notes on stderr which tables replace bundled ones; false on bad input. */
    static boolean install(Path dir, PrintWriter err) {
        Tables t = load(dir, err);
        if (t == null) return false;
        Tables.use(t);
        for (CsvTable table : t.tables()) {
            if (!table.bundled()) err.println("preflight: note: table " + table.schema().name() + " from " + source(table));
        }
        err.flush();
        return true;
    }

    static List<String> names() {
        return Tables.SCHEMAS.stream().map(Schema::name).toList();
    }
}
