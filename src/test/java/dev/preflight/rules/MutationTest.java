package dev.preflight.rules;

import dev.preflight.TestSupport;
import dev.preflight.engine.Engine;
import dev.preflight.engine.Finding;
import dev.preflight.engine.Findings;
import dev.preflight.model.Snapshot;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.KeyRemoval;
import dev.preflight.snapshot.SnapshotLoader;
import dev.preflight.snapshot.YNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * No finding disappears without a trace when a fact is removed. For every case of every rule fixture that fires
 * its rule, each mapping key of the case's snapshot is removed in turn, at any depth (whole sections, keys of list
 * items, keys of nested mappings). After each removal, for every finding of the rule the case expects, one of these
 * holds (a finding whose subject the removal took away, with nothing left that refers to it, is gone with its subject;
 * the tenant is the exception: its rules still judge a snapshot without a tenant section):
 * <ul>
 *   <li>the rule still reports that subject;</li>
 *   <li>a DATA-004 about that rule and subject names the removed fact (or a fact inside it); when the removal took
 *       the subject itself away (its list section, its entry's id), a DATA-004 about that rule naming the removed
 *       fact, for any subject; so does a DATA-004 about that rule, for the tenant, naming a removed section (a key
 *       outside any list: {@code users}, {@code dynamics.users}, {@code tenant.userConsent});</li>
 *   <li>a DATA-004 about that rule naming the removed fact for the tenant (a fact no entity of the snapshot gives is
 *       reported once, for the tenant, not once per entity);</li>
 *   <li>a DATA-004 about that rule naming the removed fact for the entity that lost it (the deployment whose
 *       {@code by} is gone, when the finding was about the deploying admin it named);</li>
 *   <li>when the removal changed the subject's id (e.g. {@code tenant.id}), the rule's finding for any subject;</li>
 *   <li>the input is refused (an input error: exit 2);</li>
 *   <li>the fixture case lists the key under {@code mutationExempt} with the reason its removal is the fix.</li>
 * </ul>
 */
class MutationTest {
    private static final Pattern ID_CHAR = Pattern.compile("[A-Za-z0-9_\\[]");

    record Mutation(RuleFixture fixture, RuleFixture.Case c, KeyRemoval.Key key) {
    }

    @Test
    void removingAnyFactNeverSilencesAFinding() {
        Engine engine = new Engine(TestSupport.bundledRules());
        List<Mutation> mutations = new ArrayList<>();
        Set<String> exemptUsed = new HashSet<>();
        List<String> unusedExempt = new ArrayList<>();
        for (RuleFixture fx : RuleFixtureTest.all()) {
            for (RuleFixture.Case c : fx.cases()) {
                if (firing(fx, c).isEmpty()) {
                    assertTrue(c.mutationExempt().isEmpty(), fx.file() + ":" + c.line() + ": mutationExempt on a case that does not fire");
                    continue;
                }
                for (KeyRemoval.Key k : KeyRemoval.keys(c.snapshot())) mutations.add(new Mutation(fx, c, k));
            }
        }
        ThreadLocal<SnapshotLoader> loaders = ThreadLocal.withInitial(SnapshotLoader::new);
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger exempt = new AtomicInteger();
        List<String> failures = mutations.parallelStream()
                .map(m -> judge(m, engine, loaders.get(), refused, exempt))
                .filter(s -> s != null).sorted().toList();
        for (RuleFixture fx : RuleFixtureTest.all()) {
            for (RuleFixture.Case c : fx.cases()) {
                for (String path : c.mutationExempt().keySet()) {
                    boolean exists = KeyRemoval.keys(c.snapshot()).stream().anyMatch(k -> k.fact().equals(path) || k.path().equals(path));
                    if (!exists) unusedExempt.add(fx.file() + ":" + c.line() + ": mutationExempt '" + path + "' is no key of the snapshot");
                }
            }
        }
        System.out.println("MutationTest: " + mutations.size() + " mutations checked (" + refused.get()
                + " refused as input errors, " + exempt.get() + " exempt by their fixture)");
        assertEquals(List.of(), unusedExempt);
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + mutations.size() + " mutations silenced a finding:\n" + String.join("\n", failures));
        }
    }

    /** The expected findings of the case's own rule (DATA-004 expectations of other fixtures are not firings). */
    static List<RuleFixture.Expected> firing(RuleFixture fx, RuleFixture.Case c) {
        return c.expect().stream().filter(e -> e.ruleId().equals(fx.rule())).toList();
    }

    /** Null when the mutation is accounted for, else what went silent. */
    static String judge(Mutation m, Engine engine, SnapshotLoader loader, AtomicInteger refused, AtomicInteger exempt) {
        RuleFixture fx = m.fixture();
        RuleFixture.Case c = m.c();
        KeyRemoval.Key key = m.key();
        if (c.mutationExempt().containsKey(key.fact()) || c.mutationExempt().containsKey(key.path())) {
            exempt.incrementAndGet();
            return null;
        }
        YNode mutated = KeyRemoval.without(c.snapshot(), key);
        Snapshot snapshot;
        try {
            snapshot = FixtureRunner.planned(loader.load(mutated, fx.file()), c);
        } catch (InputException | IllegalArgumentException e) {
            refused.incrementAndGet();
            return null;
        }
        List<Finding> findings = engine.run(snapshot).findings();
        Set<String> ids = ids(mutated);
        Set<String> values = values(mutated);
        List<String> silent = new ArrayList<>();
        for (RuleFixture.Expected e : firing(fx, c)) {
            // The subject itself was removed (its section, or its entry's id) and nothing left refers to it.
            if (!values.contains(e.subject()) && !isTenant(e, c)) continue;
            if (!accounted(e, key, owner(c.snapshot(), key), findings, ids)
                    && !(c.plan() != null && unboundPlanStepReported(c, findings))) silent.add(e.ruleId() + " " + e.subject());
        }
        if (silent.isEmpty()) return null;
        return "  " + fx.file() + ":" + c.line() + " '" + c.name() + "' without " + key.path() + ": " + String.join(", ", silent)
                + " gone; DATA-004 seen: " + findings.stream().filter(f -> Findings.MISSING_DATA.equals(f.ruleId()))
                .map(f -> f.about() + "/" + f.subjectId() + " " + f.evidence()).toList();
    }

    /**
     * A plan case whose removal leaves a plan step unbound (the app, the admin or a member it names is no longer in the
     * snapshot): the check must say so at the step, as PLAN-001 (not checked), CDP-004 (a member in no user or group)
     * or a DATA-004 located in the plan file; the rule's finding cannot survive, since the step no longer means anything.
     */
    static boolean unboundPlanStepReported(RuleFixture.Case c, List<Finding> findings) {
        String planFile = RuleFixtures.text(((YNode.YMap) c.plan()).get("file"));
        for (Finding f : findings) {
            boolean atPlan = f.location() != null && planFile != null && planFile.equals(f.location().file());
            if (atPlan && ("PLAN-001".equals(f.ruleId()) || "CDP-004".equals(f.ruleId()) || Findings.MISSING_DATA.equals(f.ruleId()))) {
                return true;
            }
        }
        return false;
    }

    static boolean accounted(RuleFixture.Expected e, KeyRemoval.Key key, String owner, List<Finding> findings, Set<String> ids) {
        String rule = e.ruleId();
        String tenant = "tenant";
        boolean subjectGone = !ids.contains(e.subject());
        boolean section = !key.fact().contains("[]");
        for (Finding f : findings) {
            boolean sameSubject = e.subject().equals(f.subjectId());
            if ((sameSubject || subjectGone) && f.ruleId().equals(rule)) return true;
            if (sameSubject && Findings.MISSING_DATA.equals(rule) && Findings.MISSING_DATA.equals(f.ruleId())) return true;
            if (Findings.MISSING_DATA.equals(f.ruleId()) && (rule.equals(f.about()) || Findings.MISSING_DATA.equals(rule))
                    && (sameSubject || subjectGone || section || f.subjectId().equals(owner) || tenant.equals(f.subjectKind()))
                    && names(f, key.fact())) {
                return true;
            }
        }
        return false;
    }

    /** The DATA-004 names {@code fact}, or a fact inside it ({@code users[].mailbox.oauth} names {@code users[].mailbox}). */
    static boolean names(Finding f, String fact) {
        for (String ev : f.evidence()) {
            if (!ev.startsWith("missing: ")) continue;
            String named = ev.substring("missing: ".length());
            int at = named.indexOf(fact);
            while (at >= 0) {
                int end = at + fact.length();
                boolean startOk = at == 0 || !ID_CHAR.matcher(String.valueOf(named.charAt(at - 1))).matches()
                        || named.charAt(at - 1) == '.';
                boolean endOk = end == named.length() || !Character.isLetterOrDigit(named.charAt(end));
                if (startOk && endOk) return true;
                at = named.indexOf(fact, at + 1);
            }
        }
        return false;
    }

    /** The id of the entity the removed key belonged to: the nearest mapping on its path with an id, or null. */
    static String owner(YNode root, KeyRemoval.Key key) {
        String id = null;
        YNode node = root;
        List<Integer> steps = key.steps();
        for (int i = 0; i < steps.size() - 1; i++) {
            if (node instanceof YNode.YMap m) {
                node = m.entries().get(steps.get(i)).value();
            } else if (node instanceof YNode.YList l) {
                node = l.items().get(steps.get(i));
            }
            if (node instanceof YNode.YMap m && m.get("id") instanceof YNode.YScalar s && s.text() != null) id = s.text();
        }
        return id;
    }

    /** Findings about the tenant have a subject even when the tenant section is gone (it is then unnamed). */
    private static boolean isTenant(RuleFixture.Expected e, RuleFixture.Case c) {
        return c.snapshot() instanceof YNode.YMap m && m.get("tenant") instanceof YNode.YMap t
                && t.get("id") instanceof YNode.YScalar id && e.subject().equals(id.text());
    }

    /** Every scalar value in the tree: ids and the references to them. */
    private static Set<String> values(YNode node) {
        Set<String> out = new HashSet<>();
        collectValues(node, out);
        return out;
    }

    private static void collectValues(YNode node, Set<String> out) {
        if (node instanceof YNode.YMap m) {
            for (YNode.Entry e : m.entries()) collectValues(e.value(), out);
        } else if (node instanceof YNode.YList l) {
            for (YNode i : l.items()) collectValues(i, out);
        } else if (node instanceof YNode.YScalar s && s.text() != null) {
            out.add(s.text());
        }
    }

    /** Every id: value in the tree (to tell whether a removal took a finding's subject away). */
    private static Set<String> ids(YNode node) {
        Set<String> out = new HashSet<>();
        collectIds(node, out);
        return out;
    }

    private static void collectIds(YNode node, Set<String> out) {
        if (node instanceof YNode.YMap m) {
            for (YNode.Entry e : m.entries()) {
                if (e.key().equals("id") && e.value() instanceof YNode.YScalar s && s.text() != null) out.add(s.text());
                collectIds(e.value(), out);
            }
        } else if (node instanceof YNode.YList l) {
            for (YNode i : l.items()) collectIds(i, out);
        }
    }
}
