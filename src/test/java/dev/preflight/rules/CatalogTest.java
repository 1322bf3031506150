package dev.preflight.rules;

import dev.preflight.TestSupport;
import dev.preflight.engine.RuleBase;
import dev.preflight.engine.RuleMeta;
import dev.preflight.engine.Severity;
import org.junit.jupiter.api.Test;

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
    static final Path REQUIREMENTS = Path.of("src/test/resources/catalog/REQUIREMENTS.md");
    static final Pattern ROW = Pattern.compile("(?m)^\\| ([A-Z]{2,4}-\\d{3}) \\| (error|warning|info) \\|");

    /** The check {@code preflight verify} applies to user rules, here over the bundled ones. */
    static CatalogCheck check() {
        return new CatalogCheck(TestSupport.bundledRules(), RuleBase.bundled(), f -> f.startsWith("rules/"), false);
    }

    @Test
    void everyRuleHasCompleteWellFormedMetadata() {
        List<String> problems = check().metadata();
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
        }
        problems.addAll(check().fixtures(RuleFixtureTest.all(), "src/test/resources/rules/"));
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
