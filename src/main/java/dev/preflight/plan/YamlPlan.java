package dev.preflight.plan;

import dev.preflight.model.Location;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.Problem;
import dev.preflight.snapshot.YNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The YAML form of a plan (docs/plans.md): {@code as} (who runs it) and {@code operations}, each either a cmdlet with
 * its parameters as in PowerShell ({@code cmdlet}, {@code parameters}) or an admin-center action ({@code action:
 * deploy | assign | remove | turn-on | turn-off}, {@code app}, {@code assignment}, {@code members}, {@code remove}).
 */
public final class YamlPlan {
    private static final Set<String> TOP = Set.of("schemaVersion", "as", "operations");
    private static final Set<String> STEP = Set.of("cmdlet", "parameters", "action", "app", "assignment", "members", "remove");
    private static final Set<String> ACTIONS = Set.of("deploy", "assign", "remove", "turn-on", "turn-off");

    private YamlPlan() {
    }

    public static Plan read(String file, YNode root) throws InputException {
        List<Problem> problems = new ArrayList<>();
        if (!(root instanceof YNode.YMap top)) throw new InputException(new Problem(root.location(), "a plan is a mapping with 'operations:'"));
        unknownKeys(top, TOP, problems);
        String as = text(top.get("as"));
        List<PlanStep> steps = new ArrayList<>();
        if (!(top.get("operations") instanceof YNode.YList ops)) {
            throw new InputException(new Problem(top.location(), "a plan needs 'operations:' (a list)"));
        }
        for (YNode item : ops.items()) {
            if (!(item instanceof YNode.YMap m)) {
                problems.add(new Problem(item.location(), "an operation is a mapping"));
                continue;
            }
            unknownKeys(m, STEP, problems);
            String cmdlet = text(m.get("cmdlet"));
            String action = text(m.get("action"));
            Map<String, Object> params = new LinkedHashMap<>();
            Map<String, List<Location>> locations = new LinkedHashMap<>();
            if (cmdlet != null) {
                String canonical = PowerShellPlan.CMDLETS.stream().filter(c -> c.equalsIgnoreCase(cmdlet)).findFirst().orElse(null);
                if (canonical == null) {
                    problems.add(new Problem(m.get("cmdlet").location(), "cmdlet '" + cmdlet + "' is not one of "
                            + String.join(", ", PowerShellPlan.CMDLETS)));
                    continue;
                }
                if (action != null) problems.add(new Problem(m.get("action").location(), "give either cmdlet or action, not both"));
                if (m.get("parameters") instanceof YNode.YMap p) {
                    for (YNode.Entry e : p.entries()) {
                        String name = PowerShellPlan.PARAMETERS.stream().filter(x -> x.equalsIgnoreCase(e.key())).findFirst().orElse(null);
                        if (name == null) {
                            problems.add(new Problem(e.keyLocation(), "parameter '" + e.key() + "' is not one of "
                                    + String.join(", ", PowerShellPlan.PARAMETERS)));
                            continue;
                        }
                        value(e.value(), name, params, locations);
                    }
                }
                steps.add(new PlanStep(canonical, null, null, null, params, locations, m.location()));
            } else if (action != null) {
                if (!ACTIONS.contains(action)) {
                    problems.add(new Problem(m.get("action").location(), "action '" + action + "' is not one of deploy, assign, remove, turn-on, turn-off"));
                    continue;
                }
                String app = text(m.get("app"));
                if (app == null) {
                    problems.add(new Problem(m.location(), "an admin-center action needs 'app:' (the app's id)"));
                    continue;
                }
                if (m.get("members") != null) value(m.get("members"), "Members", params, locations);
                if (m.get("remove") != null) value(m.get("remove"), "RemoveMembers", params, locations);
                steps.add(new PlanStep(null, action, app, text(m.get("assignment")), params, locations, m.location()));
            } else {
                problems.add(new Problem(m.location(), "an operation needs 'cmdlet:' or 'action:'"));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(null);
            throw new InputException(problems);
        }
        return new Plan(file, List.copyOf(steps), List.of(), as);
    }

    private static void value(YNode n, String name, Map<String, Object> params, Map<String, List<Location>> locations) {
        if (n instanceof YNode.YList l) {
            List<String> values = new ArrayList<>();
            List<Location> locs = new ArrayList<>();
            for (YNode i : l.items()) {
                values.add(text(i));
                locs.add(i.location());
            }
            params.put(name, List.copyOf(values));
            locations.put(name, List.copyOf(locs));
        } else if (n instanceof YNode.YScalar s) {
            params.put(name, s.value() instanceof Boolean b ? b : s.text());
            locations.put(name, List.of(s.location()));
        }
    }

    private static void unknownKeys(YNode.YMap m, Set<String> known, List<Problem> problems) {
        for (YNode.Entry e : m.entries()) {
            if (!known.contains(e.key())) {
                problems.add(new Problem(e.keyLocation(), "unknown key '" + e.key() + "'; expected one of " + String.join(", ", known.stream().sorted().toList())));
            }
        }
    }

    private static String text(YNode n) {
        return n instanceof YNode.YScalar s ? s.text() : null;
    }
}
