package dev.preflight.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A run of one command builds only that command; every other start builds them all, in help order. */
class CommandLineTest {

    private static CommandLine of(String... args) {
        return Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    }

    @Test
    void aCommandBuildsOnlyItself() {
        for (String name : Main.subcommandNames()) {
            if (name.equals("help")) continue;
            assertEquals(List.of(name), new ArrayList<>(of(name, "--whatever").getSubcommands().keySet()));
        }
    }

    @Test
    void anythingElseBuildsEveryCommand() {
        List<String> all = List.of("check", "rules", "explain", "merge", "manifest", "import", "licenses", "collect",
                "verify", "new-rule", "tables", "help");
        assertEquals(all, new ArrayList<>(of().getSubcommands().keySet()));
        for (String[] args : new String[][]{{"--help"}, {"-V"}, {"help", "check"}, {"chek"}, {"--version"}}) {
            assertEquals(all, new ArrayList<>(of(args).getSubcommands().keySet()), String.join(" ", args));
        }
        assertEquals(all, new ArrayList<>(Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .getSubcommands().keySet()));
    }

    /** The name each command is filed under is the one its annotation gives. */
    @Test
    void namesAreTheCommandsOwn() {
        of().getSubcommands().forEach((name, cl) -> assertEquals(name, cl.getCommandSpec().name()));
    }

    /** What a command prints does not depend on whether its siblings were built. */
    @Test
    void aCommandAloneSaysWhatItSaysAmongTheOthers() {
        for (String[] args : new String[][]{{"check", "--help"}, {"check", "--bogus"}, {"rules", "--format", "nope"},
                {"tables", "--help"}, {"check"}}) {
            StringWriter out1 = new StringWriter();
            StringWriter err1 = new StringWriter();
            int alone = Main.commandLine(new PrintWriter(out1, true), new PrintWriter(err1, true), args).execute(args);
            Cli all = Cli.run(args);
            assertEquals(all.code(), alone, String.join(" ", args));
            assertEquals(all.out(), out1.toString(), String.join(" ", args));
            assertEquals(all.err(), err1.toString(), String.join(" ", args));
        }
    }
}
