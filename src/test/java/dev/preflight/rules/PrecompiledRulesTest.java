package dev.preflight.rules;

import dev.preflight.TestSupport;
import dev.preflight.model.Snapshot;
import dev.preflight.engine.Engine;
import dev.preflight.engine.Finding;
import dev.preflight.engine.RuleBase;
import dev.preflight.engine.RuleBaseException;
import dev.preflight.snapshot.SnapshotLoader;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled rules ship precompiled (executable model, made in the build's process-classes phase). They must be
 * current and behave exactly as the same DRL compiled at run time, which is how {@code --rules DIR} runs.
 */
class PrecompiledRulesTest {
    private static final RuleBase PRECOMPILED = TestSupport.bundledRules();
    private static final RuleBase FROM_DRL = compileBundled();

    private static RuleBase compileBundled() {
        try {
            return RuleBase.compile(RuleBase.bundled());
        } catch (RuleBaseException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Test
    void bundledRulesComePrecompiledAndCurrent() {
        assertTrue(PRECOMPILED.precompiled(), "the bundled rules were compiled at run time: the precompiled model is "
                + "missing or older than rules/ (run mvn process-classes)");
        assertFalse(FROM_DRL.precompiled());
    }

    @Test
    void sameCatalogAndRules() {
        assertEquals(FROM_DRL.catalog(), PRECOMPILED.catalog());
        assertEquals(names(FROM_DRL.rules()), names(PRECOMPILED.rules()));
    }

    @Test
    void sameFindingsOnEveryFixtureAndSample() throws Exception {
        SnapshotLoader loader = new SnapshotLoader();
        Engine pre = new Engine(PRECOMPILED);
        Engine drl = new Engine(FROM_DRL);
        List<Snapshot> snapshots = new ArrayList<>();
        for (var fx : RuleFixtureTest.all()) {
            for (var c : fx.cases()) snapshots.add(loader.load(c.snapshot(), fx.file()));
        }
        snapshots.add(loader.load(Path.of("samples/fabrikam")));
        snapshots.add(loader.load(Path.of("samples/contoso")));
        int findings = 0;
        for (Snapshot s : snapshots) {
            List<Finding> expected = drl.run(s).findings();
            assertEquals(expected, pre.run(s).findings(), s.toString());
            findings += expected.size();
        }
        assertTrue(findings > 500, "the comparison saw only " + findings + " findings");
    }

    private static List<String> names(List<Rule> rules) {
        return rules.stream().map(r -> r.getPackageName() + "/" + r.getName()).toList();
    }
}
