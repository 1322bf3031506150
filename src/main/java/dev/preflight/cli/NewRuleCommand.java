package dev.preflight.cli;

import dev.preflight.engine.RuleMeta;
import dev.preflight.rules.CatalogCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code preflight new-rule ID --area NAME [--dir DIR]}: writes {@code DIR/ID.drl}, a rule with complete metadata
 * over the facts of the area, and {@code DIR/ID.yaml}, its fixture with a firing case and a near miss, which
 * {@code preflight verify DIR} passes as written.
 */
@Command(name = "new-rule", mixinStandardHelpOptions = true,
        description = "Scaffold a rule of your own (ID.drl with complete metadata) and its fixture (ID.yaml: a firing case and a near miss).")
final class NewRuleCommand implements Callable<Integer> {
    /** The areas a rule can start from: the facts its template matches. */
    static final List<String> AREAS = List.of("apps", "deployments", "groups", "users");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The rule id: an area of your own and three digits, e.g. HOUSE-001.")
    String id;

    @Option(names = "--area", required = true, paramLabel = "NAME",
            description = "What the rule judges, i.e. the facts its template starts from: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Areas.class)
    String area;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".", description = "The folder of your rules. Default: the working folder.")
    Path dir;

    static final class Areas extends java.util.ArrayList<String> {
        Areas() {
            super(AREAS);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String a = area.toLowerCase(Locale.ROOT);
        if (!CatalogCheck.USER_ID.matcher(id).matches()) {
            return usage(err, "'" + id + "' is not a rule id: an area of 2 to 10 capitals and three digits, e.g. HOUSE-001");
        }
        if (CatalogCheck.BUNDLED_AREAS.contains(RuleMeta.areaOf(id))) {
            return usage(err, RuleMeta.areaOf(id) + " is an area of the bundled rules; give yours one of its own, e.g. HOUSE-001");
        }
        if (!AREAS.contains(a)) return usage(err, "unknown area '" + area + "'; areas: " + String.join(", ", AREAS));
        Path drl = dir.resolve(id + ".drl");
        Path fixture = dir.resolve(id + ".yaml");
        for (Path p : List.of(drl, fixture)) {
            if (Files.exists(p)) return usage(err, p + " exists already; nothing written");
        }
        try {
            Files.createDirectories(dir);
            Output.atomically(drl, w -> w.write(template(a + ".drl", id)));
            Output.atomically(fixture, w -> w.write(template(a + ".yaml", id)));
        } catch (IOException e) {
            return usage(err, "cannot write the rule: " + e.getMessage());
        }
        out.println("wrote " + drl.toString().replace('\\', '/'));
        out.println("wrote " + fixture.toString().replace('\\', '/'));
        out.println("next: edit both, then run preflight verify " + dir.toString().replace('\\', '/'));
        out.flush();
        return ExitCode.CLEAN.code;
    }

    static String template(String name, String id) {
        String resource = "dev/preflight/rules/templates/" + name;
        try (InputStream in = NewRuleCommand.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{ID}}", id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int usage(PrintWriter err, String message) {
        err.println("preflight: " + message);
        err.flush();
        return ExitCode.INPUT.code;
    }
}
