package dev.preflight.cli;

import dev.preflight.assign.Assignments;
import dev.preflight.assign.Explanation;
import dev.preflight.engine.Engine;
import dev.preflight.engine.Finding;
import dev.preflight.engine.RuleBase;
import dev.preflight.engine.RuleBaseException;
import dev.preflight.model.Snapshot;
import dev.preflight.model.User;
import dev.preflight.render.Text;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.SnapshotLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code preflight explain}: for one user, every deployment that reaches or misses them and why. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain, for one user, which deployments reach or miss them and why, and the findings about them.")
final class ExplainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "A snapshot file or folder.")
    Path snapshot;

    @Option(names = "--user", required = true, paramLabel = "USER", description = "The user's id, userPrincipalName or mail.")
    String user;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Snapshot s;
        try {
            s = new SnapshotLoader().load(snapshot);
        } catch (InputException e) {
            CheckCommand.printProblems(err, e.problems());
            return ExitCode.INPUT.code;
        }
        String key = user.toLowerCase(Locale.ROOT);
        User u = s.users().stream().filter(x -> x.id().equals(user)
                || (x.upn() != null && x.upn().toLowerCase(Locale.ROOT).equals(key))
                || (x.mail() != null && x.mail().toLowerCase(Locale.ROOT).equals(key))).findFirst().orElse(null);
        if (u == null) {
            err.println("preflight: no user '" + user + "' in " + snapshot);
            return ExitCode.INPUT.code;
        }
        RuleBase rules;
        try {
            rules = RuleBase.build(List.of());
        } catch (RuleBaseException e) {
            e.problems().forEach(err::println);
            return ExitCode.INPUT.code;
        }
        Engine.Result result = new Engine(rules).run(s);
        Assignments a = result.assignments();
        out.println(Text.oneLine(u.name()) + " (" + u.location() + ")");
        List<Explanation.Line> lines = Explanation.forUser(s, a, u);
        if (lines.isEmpty()) out.println("  no deployments in the snapshot");
        for (Explanation.Line l : lines) {
            out.println("  " + (l.reaches() ? "reaches " : "misses  ") + l.deploymentId() + " (app " + Text.oneLine(l.appId())
                    + "): " + Text.oneLine(l.why()));
        }
        List<Finding> mine = result.findings().stream()
                .filter(f -> "user".equals(f.subjectKind()) && f.subjectId().equals(u.id())).toList();
        out.println(mine.isEmpty() ? "  no findings about this user" : "  findings:");
        for (Finding f : mine) out.println("    " + f.ruleId() + ": " + Text.oneLine(f.message()));
        out.flush();
        return ExitCode.CLEAN.code;
    }
}
