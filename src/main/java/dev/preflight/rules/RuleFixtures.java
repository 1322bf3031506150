package dev.preflight.rules;

import dev.preflight.model.Location;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.Problem;
import dev.preflight.snapshot.YNode;
import dev.preflight.snapshot.YamlReader;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads rule fixture files ({@code ID.yaml}: {@code rule: ID} and {@code cases:}), the bundled rules' under
 * {@code src/test/resources/rules/} and a user's under the folder given to {@code preflight verify}. A malformed
 * fixture is bad input: every problem at its file:line:col.
 */
public final class RuleFixtures {

    private RuleFixtures() {
    }

    /** Every {@code *.yaml} fixture below {@code dir}, sorted by path. */
    public static List<RuleFixture> all(Path dir) throws InputException {
        List<RuleFixture> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path f : files(dir)) {
            try {
                out.add(read(f));
            } catch (InputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        return out;
    }

    /** The {@code *.yaml} files below {@code dir}, sorted. */
    public static List<Path> files(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RuleFixture read(Path file) throws InputException {
        String name = file.toString().replace('\\', '/');
        YNode root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new YamlReader().read(r, name);
        } catch (IOException e) {
            throw new InputException(new Problem(new Location(name, 0, 0), "cannot read fixture: " + e.getMessage()));
        }
        List<Problem> problems = new ArrayList<>();
        if (!(root instanceof YNode.YMap top)) {
            throw new InputException(new Problem(root.location(), "a fixture is a map with 'rule: ID' and 'cases:'"));
        }
        String rule = text(top.get("rule"));
        if (rule == null) throw new InputException(new Problem(top.location(), "fixture needs 'rule: ID'"));
        String expectedName = rule + ".yaml";
        if (!file.getFileName().toString().equals(expectedName)) {
            problems.add(new Problem(top.get("rule").location(), "fixture for " + rule + " must be named " + expectedName));
        }
        List<RuleFixture.Case> cases = new ArrayList<>();
        if (!(top.get("cases") instanceof YNode.YList list)) {
            problems.add(new Problem(top.location(), "fixture needs 'cases:' (a list)"));
            throw new InputException(problems);
        }
        for (YNode item : list.items()) {
            if (!(item instanceof YNode.YMap c)) {
                problems.add(new Problem(item.location(), "a case is a map with name, snapshot and expect"));
                continue;
            }
            String caseName = text(c.get("name"));
            if (caseName == null || c.get("snapshot") == null || !(c.get("expect") instanceof YNode.YList expect)) {
                problems.add(new Problem(item.location(), "a case needs name, snapshot and expect"));
                continue;
            }
            List<RuleFixture.Expected> expected = new ArrayList<>();
            for (YNode e : expect.items()) {
                if (!(e instanceof YNode.YMap m)) {
                    problems.add(new Problem(e.location(), "an expected finding is a map with 'subject'"));
                    continue;
                }
                List<String> evidence = null;
                if (m.get("evidence") instanceof YNode.YList ev) {
                    evidence = ev.items().stream().map(RuleFixtures::text).toList();
                }
                if (text(m.get("subject")) == null) {
                    problems.add(new Problem(e.location(), "expected finding needs 'subject'"));
                    continue;
                }
                Integer line;
                Integer column;
                try {
                    line = integer(m.get("line"));
                    column = integer(m.get("column"));
                } catch (NumberFormatException x) {
                    problems.add(new Problem(e.location(), "line and column are whole numbers"));
                    continue;
                }
                String ruleId = text(m.get("rule"));
                expected.add(new RuleFixture.Expected(rule, ruleId == null ? rule : ruleId, text(m.get("subject")),
                        text(m.get("context")), evidence, text(m.get("messageContains")), line, column));
            }
            Map<String, String> exempt = new LinkedHashMap<>();
            if (c.get("mutationExempt") instanceof YNode.YMap ex) {
                for (YNode.Entry en : ex.entries()) {
                    String reason = text(en.value());
                    if (reason == null || reason.isBlank()) {
                        problems.add(new Problem(en.keyLocation(), "a mutationExempt key needs its reason"));
                    } else {
                        exempt.put(en.key(), reason);
                    }
                }
            } else if (c.containsKey("mutationExempt")) {
                problems.add(new Problem(c.get("mutationExempt").location(), "mutationExempt is a mapping {key: reason}"));
            }
            YNode plan = c.get("plan");
            if (plan != null && !(plan instanceof YNode.YMap pm && text(pm.get("file")) != null && text(pm.get("text")) != null)) {
                problems.add(new Problem(plan.location(), "a case's plan is a map with 'file', 'text' and optionally 'as'"));
                continue;
            }
            cases.add(new RuleFixture.Case(caseName, c.get("snapshot"), List.copyOf(expected), item.location().line(),
                    plan, Map.copyOf(exempt)));
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        return new RuleFixture(rule, name, List.copyOf(cases));
    }

    public static Integer integer(YNode n) {
        String t = text(n);
        return t == null ? null : Integer.valueOf(t);
    }

    public static String text(YNode n) {
        return n instanceof YNode.YScalar s ? s.text() : null;
    }
}
