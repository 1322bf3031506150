package dev.preflight.policy;

import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.Problem;
import dev.preflight.snapshot.YNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A waiver file:
 * <pre>
 * waivers:
 *   - rule: GRP-001
 *     subject: sales-dept            # exact id, or a glob (*, ?); "kind/id" to match the kind too
 *     justification: Bert and Fred get the add-in through the APAC pilot instead
 *     owner: gina@fabrikam.com
 *     expires: 2027-01-31
 * </pre>
 */
public final class Waivers {
    static final Set<String> TOP = Set.of("waivers");
    static final Set<String> KEYS = Set.of("rule", "subject", "justification", "owner", "expires");

    private Waivers() {
    }

    public static List<Waiver> read(Path file) throws InputException {
        return read(file, false);
    }

    /**
     * Reads a waiver file; with {@code requireExpiry} (--require-waiver-expiry) a waiver without {@code expires}
     * is an error. Rule ids are checked against the loaded rules later, by {@link Policy#check}.
     */
    public static List<Waiver> read(Path file, boolean requireExpiry) throws InputException {
        YNode root = YamlFiles.read(file);
        List<Problem> problems = new ArrayList<>();
        List<Waiver> out = new ArrayList<>();
        if (!(root instanceof YNode.YMap top)) throw new InputException(new Problem(root.location(), "expected a mapping with 'waivers:'"));
        YamlFiles.keys(top, TOP, "", problems);
        YNode list = top.get("waivers");
        if (!(list instanceof YNode.YList items)) {
            problems.add(new Problem(top.location(), "missing 'waivers:' list"));
            throw new InputException(problems);
        }
        int i = 0;
        for (YNode item : items.items()) {
            String where = "waivers[" + (i++) + "]: ";
            if (!(item instanceof YNode.YMap m)) {
                problems.add(new Problem(item.location(), where + "expected a mapping with rule, subject, justification"));
                continue;
            }
            YamlFiles.keys(m, KEYS, where, problems);
            String rule = YamlFiles.text(m.get("rule"));
            String subject = YamlFiles.text(m.get("subject"));
            String justification = YamlFiles.text(m.get("justification"));
            if (rule == null) problems.add(new Problem(m.location(), where + "missing required key 'rule'"));
            if (subject == null || subject.isBlank()) problems.add(new Problem(m.location(), where + "missing required key 'subject'"));
            if (justification == null || justification.isBlank()) {
                problems.add(new Problem(m.location(), where + "missing required key 'justification': say why the finding is accepted"));
            }
            var expires = YamlFiles.date(m.get("expires"), "expires", problems);
            if (requireExpiry && m.get("expires") == null) {
                problems.add(new Problem(m.location(), where + "missing key 'expires' (YYYY-MM-DD): --require-waiver-expiry is set"));
            }
            out.add(new Waiver(rule, subject, justification, YamlFiles.text(m.get("owner")), expires, m.location(),
                    m.get("rule") == null ? m.location() : m.get("rule").location()));
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        return List.copyOf(out);
    }
}
