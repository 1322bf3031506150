package dev.preflight.plan;

import dev.preflight.model.App;
import dev.preflight.model.CmdletParameters;
import dev.preflight.model.Deployment;
import dev.preflight.model.Group;
import dev.preflight.model.IntegrityIssue;
import dev.preflight.model.Location;
import dev.preflight.model.Member;
import dev.preflight.model.Operation;
import dev.preflight.model.Snapshot;
import dev.preflight.model.User;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A plan bound to a snapshot: its steps become planned {@link Operation}s (run by the admin of {@code --as}), and the
 * snapshot's deployments become the state after the plan. Each step that changes who gets an app gives a deployment
 * of that app, run by the admin and located at the step, that carries the app's whole assignment after it (so the
 * deployment rules and the audience in dev.preflight.assign judge the planned state, computed once like any other
 * deployment) and replaces the app's earlier deployments; turning an app off or removing it takes its deployments out.
 * What cannot be bound (an app the snapshot lacks, members the snapshot does not list) is a PLAN-001 notice.
 */
public final class PlanBinding {
    public static final String RULE = "PLAN-001";

    /** One bound step: its operation, and the deployments of its app once it (and every step before it) ran. */
    public record Bound(PlanStep step, Operation operation, List<Deployment> appDeployments) {
    }

    /** The snapshot as if the plan ran, and the bound steps in plan order. */
    public record Result(Snapshot snapshot, List<Bound> steps) {
    }

    private final Snapshot snapshot;
    private final Map<String, String> userByAddress = new HashMap<>();
    private final Map<String, String> groupByAddress = new HashMap<>();
    private final List<IntegrityIssue> notices = new ArrayList<>();

    private PlanBinding(Snapshot snapshot) {
        this.snapshot = snapshot;
        for (User u : snapshot.users()) {
            userByAddress.put(u.id().toLowerCase(Locale.ROOT), u.id());
            if (u.upn() != null) userByAddress.put(u.upn().toLowerCase(Locale.ROOT), u.id());
            if (u.mail() != null) userByAddress.putIfAbsent(u.mail().toLowerCase(Locale.ROOT), u.id());
        }
        for (Group g : snapshot.groups()) {
            groupByAddress.put(g.id().toLowerCase(Locale.ROOT), g.id());
            if (g.mail() != null) groupByAddress.put(g.mail().toLowerCase(Locale.ROOT), g.id());
        }
    }

