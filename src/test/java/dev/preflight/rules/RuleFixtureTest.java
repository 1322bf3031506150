package dev.preflight.rules;

import dev.preflight.TestSupport;
import dev.preflight.engine.Engine;
import dev.preflight.engine.Finding;
import dev.preflight.model.Snapshot;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.SnapshotLoader;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Turns every case of every fixture under {@code src/test/resources/rules/} into a test: load its snapshot, run
 * the bundled rules, and compare the findings of the fixture's rule (and DATA-004 about it) with the expected
 * ones exactly: nothing missing, nothing extra.
 */
class RuleFixtureTest {

    @TestFactory
    Stream<DynamicNode> fixtures() {
        SnapshotLoader loader = new SnapshotLoader();
        Engine engine = new Engine(TestSupport.bundledRules());
        return RuleFixtures.all().stream().map(fx -> DynamicContainer.dynamicContainer(fx.rule(),
                fx.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(),
                        URI.create("classpath:/rules/" + fx.rule() + ".yaml?line=" + c.line()),
                        () -> check(fx, c, loader, engine)))));
    }

    static void check(RuleFixture fx, RuleFixture.Case c, SnapshotLoader loader, Engine engine) {
        Snapshot snapshot;
        try {
            snapshot = loader.load(c.snapshot(), fx.file());
        } catch (InputException e) {
            fail(fx.file() + ":" + c.line() + ": case '" + c.name() + "' has an invalid snapshot:\n  "
                    + String.join("\n  ", e.problems().stream().map(Object::toString).toList()));
            return;
        }
        List<Finding> actual = new ArrayList<>(RuleFixture.relevant(fx.rule(), engine.run(snapshot).findings()));
        List<RuleFixture.Expected> missing = new ArrayList<>();
        for (RuleFixture.Expected e : c.expect()) {
            Finding match = actual.stream().filter(e::matches).findFirst().orElse(null);
            if (match == null) missing.add(e);
            else actual.remove(match);
        }
        if (!missing.isEmpty() || !actual.isEmpty()) {
            StringBuilder b = new StringBuilder(fx.file() + ":" + c.line() + ": case '" + c.name() + "'\n");
            for (RuleFixture.Expected e : missing) b.append("  missing:    ").append(e).append('\n');
            for (Finding f : actual) {
                b.append("  unexpected: ").append(f.ruleId()).append(' ').append(f.subjectId())
                        .append(f.context() == null ? "" : " context=" + f.context())
                        .append(" evidence=").append(f.evidence()).append(" message=").append(f.message())
                        .append(" at ").append(f.location().line()).append(':').append(f.location().column()).append('\n');
            }
            fail(b.toString());
        }
    }
}
