package dev.preflight.cli;

import dev.preflight.Preflight;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

/** {@code preflight}: the command line. */
@Command(name = "preflight", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Checks a Microsoft 365 tenant snapshot against the documented prerequisites of add-in, "
                + "Integrated apps and Dynamics 365 App for Outlook rollouts.",
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

    /**
     * The subcommands' names, in the order help lists them. Each command is made (and picocli reads its annotations
     * by reflection) only when the command line gets it: a run of one command builds only that one (see
     * {@link #commandLine(PrintWriter, PrintWriter, String[])}).
     */
    private static final List<String> SUBCOMMANDS = List.of("check", "rules", "explain", "merge", "manifest", "import",
            "licenses", "collect", "verify", "new-rule", "tables", "help");

    /** The names of the subcommands, in help order. */
    static List<String> subcommandNames() {
        return SUBCOMMANDS;
    }

    /** A new instance of subcommand {@code name} (a switch, not a table of lambdas: each lambda is linked at startup). */
    private static Object subcommand(String name) {
        return switch (name) {
            case "check" -> new CheckCommand();
            case "rules" -> new RulesCommand();
            case "explain" -> new ExplainCommand();
            case "merge" -> new MergeCommand();
            case "manifest" -> new ManifestCommand();
            case "import" -> new ImportCommand();
            case "licenses" -> new LicensesCommand();
            case "collect" -> new CollectCommand();
            case "verify" -> new VerifyCommand();
            case "new-rule" -> new NewRuleCommand();
            case "tables" -> new TablesCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** A command line wired for production or for an in-process test, with every subcommand. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, new String[0]);
    }

    /**
     * A command line for {@code args}: when they start with a subcommand's name, only that subcommand is built, as
     * picocli then parses nothing but its options (the others would cost a cold start their reflection and classes);
     * otherwise (no command, {@code --help}, {@code help}, a misspelt command) every one, for the listing and the
     * suggestions.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        CommandLine cl = new CommandLine(new Main());
        if (args.length > 0 && !"help".equals(args[0]) && SUBCOMMANDS.contains(args[0])) {
            cl.addSubcommand(args[0], subcommand(args[0]));
        } else {
            for (String name : SUBCOMMANDS) cl.addSubcommand(name, subcommand(name));
        }
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
        int code = commandLine(out, err, args).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
