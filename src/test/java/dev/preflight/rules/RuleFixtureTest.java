package dev.preflight.rules;

import dev.preflight.TestSupport;
import dev.preflight.engine.Engine;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.SnapshotLoader;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Turns every case of every fixture under {@code src/test/resources/rules/} into a test: load its snapshot, run
 * the bundled rules, and compare the findings of the fixture's rule (and DATA-004 about it) with the expected
 * ones exactly: nothing missing, nothing extra ({@link FixtureRunner}, which {@code preflight verify} uses too).
 */
class RuleFixtureTest {
    static final Path DIR = Path.of("src/test/resources/rules");

    /** The bundled rules' fixtures; a malformed one fails the test run with its file:line:col. */
    static List<RuleFixture> all() {
        try {
            return RuleFixtures.all(DIR);
        } catch (InputException e) {
            throw new AssertionError("malformed fixtures:\n" + String.join("\n", e.problems().stream().map(Object::toString).toList()));
        }
    }

    @TestFactory
    Stream<DynamicNode> fixtures() {
        FixtureRunner runner = new FixtureRunner(new SnapshotLoader(), new Engine(TestSupport.bundledRules()));
        return all().stream().map(fx -> DynamicContainer.dynamicContainer(fx.rule(),
                fx.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(),
                        URI.create("classpath:/rules/" + fx.rule() + ".yaml?line=" + c.line()),
                        () -> {
                            FixtureRunner.Outcome o = runner.run(fx, c);
                            if (!o.passed()) fail(o.report());
                        }))));
    }
}
