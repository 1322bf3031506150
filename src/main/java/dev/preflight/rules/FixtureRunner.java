package dev.preflight.rules;

import dev.preflight.engine.Engine;
import dev.preflight.engine.Finding;
import dev.preflight.model.Snapshot;
import dev.preflight.plan.Plan;
import dev.preflight.plan.PlanBinding;
import dev.preflight.plan.PlanReader;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.SnapshotLoader;
import dev.preflight.snapshot.YNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs fixture cases: loads a case's snapshot, runs the rules, and compares the findings of the fixture's rule (and
 * DATA-004 about it) with the expected ones exactly: nothing missing, nothing extra. The project's own fixture test
 * and {@code preflight verify} both judge cases here.
 */
public final class FixtureRunner {
    private final SnapshotLoader loader;
    private final Engine engine;

    public FixtureRunner(SnapshotLoader loader, Engine engine) {
        this.loader = loader;
        this.engine = engine;
    }

    /** The outcome of one case: passed when nothing is missing, nothing unexpected and the snapshot is valid. */
    public record Outcome(RuleFixture fixture, RuleFixture.Case c, List<RuleFixture.Expected> missing,
                          List<Finding> unexpected, List<String> invalid) {
        public boolean passed() {
            return missing.isEmpty() && unexpected.isEmpty() && invalid.isEmpty();
        }

        /** {@code file:line: case 'name'} and one line per difference. */
        public String report() {
            StringBuilder b = new StringBuilder(fixture.file() + ":" + c.line() + ": case '" + c.name() + "'");
            if (!invalid.isEmpty()) {
                b.append(" has an invalid snapshot:");
                for (String p : invalid) b.append("\n  ").append(p);
                return b.toString();
            }
            for (RuleFixture.Expected e : missing) b.append("\n  missing:    ").append(e);
            for (Finding f : unexpected) b.append("\n  unexpected: ").append(describe(f));
            return b.toString();
        }
    }

    public Outcome run(RuleFixture fx, RuleFixture.Case c) {
        Snapshot snapshot;
        try {
            snapshot = planned(loader.load(c.snapshot(), fx.file()), c);
        } catch (InputException e) {
            return new Outcome(fx, c, List.of(), List.of(), e.problems().stream().map(Object::toString).toList());
        }
        List<Finding> actual = new ArrayList<>(RuleFixture.relevant(fx.rule(), engine.run(snapshot).findings()));
        List<RuleFixture.Expected> missing = new ArrayList<>();
        for (RuleFixture.Expected e : c.expect()) {
            Finding match = actual.stream().filter(e::matches).findFirst().orElse(null);
            if (match == null) missing.add(e);
            else actual.remove(match);
        }
        return new Outcome(fx, c, List.copyOf(missing), List.copyOf(actual), List.of());
    }

    /**
     * The snapshot as if the case's plan ran ({@code plan: {file, as, text}}), or {@code snapshot} itself for a case
     * without a plan. A plan that does not read is an input error at its own file:line:col.
     */
    public static Snapshot planned(Snapshot snapshot, RuleFixture.Case c) throws InputException {
        if (!(c.plan() instanceof YNode.YMap plan)) return snapshot;
        String as = RuleFixtures.text(plan.get("as"));
        Plan p = PlanReader.read(RuleFixtures.text(plan.get("file")), RuleFixtures.text(plan.get("text")));
        return PlanBinding.bind(snapshot, p, as == null ? null : PlanBinding.user(snapshot, as)).snapshot();
    }

    static String describe(Finding f) {
        return f.ruleId() + " " + f.subjectId() + (f.context() == null ? "" : " context=" + f.context())
                + " evidence=" + f.evidence() + " message=" + f.message()
                + " at " + f.location().line() + ":" + f.location().column();
    }
}
