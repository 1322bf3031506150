package dev.preflight.cli;

import dev.preflight.Preflight;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code preflight}: the command line. */
@Command(name = "preflight", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Checks a Microsoft 365 tenant snapshot against the documented prerequisites of add-in, "
                + "Integrated apps and Dynamics 365 App for Outlook rollouts.",
        subcommands = {CheckCommand.class, RulesCommand.class, ExplainCommand.class, MergeCommand.class, ManifestCommand.class,
                ImportCommand.class, LicensesCommand.class, CollectCommand.class,
                VerifyCommand.class, NewRuleCommand.class, TablesCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding at or above --fail-on", "1:findings at or above --fail-on",
                "2:usage or input error", "3:internal error (please report it), or a rule stopped by --rule-timeout"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: use 'check' or 'rules'");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{Preflight.NAME.toLowerCase(java.util.Locale.ROOT) + " " + Preflight.VERSION};
        }
    }

    /** A command line wired for production or for an in-process test. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(new PrintWriter(new VisibleWriter(err), true));
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean debug = parseResult.originalArgs().contains("--debug");
            PrintWriter e = commandLine.getErr();
            if (ex instanceof dev.preflight.engine.RuleTimeout t) {
                e.println("preflight: " + t.getMessage());
                e.flush();
                return ExitCode.INTERNAL.code;
            }
            e.println("preflight: internal error: " + ex);
            if (debug) ex.printStackTrace(e);
            else e.println("This is a bug in Preflight. Please report it with the command you ran (add --debug for details).");
            e.flush();
            return ExitCode.INTERNAL.code;
        });
        return cl;
    }

    public static void main(String[] args) {
        Ahead.start(args);
        PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
