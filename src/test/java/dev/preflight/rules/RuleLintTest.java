package dev.preflight.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Rules stay linear by construction: every DRL file (bundled, and any under samples/) goes through {@link RuleLint}
 * (the lint {@code preflight verify} runs on user rules), which refuses the patterns that blow up or hang at scale
 * with file and line. See docs/writing-rules.md for the replacements.
 */
class RuleLintTest {

    static List<Path> drlFiles() {
        return RuleLint.drlFiles(List.of(Path.of("rules"), Path.of("samples")));
    }

    static List<String> lint(Path file) {
        return RuleLint.lint(file);
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
