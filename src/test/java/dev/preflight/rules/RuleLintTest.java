package dev.preflight.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Rules stay linear by construction: every DRL file (bundled, and any under samples/) is read and the patterns
 * that blow up or hang at scale are refused with file and line. See docs/writing-rules.md for the replacements.
 */
class RuleLintTest {

    record Check(Pattern pattern, String why) {
    }

    static final Pattern QUERY = Pattern.compile("^\\s*query\\s+\"?([A-Za-z0-9_ -]+?)\"?\\s*(\\(|$)");
    static final Pattern IMMUTABLE = Pattern.compile("\\bmodify\\s*\\(|\\bupdate\\s*\\(");

    static final List<Check> CHECKS = List.of(
            new Check(Pattern.compile("\\beval\\s*\\("), "eval(...) cannot be indexed: join with == on ids instead"),
            new Check(Pattern.compile("\\bsalience\\b"), "salience makes checks order-dependent: derive facts instead"),
            new Check(Pattern.compile("\\b(agenda-group|ruleflow-group|activation-group)\\b"), "agenda control makes checks order-dependent"),
            new Check(Pattern.compile("\\bcollect\\s*\\(\\s*[A-Z][A-Za-z0-9_]*\\s*\\(\\s*\\)"),
                    "collect over a whole fact type without a key constraint: constrain it (e.g. userId == $id) or derive per key"),
            new Check(Pattern.compile("\\baccumulate\\s*\\(\\s*[A-Z][A-Za-z0-9_]*\\s*\\(\\s*\\)"),
                    "accumulate over a whole fact type without a key constraint: constrain it or derive per key"),
            new Check(Pattern.compile("\\.equals\\s*\\("), ".equals(...) in a constraint cannot be indexed: use =="),
            new Check(IMMUTABLE, "facts are immutable: derive new facts instead"));

    static List<Path> drlFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String root : List.of("rules", "samples")) {
            if (!Files.isDirectory(Path.of(root))) continue;
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                out.addAll(s.filter(p -> p.toString().endsWith(".drl")).sorted().toList());
            }
        }
        return out;
    }

    static List<String> lint(Path file) throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        List<String> queries = new ArrayList<>();
        for (String l : lines) {
            Matcher q = QUERY.matcher(l);
            if (q.find()) queries.add(q.group(1).strip());
        }
        String currentQuery = null;
        boolean consequence = false;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.equals("then")) consequence = true;
            if (t.equals("end") || t.startsWith("rule ")) consequence = false;
            if (consequence && !t.equals("then")) {
                if (IMMUTABLE.matcher(t).find()) {
                    problems.add(file + ":" + (i + 1) + ": facts are immutable: derive new facts instead");
                }
                continue; // consequences are Java: only the conditions must stay indexable
            }
            String code = lines.get(i).replaceAll("//.*$", "").replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
            String raw = lines.get(i);
            if (raw.trim().startsWith("@")) continue; // annotations hold prose
            Matcher q = QUERY.matcher(raw);
            if (q.find()) currentQuery = q.group(1).strip();
            else if (raw.strip().equals("end")) currentQuery = null;
            else if (currentQuery != null && (raw.contains(currentQuery + "(") || raw.contains("\"" + currentQuery + "\""))) {
                problems.add(file + ":" + (i + 1) + ": recursive query '" + currentQuery + "': precompute the closure once instead");
            }
            for (Check c : CHECKS) {
                if (c.pattern().matcher(code).find()) problems.add(file + ":" + (i + 1) + ": " + c.why());
            }
        }
        return problems;
    }

    @Test
    void noPatternThatBlowsUpAtScale() throws IOException {
        List<Path> files = drlFiles();
        assertTrue(files.size() >= 5, "the bundled rules are found");
        List<String> problems = new ArrayList<>();
        for (Path f : files) problems.addAll(lint(f));
        if (!problems.isEmpty()) fail(String.join("\n", problems));
    }

    @Test
    void theLintCatchesEachPattern() throws IOException {
        Path bad = Files.createTempFile("bad", ".drl");
        Files.writeString(bad, String.join("\n",
                "rule \"a\" salience 10",
                "when",
                "  $u : User( )",
                "  $g : Group( eval($g.id().equals($u.id())) )",
                "  $l : java.util.List() from collect( User() )",
                "then",
                "  modify($u) { }",
                "end",
                "query reach(String a, String b)",
                "  reach(a, b)",
                "end"));
        List<String> p = lint(bad);
        String all = String.join("\n", p);
        assertTrue(all.contains(":1: salience"), all);
        assertTrue(all.contains(":4: eval"), all);
        assertTrue(all.contains(":4: .equals"), all);
        assertTrue(all.contains(":5: collect over a whole fact type"), all);
        assertTrue(all.contains(":7: facts are immutable"), all);
        assertTrue(all.contains(":10: recursive query 'reach'"), all);
    }
}
