package dev.preflight.rules;

import dev.preflight.engine.RuleBase;
import dev.preflight.engine.RuleMeta;
import dev.preflight.engine.RuleSource;
import org.kie.api.definition.rule.Rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalog's contract over a built rule base, for the bundled rules ({@code CatalogTest}) and a user's
 * ({@code preflight verify}): every rule has a well-formed id (or {@code @derive}), one defining rule per id carries
 * complete metadata, and every id has a fixture with a case that fires and a near miss. Problems read
 * {@code file:line: what is wrong}, at the rule's line in its DRL file.
 */
public final class CatalogCheck {
    /** Ids of the bundled catalog: its areas and three digits. */
    public static final Pattern BUNDLED_ID = Pattern.compile("^(TEN|ADM|SAAS|ADD|CDP|LIC|EXO|CLI|GRP|ROL|CON|DYN|DATA|PLAN)-\\d{3}$");
    /** Ids of user rules: an area of their own (2 to 10 capitals or digits, starting with a capital) and three digits. */
    public static final Pattern USER_ID = Pattern.compile("^[A-Z][A-Z0-9]{1,9}-\\d{3}$");
    /** The bundled areas, which user rules do not take. */
    public static final Set<String> BUNDLED_AREAS = Set.of("TEN", "ADM", "SAAS", "ADD", "CDP", "LIC", "EXO", "CLI", "GRP",
            "ROL", "CON", "DYN", "DATA");

    private static final Pattern RULE_LINE = Pattern.compile("^\\s*rule\\s+(\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))");

    private final RuleBase rules;
    private final Predicate<String> inScope;
    private final boolean user;
    private final Map<String, Map<String, Integer>> linesByFile = new HashMap<>();

    /**
     * @param sources the DRL files of the rules in scope (for the line of each rule)
     * @param inScope which DRL files (as {@link RuleBase#fileOf} names them) are checked
     * @param user    user rules: ids take an area of their own, not a bundled one
     */
    public CatalogCheck(RuleBase rules, List<RuleSource> sources, Predicate<String> inScope, boolean user) {
        this.rules = rules;
        this.inScope = inScope;
        this.user = user;
        for (RuleSource s : sources) linesByFile.put(s.name(), ruleLines(s.text()));
    }

    /** The line of each {@code rule "name"} of a DRL text. */
    static Map<String, Integer> ruleLines(String text) {
        Map<String, Integer> out = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = RULE_LINE.matcher(lines[i]);
            if (m.find()) {
                String name = m.group(2) != null ? m.group(2).replace("\\\"", "\"") : m.group(3) != null ? m.group(3) : m.group(4);
                out.putIfAbsent(name, i + 1);
            }
        }
        return out;
    }

    /** {@code file:line} of a rule. */
    public String at(String file, String ruleName) {
        Integer line = linesByFile.getOrDefault(file, Map.of()).get(ruleName);
        return file + ":" + (line == null ? 0 : line);
    }

    /** The catalog entries whose defining rule is in scope. */
    public List<RuleMeta> defined() {
        return rules.catalog().values().stream().filter(m -> inScope.test(m.file())).toList();
    }

    /** Ids well-formed, every implementing rule's id defined, every defining rule's metadata complete. */
    public List<String> metadata() {
        List<String> problems = new ArrayList<>();
        for (Rule r : rules.rules()) {
            String file = rules.fileOf(r);
            if (!inScope.test(file)) continue;
            Map<String, Object> meta = r.getMetaData();
            Object raw = meta.get("id");
            if (raw == null) {
                if (!meta.containsKey("derive")) {
                    problems.add(at(file, r.getName()) + ": rule '" + r.getName() + "' has no @id (classifying rules carry @derive)");
                }
                continue;
            }
            String id = RuleMeta.unquote(raw.toString());
            if (user) {
                if (!USER_ID.matcher(id).matches()) {
                    problems.add(at(file, r.getName()) + ": rule '" + r.getName() + "': malformed id '" + id
                            + "' (an area of 2 to 10 capitals and three digits, e.g. HOUSE-001)");
                } else if (BUNDLED_AREAS.contains(RuleMeta.areaOf(id))) {
                    problems.add(at(file, r.getName()) + ": rule '" + r.getName() + "': id '" + id + "' is in the bundled area "
                            + RuleMeta.areaOf(id) + "; user rules take an area of their own (e.g. HOUSE-001)");
                }
            } else if (!BUNDLED_ID.matcher(id).matches()) {
                problems.add(at(file, r.getName()) + ": rule '" + r.getName() + "': malformed id '" + id + "'");
            }
            if (!rules.catalog().containsKey(id)) {
                problems.add(at(file, r.getName()) + ": rule '" + r.getName() + "' implements " + id
                        + ", which no rule defines with @title");
            }
        }
        for (RuleMeta m : defined()) {
            for (String key : RuleMeta.REQUIRED) {
                Object v = switch (key) {
                    case "id" -> m.id();
                    case "severity" -> m.severity();
                    case "title" -> m.title();
                    case "rationale" -> m.rationale();
                    case "remediation" -> m.remediation();
                    default -> m.source();
                };
                if (v == null || v.toString().isBlank()) {
                    problems.add(at(m.file(), m.ruleName()) + ": " + m.id() + " (" + m.ruleName() + "): missing @" + key
                            + (key.equals("severity") ? " (error, warning or info)" : ""));
                }
            }
        }
        return problems;
    }

    /**
     * Every id defined in scope has a fixture ({@code where} names where it is expected) with a case that fires and a
     * near miss; every fixture is for a rule that exists.
     */
    public List<String> fixtures(List<RuleFixture> fixtures, String where) {
        Map<String, RuleFixture> byRule = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (RuleFixture f : fixtures) {
            RuleFixture earlier = byRule.putIfAbsent(f.rule(), f);
            if (earlier != null) problems.add(f.file() + ":1: a second fixture for " + f.rule() + " (also " + earlier.file() + ")");
        }
        for (RuleMeta m : defined()) {
            RuleFixture fx = byRule.get(m.id());
            if (fx == null) {
                problems.add(at(m.file(), m.ruleName()) + ": " + m.id() + ": no fixture " + where + m.id() + ".yaml");
                continue;
            }
            if (!fx.hasFiringCase()) problems.add(fx.file() + ":1: " + m.id() + ": fixture has no case in which the rule fires");
            if (!fx.hasNearMiss()) problems.add(fx.file() + ":1: " + m.id() + ": fixture has no near-miss case (expect: [])");
        }
        for (RuleFixture f : fixtures) {
            RuleMeta m = rules.catalog().get(f.rule());
            if (m == null || !inScope.test(m.file())) problems.add(f.file() + ":1: fixture for " + f.rule() + ", a rule that is not defined here");
        }
        return problems;
    }
}
