package dev.preflight.policy;

import dev.preflight.engine.Severity;
import dev.preflight.model.Location;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.Problem;
import dev.preflight.snapshot.YNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings from {@code .preflight.yaml} (or {@code --config}):
 * <pre>
 * failOn: warning
 * rules:
 *   GRP-005: { threshold: 20, severity: warning }
 *   ROL-002: { enabled: false }
 * </pre>
 */
public record Config(Severity failOn, boolean failOnGiven, Map<String, RuleSetting> rules, String file,
                     Location failOnAt, boolean fromWorkingFolder) {

    /** Overrides for one rule, and where its entry is written. */
    public record RuleSetting(Boolean enabled, Severity severity, Integer threshold, Location location) {
    }

    public static final Config NONE = new Config(null, false, Map.of(), null, null, false);
    static final Set<String> TOP = Set.of("failOn", "rules");
    static final Set<String> RULE_KEYS = Set.of("enabled", "severity", "threshold");
    /** Reads a config file named on the command line. */
    public static Config read(Path file) throws InputException {
        return read(file, false);
    }

    /**
     * Reads a config file; {@code fromWorkingFolder} when it was picked up as {@code .preflight.yaml} without
     * {@code --config} (reports say so). Rule ids are checked against the loaded rules later, by
     * {@link Policy#check}.
     */
    public static Config read(Path file, boolean fromWorkingFolder) throws InputException {
        YNode root = YamlFiles.read(file);
        List<Problem> problems = new ArrayList<>();
        if (!(root instanceof YNode.YMap top)) throw new InputException(new Problem(root.location(), "expected a mapping"));
        YamlFiles.keys(top, TOP, "", problems);
        Severity failOn = null;
        boolean failOnGiven = top.get("failOn") != null;
        if (failOnGiven) {
            String t = YamlFiles.text(top.get("failOn"));
            failOn = Severity.parse(t);
            if (failOn == null && !"none".equals(t)) {
                problems.add(new Problem(top.get("failOn").location(), "failOn: '" + t + "' is not one of: error, warning, info, none"));
            }
        }
        Map<String, RuleSetting> rules = new LinkedHashMap<>();
        YNode rs = top.get("rules");
        if (rs != null && !(rs instanceof YNode.YMap)) problems.add(new Problem(rs.location(), "rules: expected a mapping of rule ids"));
        if (rs instanceof YNode.YMap map) {
            for (YNode.Entry e : map.entries()) {
                String where = "rules." + e.key() + ": ";
                if (!(e.value() instanceof YNode.YMap m)) {
                    problems.add(new Problem(e.value().location(), where + "expected a mapping (enabled, severity, threshold)"));
                    continue;
                }
                YamlFiles.keys(m, RULE_KEYS, where, problems);
                Boolean enabled = null;
                if (m.get("enabled") != null) {
                    if (m.get("enabled") instanceof YNode.YScalar s && s.value() instanceof Boolean b) enabled = b;
                    else problems.add(new Problem(m.get("enabled").location(), where + "enabled: expected true or false"));
                }
                Severity severity = null;
                if (m.get("severity") != null) {
                    severity = Severity.parse(YamlFiles.text(m.get("severity")));
                    if (severity == null) problems.add(new Problem(m.get("severity").location(), where + "severity: expected error, warning or info"));
                }
                Integer threshold = null;
                if (m.get("threshold") != null) {
                    if (m.get("threshold") instanceof YNode.YScalar s && s.value() instanceof Number n && n.intValue() > 0
                            && n.doubleValue() == n.intValue()) {
                        threshold = n.intValue();
                    } else {
                        problems.add(new Problem(m.get("threshold").location(), where + "threshold: expected a whole number above 0"));
                    }
                }
                rules.put(e.key(), new RuleSetting(enabled, severity, threshold, e.keyLocation()));
            }
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        return new Config(failOn, failOnGiven, Map.copyOf(rules), root.location().file(),
                failOnGiven ? top.get("failOn").location() : null, fromWorkingFolder);
    }

    /** The threshold set for a rule, or {@code fallback}. */
    public int threshold(String ruleId, int fallback) {
        RuleSetting s = rules.get(ruleId);
        return s != null && s.threshold() != null ? s.threshold() : fallback;
    }
}
