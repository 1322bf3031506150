package dev.preflight.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rules stay linear by construction: the patterns that blow up or hang at scale are refused with {@code file:line}
 * (see docs/writing-rules.md for the replacements). The project's DRL and a user's ({@code preflight verify}) are
 * read by this one lint.
 */
public final class RuleLint {

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

    private RuleLint() {
    }

    /** The *.drl files below each of {@code roots} that exist, sorted. */
    public static List<Path> drlFiles(List<Path> roots) {
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> s = Files.walk(root)) {
                out.addAll(s.filter(p -> p.toString().endsWith(".drl")).sorted().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    public static List<String> lint(Path file) {
        try {
            return lint(file.toString().replace('\\', '/'), Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Problems of one DRL file, each {@code file:line: why}. */
    public static List<String> lint(String file, List<String> lines) {
        List<String> problems = new ArrayList<>();
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
}
