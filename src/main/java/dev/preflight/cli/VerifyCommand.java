package dev.preflight.cli;

import dev.preflight.engine.Engine;
import dev.preflight.engine.RuleBase;
import dev.preflight.engine.RuleBaseException;
import dev.preflight.engine.RuleFailure;
import dev.preflight.engine.RuleSource;
import dev.preflight.engine.RuleTimeout;
import dev.preflight.rules.CatalogCheck;
import dev.preflight.rules.FixtureRunner;
import dev.preflight.rules.RuleFixture;
import dev.preflight.rules.RuleFixtures;
import dev.preflight.rules.RuleLint;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.SnapshotLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code preflight verify DIR}: compiles a folder of user rules with the bundled ones, applies the catalog's checks
 * to them (well-formed unique ids, complete metadata, the lint for linear patterns, a fixture with a firing case and
 * a near miss per rule) and runs their fixtures, printing pass or fail per case.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check a folder of your own rules (DRL and ID.yaml fixtures) and run their fixtures.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every case passed", "1:a case failed", "2:bad input (a rule does not compile, the catalog "
                + "checks fail, a fixture is malformed)", "3:a rule did not finish within --rule-timeout, or its consequence threw"})
final class VerifyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A folder of .drl rules and their ID.yaml fixtures.")
    Path dir;

    @Option(names = "--rule-timeout", paramLabel = "TIME", defaultValue = RuleTimeoutOption.DEFAULT,
            converter = RuleTimeoutOption.class, description = RuleTimeoutOption.DESCRIPTION)
    Duration ruleTimeout;

    @Option(names = "--tables", paramLabel = "DIR", description = "Run the cases with a reviewer's tables (see preflight tables).")
    Path tablesDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (tablesDir != null && !TablesCommand.install(tablesDir, err)) return ExitCode.INPUT.code;
            return verify(dir, ruleTimeout, out, err).code;
        } finally {
            if (tablesDir != null) dev.preflight.tables.Tables.use(null);
            out.flush();
            err.flush();
        }
    }

    static ExitCode verify(Path dir, Duration timeout, PrintWriter out, PrintWriter err) {
        if (!Files.isDirectory(dir)) {
            err.println("preflight: " + dir + ": verify needs a folder of .drl rules and their fixtures");
            return ExitCode.INPUT;
        }
        List<RuleSource> sources = new ArrayList<>();
        for (RuleSource s : RuleBase.folder(dir)) {
            sources.add(new RuleSource(dir.resolve(s.name()).toString().replace('\\', '/'), s.text()));
        }
        if (sources.isEmpty()) {
            err.println("preflight: " + dir + ": no .drl files (preflight new-rule ID --area NAME --dir " + dir + " makes one)");
            return ExitCode.INPUT;
        }
        List<RuleFixture> fixtures;
        try {
            fixtures = RuleFixtures.all(dir);
        } catch (InputException e) {
            CheckCommand.printProblems(err, e.problems());
            return ExitCode.INPUT;
        }
        RuleBase rules;
        try {
            rules = RuleBase.build(List.of(dir));
        } catch (RuleBaseException e) {
            e.problems().forEach(err::println);
            err.println("preflight: the rules do not compile");
            return ExitCode.INPUT;
        }
        Set<String> mine = new HashSet<>();
        sources.forEach(s -> mine.add(s.name()));
        CatalogCheck catalog = new CatalogCheck(rules, sources, mine::contains, true);
        List<String> problems = new ArrayList<>();
        for (RuleSource s : sources) problems.addAll(RuleLint.lint(s.name(), s.text().lines().toList()));
        problems.addAll(catalog.metadata());
        problems.addAll(catalog.fixtures(fixtures, dir.toString().replace('\\', '/') + "/"));
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            err.println("preflight: " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                    + " with the rules of " + dir + "; no case was run");
            return ExitCode.INPUT;
        }
        FixtureRunner runner = new FixtureRunner(new SnapshotLoader(), new Engine(rules).timeout(timeout));
        int passed = 0;
        int failed = 0;
        for (RuleFixture fx : fixtures) {
            for (RuleFixture.Case c : fx.cases()) {
                FixtureRunner.Outcome o;
                try {
                    o = runner.run(fx, c);
                } catch (RuleTimeout t) {
                    out.println("STOP  " + fx.rule() + "  " + c.name() + "  (" + fx.file() + ":" + c.line() + ")");
                    out.flush();
                    err.println("preflight: " + t.getMessage());
                    return ExitCode.INTERNAL;
                } catch (RuleFailure f) {
                    out.println("STOP  " + fx.rule() + "  " + c.name() + "  (" + fx.file() + ":" + c.line() + ")");
                    out.flush();
                    err.println("preflight: " + f.getMessage() + " (a consequence threw: fix the rule)");
                    return ExitCode.INTERNAL;
                }
                if (o.passed()) {
                    passed++;
                    out.println("pass  " + fx.rule() + "  " + c.name() + "  (" + fx.file() + ":" + c.line() + ")");
                } else {
                    failed++;
                    out.println("FAIL  " + fx.rule() + "  " + c.name() + "  (" + fx.file() + ":" + c.line() + ")");
                    String report = o.report();
                    int nl = report.indexOf('\n');
                    if (nl >= 0) out.println(report.substring(nl + 1));
                    else out.println("  " + report);
                }
            }
        }
        int rulesN = catalog.defined().size();
        out.println(rulesN + " rule" + (rulesN == 1 ? "" : "s") + ", " + (passed + failed) + " cases: " + passed + " passed, "
                + failed + " failed");
        return failed > 0 ? ExitCode.FINDINGS : ExitCode.CLEAN;
    }
}
