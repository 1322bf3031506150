package dev.preflight.rules;

import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.YNode;
import dev.preflight.snapshot.YamlReader;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the fixture files of {@code src/test/resources/rules/}. */
final class RuleFixtures {
    static final Path DIR = Path.of("src/test/resources/rules");

    private RuleFixtures() {
    }

    static List<RuleFixture> all() {
        List<RuleFixture> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) out.add(read(f));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    static RuleFixture read(Path file) {
        String name = file.toString().replace('\\', '/');
        YNode root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new YamlReader().read(r, name);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InputException e) {
            throw new AssertionError("fixture " + name + " is not valid YAML: " + e.problems());
        }
        YNode.YMap top = (YNode.YMap) root;
        String rule = text(top.get("rule"));
        if (rule == null) throw new AssertionError(name + ": fixture needs 'rule: ID'");
        String expectedName = rule + ".yaml";
        if (!file.getFileName().toString().equals(expectedName)) {
            throw new AssertionError(name + ": fixture for " + rule + " must be named " + expectedName);
        }
        List<RuleFixture.Case> cases = new ArrayList<>();
        if (!(top.get("cases") instanceof YNode.YList list)) throw new AssertionError(name + ": fixture needs 'cases:'");
        for (YNode item : list.items()) {
            YNode.YMap c = (YNode.YMap) item;
            String caseName = text(c.get("name"));
            if (caseName == null || c.get("snapshot") == null || !(c.get("expect") instanceof YNode.YList expect)) {
                throw new AssertionError(item.location() + ": a case needs name, snapshot and expect");
            }
            List<RuleFixture.Expected> expected = new ArrayList<>();
            for (YNode e : expect.items()) {
                YNode.YMap m = (YNode.YMap) e;
                List<String> evidence = null;
                if (m.get("evidence") instanceof YNode.YList ev) {
                    evidence = ev.items().stream().map(RuleFixtures::text).toList();
                }
                String ruleId = text(m.get("rule"));
                expected.add(new RuleFixture.Expected(rule, ruleId == null ? rule : ruleId, text(m.get("subject")),
                        text(m.get("context")), evidence, text(m.get("messageContains")), integer(m.get("line")),
                        integer(m.get("column"))));
                if (text(m.get("subject")) == null) throw new AssertionError(e.location() + ": expected finding needs 'subject'");
            }
            Map<String, String> exempt = new LinkedHashMap<>();
            if (c.get("mutationExempt") instanceof YNode.YMap ex) {
                for (YNode.Entry en : ex.entries()) {
                    String reason = text(en.value());
                    if (reason == null || reason.isBlank()) {
                        throw new AssertionError(en.keyLocation() + ": a mutationExempt key needs its reason");
                    }
                    exempt.put(en.key(), reason);
                }
            } else if (c.containsKey("mutationExempt")) {
                throw new AssertionError(c.get("mutationExempt").location() + ": mutationExempt is a mapping {key: reason}");
            }
            cases.add(new RuleFixture.Case(caseName, c.get("snapshot"), List.copyOf(expected), item.location().line(),
                    c.get("plan"), Map.copyOf(exempt)));
        }
        return new RuleFixture(rule, name, List.copyOf(cases));
    }

    static Integer integer(YNode n) {
        String t = text(n);
        return t == null ? null : Integer.valueOf(t);
    }

    static String text(YNode n) {
        return n instanceof YNode.YScalar s ? s.text() : null;
    }
}
