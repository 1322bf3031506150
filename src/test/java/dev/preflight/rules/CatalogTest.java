package dev.preflight.rules;

import dev.preflight.TestSupport;
import dev.preflight.engine.RuleBase;
import dev.preflight.engine.RuleMeta;
import dev.preflight.engine.Severity;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The catalog's contract, checked over the built rule base; every problem is listed at once. Every rule has
 * complete metadata and a well-formed, unique id; every id of REQUIREMENTS.md has a rule; every rule has a
 * fixture with a case that fires and a near miss.
 */
class CatalogTest {
    static final Pattern ID = Pattern.compile("^(TEN|ADM|SAAS|ADD|CDP|LIC|EXO|CLI|GRP|ROL|CON|DYN|DATA|PLAN)-\\d{3}$");
    static final Path REQUIREMENTS = Path.of("src/test/resources/catalog/REQUIREMENTS.md");
    static final Pattern ROW = Pattern.compile("(?m)^\\| ([A-Z]{2,4}-\\d{3}) \\| (error|warning|info) \\|");

    @Test
    void everyRuleHasCompleteWellFormedMetadata() {
        RuleBase rules = TestSupport.bundledRules();
        List<String> problems = new ArrayList<>();
        for (Rule r : rules.rules()) {
            Map<String, Object> meta = r.getMetaData();
            Object id = meta.get("id");
            if (id == null) {
                if (!meta.containsKey("derive")) {
                    problems.add("rule '" + r.getName() + "' has no @id (classifying rules carry @derive)");
                }
                continue;
            }
            if (!ID.matcher(id.toString()).matches()) problems.add("rule '" + r.getName() + "': malformed id '" + id + "'");
            if (!rules.catalog().containsKey(id.toString())) {
                problems.add("rule '" + r.getName() + "' implements " + id + ", which no rule defines with @title");
            }
        }
        for (RuleMeta m : rules.catalog().values()) {
            for (String key : RuleMeta.REQUIRED) {
                Object v = switch (key) {
                    case "id" -> m.id();
                    case "severity" -> m.severity();
                    case "title" -> m.title();
                    case "rationale" -> m.rationale();
                    case "remediation" -> m.remediation();
                    default -> m.source();
                };
                if (v == null || v.toString().isBlank()) problems.add(m.id() + " (" + m.ruleName() + "): missing @" + key);
            }
        }
        if (!problems.isEmpty()) fail(String.join("\n", problems));
    }

    @Test
    void severitiesMatchTheRequirements() throws IOException {
        Map<String, RuleMeta> catalog = TestSupport.bundledRules().catalog();
        List<String> problems = new ArrayList<>();
        Matcher m = ROW.matcher(Files.readString(REQUIREMENTS));
        while (m.find()) {
            RuleMeta meta = catalog.get(m.group(1));
            if (meta != null && meta.severity() != Severity.parse(m.group(2))) {
                problems.add(m.group(1) + ": severity " + meta.severity().label() + ", the catalog says " + m.group(2));
            }
        }
        if (!problems.isEmpty()) fail(String.join("\n", problems));
    }

    @Test
    void everyRequirementHasARuleAndEveryRuleAFixture() throws IOException {
        Set<String> required = new TreeSet<>();
        Matcher m = ROW.matcher(Files.readString(REQUIREMENTS));
        while (m.find()) required.add(m.group(1));
        Set<String> pending = pending();
        Map<String, RuleMeta> catalog = TestSupport.bundledRules().catalog();
        Map<String, RuleFixture> fixtures = new java.util.HashMap<>();
        for (RuleFixture f : RuleFixtures.all()) fixtures.put(f.rule(), f);

        List<String> problems = new ArrayList<>();
        for (String id : required) {
            if (pending.contains(id)) {
                if (catalog.containsKey(id)) problems.add(id + " is encoded now: remove it from " + PENDING);
                continue;
            }
            if (!catalog.containsKey(id)) problems.add(id + ": no rule defines it");
        }
        for (String id : catalog.keySet()) {
            if (!required.contains(id)) problems.add(id + ": rule is not in REQUIREMENTS.md");
            RuleFixture fx = fixtures.get(id);
            if (fx == null) {
                problems.add(id + ": no fixture src/test/resources/rules/" + id + ".yaml");
                continue;
            }
            boolean fires = fx.cases().stream().anyMatch(c -> c.expect().stream().anyMatch(e -> e.ruleId().equals(id)));
            boolean nearMiss = fx.cases().stream().anyMatch(c -> c.expect().isEmpty());
            if (!fires) problems.add(id + ": fixture has no case in which the rule fires");
            if (!nearMiss) problems.add(id + ": fixture has no near-miss case (expect: [])");
        }
        for (String id : fixtures.keySet()) {
            if (!catalog.containsKey(id)) problems.add(id + ": fixture for a rule that does not exist");
        }
        if (!problems.isEmpty()) fail(problems.size() + " catalog problems:\n" + String.join("\n", problems));
    }

    static final Path PENDING = Path.of("src/test/resources/catalog/not-yet-encoded.txt");

    /** Ids of the catalog not encoded yet; the file must shrink to nothing (and then go). */
    static Set<String> pending() throws IOException {
        if (!Files.exists(PENDING)) return Set.of();
        Set<String> out = new LinkedHashSet<>();
        for (String line : Files.readAllLines(PENDING)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) out.add(t);
        }
        return out;
    }

    @Test
    void idsAreUniqueAcrossDefiningRules() {
        // RuleBase refuses two defining rules for one id; the catalog is keyed by id, so sizes agree.
        RuleBase rules = TestSupport.bundledRules();
        long defining = rules.rules().stream().filter(r -> r.getMetaData().containsKey("title")).count();
        assertEquals(defining, rules.catalog().size());
    }
}