    /** The user id {@code address} (id, userPrincipalName or mail) names, or null. */
    public static String user(Snapshot snapshot, String address) {
        return new PlanBinding(snapshot).userByAddress.get(address.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Binds {@code plan} to {@code snapshot}; {@code adminId} (a user id, or null when unknown) runs it.
     */
    public static Result bind(Snapshot snapshot, Plan plan, String adminId) {
        return new PlanBinding(snapshot).run(plan, adminId);
    }

    private Result run(Plan plan, String adminId) {
        for (PlanGap g : plan.gaps()) notice(g.location(), g.text(), g.reason());
        List<Deployment> state = new ArrayList<>(snapshot.deployments());
        Map<String, List<Deployment>> turnedOff = new HashMap<>();
        List<Operation> operations = new ArrayList<>();
        List<Bound> bound = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (PlanStep step : plan.steps()) {
            String id = fileName(plan.file()) + ":" + step.location().line();
            if (!ids.add(id)) {
                id = id + ":" + step.location().column();
                ids.add(id);
            }
            CmdletParameters p = parameters(step);
            String action = action(step, p);
            String appId = app(step, p);
            Operation op = new Operation(id, action, step.cmdlet() != null ? "powershell" : "admin-center", appId, adminId,
                    null, step.cmdlet(), p, null, step.location());
            operations.add(op);
            if (appId != null) apply(state, turnedOff, op, step, adminId);
            List<Deployment> mine = appId == null ? List.of() : state.stream().filter(d -> appId.equals(d.appId())).toList();
            bound.add(new Bound(step, op, mine));
        }
        List<Operation> ops = new ArrayList<>(snapshot.operations());
        ops.addAll(operations);
        List<IntegrityIssue> issues = new ArrayList<>(snapshot.integrityIssues());
        issues.addAll(notices);
        Snapshot s = snapshot;
        Snapshot planned = s.withChanges(List.copyOf(state), List.copyOf(ops), List.copyOf(issues));
        return new Result(planned, List.copyOf(bound));
    }

    private void apply(List<Deployment> state, Map<String, List<Deployment>> turnedOff, Operation op, PlanStep step, String adminId) {
        String appId = op.appId();
        List<Deployment> current = state.stream().filter(d -> appId.equals(d.appId())).toList();
        CmdletParameters p = op.parameters();
        switch (op.action()) {
            case "remove" -> state.removeAll(current);
            case "turn-off" -> {
                state.removeAll(current);
                turnedOff.computeIfAbsent(appId, k -> new ArrayList<>()).addAll(current);
            }
            case "turn-on" -> {
                List<Deployment> back = turnedOff.remove(appId);
                if (back != null) state.addAll(back);
            }
            case "deploy", "assign" -> {
                boolean fresh = "New-OrganizationAddIn".equals(op.cmdlet()) || ("deploy".equals(op.action()) && op.cmdlet() == null);
                List<Member> targets = fresh ? new ArrayList<>() : kept(current, op);
                String assignment = fresh ? "specific" : current.stream().anyMatch(Deployment::everyone) ? "everyone" : "specific";
                if (step.assignment() != null) assignment = step.assignment();
                List<Member> named = members(p.members(), p.memberLocations(), op.location());
                boolean removing = Boolean.TRUE.equals(p.remove());
                if (targets != null) {
                    if (removing) {
                        Set<String> gone = new HashSet<>();
                        for (Member m : named) gone.add(m.kind() + "|" + m.ref());
                        targets.removeIf(m -> gone.contains(m.kind() + "|" + m.ref()));
                    } else {
                        Set<String> have = new HashSet<>();
                        for (Member m : targets) have.add(m.kind() + "|" + m.ref());
                        for (Member m : named) if (have.add(m.kind() + "|" + m.ref())) targets.add(m);
                    }
                    List<String> removed = listParam(step.parameters().get("RemoveMembers"));
                    if (!removed.isEmpty()) {
                        Set<String> gone = new HashSet<>();
                        for (Member m : members(removed, step.locations().get("RemoveMembers"), op.location())) gone.add(m.kind() + "|" + m.ref());
                        targets.removeIf(m -> gone.contains(m.kind() + "|" + m.ref()));
                    }
                }
                if (p.assignToEveryone() != null) assignment = p.assignToEveryone() ? "everyone" : "specific";
                state.removeAll(current);
                state.add(new Deployment(op.id(), appId, "planned", adminId, null, assignment, null,
                        targets == null ? null : List.copyOf(targets), op.location()));
            }
            default -> {
            }
        }
    }

    /** The targets the app keeps from its current deployments; null (unknown) when one of them does not list them. */
    private List<Member> kept(List<Deployment> current, Operation op) {
        List<Member> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Deployment d : current) {
            if (d.targets() == null) {
                if (!d.everyone()) {
                    notice(op.location(), op.id(), "deployment '" + d.id() + "' of app '" + op.appId() + "' does not list its targets:"
                            + " only the members this plan names are checked, not the ones it keeps");
                    return new ArrayList<>();
                }
                continue;
            }
            for (Member m : d.targets()) if (seen.add(m.kind() + "|" + m.ref())) out.add(m);
        }
        if (current.stream().anyMatch(d -> d.everyone() && d.targets() == null)
                && Boolean.FALSE.equals(op.parameters().assignToEveryone())) {
            // Reverting from Everyone to the kept list: the snapshot does not give that list.
            return null;
        }
        return out;
    }

    private List<Member> members(List<String> addresses, List<Location> locations, Location fallback) {
        List<Member> out = new ArrayList<>();
        if (addresses == null) return out;
        for (int i = 0; i < addresses.size(); i++) {
            String a = addresses.get(i);
            if (a == null) continue;
            Location at = locations != null && i < locations.size() ? locations.get(i) : fallback;
            String key = a.strip().toLowerCase(Locale.ROOT);
            String u = userByAddress.get(key);
            String g = groupByAddress.get(key);
            if (u != null) out.add(new Member("user", u, true, at));
            else if (g != null) out.add(new Member("group", g, true, at));
            else out.add(new Member("user", a, false, at)); // CDP-004 reports it
        }
        return out;
    }

    private String app(PlanStep step, CmdletParameters p) {
        if (step.app() != null) {
            for (App a : snapshot.apps()) if (a.id().equals(step.app())) return a.id();
            notice(step.location(), step.app(), "no app of the snapshot has the id '" + step.app() + "': what this operation deploys is not checked");
            return null;
        }
        if (p.productId() != null) {
            for (App a : snapshot.apps()) if (p.productId().equalsIgnoreCase(a.productId())) return a.id();
            notice(step.location(), step.cmdlet(), "no app of the snapshot has ProductId " + p.productId()
                    + ": what this operation deploys is not checked");
            return null;
        }
        if (p.assetId() != null) {
            for (App a : snapshot.apps()) if (p.assetId().equalsIgnoreCase(a.assetId())) return a.id();
            notice(step.location(), step.cmdlet(), "no app of the snapshot has AssetId " + p.assetId()
                    + ": what this operation deploys is not checked");
            return null;
        }
        if (p.manifestPath() != null) {
            notice(step.location(), step.cmdlet(), "the add-in uploaded from " + p.manifestPath()
                    + " is known to the snapshot by no ProductId: what this operation deploys is not checked");
        }
        return null;
    }

    private static String action(PlanStep step, CmdletParameters p) {
        if (step.cmdlet() == null) return step.action();
        return switch (step.cmdlet()) {
            case "New-OrganizationAddIn" -> "deploy";
            case "Set-OrganizationAddIn" -> p.enabled() == null ? "update" : p.enabled() ? "turn-on" : "turn-off";
            case "Set-OrganizationAddInAssignments" -> "assign";
            default -> "remove";
        };
    }

    private static CmdletParameters parameters(PlanStep step) {
        Map<String, Object> v = step.parameters();
        Set<String> given = new LinkedHashSet<>(v.keySet());
        given.remove("RemoveMembers");
        List<String> members = v.containsKey("Members") ? listParam(v.get("Members")) : null;
        List<Location> memberLocations = step.locations().get("Members");
        return new CmdletParameters(str(v.get("ProductId")), str(v.get("AssetId")), str(v.get("ManifestPath")),
                str(v.get("Locale")), str(v.get("ContentMarket")), members, bool(v.get("Add")), bool(v.get("Remove")),
                bool(v.get("AssignToEveryone")), bool(v.get("Enabled")), Set.copyOf(given),
                memberLocations == null ? null : List.copyOf(memberLocations));
    }

    private static List<String> listParam(Object o) {
        if (o == null) return List.of();
        if (o instanceof List<?> l) return l.stream().map(String::valueOf).toList();
        return List.of(String.valueOf(o));
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static Boolean bool(Object o) {
        if (o instanceof Boolean b) return b;
        if (o instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("$true"))) return true;
        if (o instanceof String s && (s.equalsIgnoreCase("false") || s.equalsIgnoreCase("$false"))) return false;
        return null;
    }

    private void notice(Location at, String text, String reason) {
        String id = fileName(at.file()) + ":" + at.line();
        notices.add(new IntegrityIssue(RULE, "plan", id, Character.toUpperCase(reason.charAt(0)) + reason.substring(1),
                List.of("line " + at.line() + ": " + text), at));
    }

    private static String fileName(String file) {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return file.substring(slash + 1);
    }
}
