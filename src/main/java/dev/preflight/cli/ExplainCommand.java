package dev.preflight.cli;

import dev.preflight.assign.Assignments;
import dev.preflight.assign.Explanation;
import dev.preflight.engine.Engine;
import dev.preflight.engine.Finding;
import dev.preflight.engine.RuleBase;
import dev.preflight.engine.RuleBaseException;
import dev.preflight.model.DynamicsUser;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    @Option(names = "--user", required = true, paramLabel = "USER", description = "The user's id, userPrincipalName, mail or (when unique) display name.")
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
            List<User> named = s.users().stream()
                    .filter(x -> x.displayName() != null && x.displayName().strip().toLowerCase(Locale.ROOT).equals(key.strip())).toList();
            if (named.size() > 1) {
                err.println("preflight: " + named.size() + " users are named '" + Text.oneLine(user) + "' in " + snapshot
                        + "; give the id, userPrincipalName or mail of one:");
                for (User x : named) err.println("  " + Text.oneLine(x.name()) + " (id " + Text.oneLine(x.id()) + ", " + x.location() + ")");
                err.flush();
                return ExitCode.INPUT.code;
            }
            if (named.size() == 1) u = named.get(0);
        }
        if (u == null) {
            err.println("preflight: no user '" + Text.oneLine(user) + "' in " + snapshot);
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
        User who = u;
        Set<String> dynamicsIds = new HashSet<>();
        for (DynamicsUser du : s.dynamicsUsers()) if (u.id().equals(du.userId())) dynamicsIds.add(du.id());
        List<Finding> mine = result.findings().stream().filter(f -> about(f, who, dynamicsIds)).toList();
        out.println(mine.isEmpty() ? "  no findings about this user" : "  findings:");
        for (Finding f : mine) out.println("    " + f.ruleId() + " (" + f.subjectKind() + " " + Text.oneLine(f.subjectId()) + "): " + Text.oneLine(f.message()));
        List<Finding> mentioning = result.findings().stream().filter(f -> !about(f, who, dynamicsIds) && mentions(f, who)).toList();
        if (!mentioning.isEmpty()) out.println("  findings about others that name this user:");
        for (Finding f : mentioning) out.println("    " + f.ruleId() + " (" + f.subjectKind() + " " + Text.oneLine(f.subjectId()) + "): " + Text.oneLine(f.message()));
        out.flush();
        return ExitCode.CLEAN.code;
    }

    /** About the user: the subject is the user, or a Dynamics user linked to them ({@code dynamics.users[].userId}). */
    static boolean about(Finding f, User u, Set<String> dynamicsIds) {
        if ("user".equals(f.subjectKind())) return f.subjectId().equals(u.id());
        return "dynamics-user".equals(f.subjectKind()) && dynamicsIds.contains(f.subjectId());
    }

    /** The user's id or userPrincipalName appears in the finding's context or evidence (e.g. a group's nested members). */
    static boolean mentions(Finding f, User u) {
        List<String> names = new ArrayList<>();
        names.add(u.id().toLowerCase(Locale.ROOT));
        if (u.upn() != null) names.add(u.upn().toLowerCase(Locale.ROOT));
        List<String> texts = new ArrayList<>(f.evidence());
        if (f.context() != null) texts.add(f.context());
        for (String t : texts) {
            String l = t.toLowerCase(Locale.ROOT);
            for (String n : names) {
                int i = l.indexOf(n);
                while (i >= 0) {
                    int end = i + n.length();
                    boolean start = i == 0 || !Character.isLetterOrDigit(l.charAt(i - 1)) && l.charAt(i - 1) != '.';
                    boolean stop = end == l.length() || !Character.isLetterOrDigit(l.charAt(end)) && l.charAt(end) != '.' && l.charAt(end) != '@';
                    if (start && stop) return true;
                    i = l.indexOf(n, i + 1);
                }
            }
        }
        return false;
    }
}
