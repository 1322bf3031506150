package dev.preflight.engine;

import dev.preflight.assign.AssignedUser;
import dev.preflight.assign.Assignments;
import dev.preflight.model.App;
import dev.preflight.model.Deployment;
import dev.preflight.model.Offer;
import dev.preflight.model.Operation;
import dev.preflight.model.Snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The one place that decides "unknown" for the facts rules declare with {@code @needs("...")}: after the rules have
 * fired, it turns absent facts into DATA-004 (could not verify) for the rule that needs them, naming the fact.
 *
 * <ul>
 *   <li><b>Absent sections.</b> A rule that needs a fact of a list section the snapshot does not give at all
 *   ({@code users}, {@code admins}, {@code dynamics.users}, ...) cannot decide anything that rests on it: one DATA-004
 *   about the rule, for the tenant, names the section, when the snapshot gives the rule something to check (see
 *   {@link #absentSections}).</li>
 *   <li><b>Facts a rule reads pessimistically.</b> For the facts in {@link #SUBJECT_FACTS} (e.g. {@code apps[].kind}),
 *   rules read an absent value as "may be the one that fails" (an app of unknown kind may be an add-in), so the rule
 *   fires; a finding whose verdict rests on such an absent fact is replaced here by DATA-004 for the same rule,
 *   subject and context, naming the fact. A finding whose facts are all given stands.</li>
 * </ul>
 */
public final class Unknowns {

    /** What an absent section would have told, for the DATA-004 message; sections not listed are named as they are. */
    static final Map<String, String> SECTION_TEXT = Map.of(
            "admins", "admins (the roles of those who deploy and change apps)",
            "users", "users (who the deployments reach and what they have)",
            "groups", "groups (who the assigned groups reach)",
            "apps", "apps (what the deployed apps are)",
            "deployments", "deployments (who the apps are given to)",
            "dynamics", "dynamics (the Dynamics 365 environment)");

    /**
     * Facts read pessimistically, and how to tell for one finding whether it rests on the absent fact: the function
     * returns the fact as DATA-004 names it (with which app, deployment or group), or null when the finding's facts
     * are given. The facts that decide who a deployment reaches are judged from the assigned user ({@link
     * AssignedUser#unsure()}), set where assignments are classified.
     */
    static final Map<String, BiFunction<Finding, Index, String>> SUBJECT_FACTS = Map.of(
            "apps[].kind", Unknowns::kindUnknown,
            "deployments[].assignment", Unknowns::assignmentUnknown,
            "deployments[].targets", reach("deployments[].targets"),
            "deployments[].by", reach("deployments[].by"),
            "groups[].members", reach("groups[].members"),
            "dynamics.users[].appUser", Unknowns::appUseUnknown,
            "apps[].hosts", (f, ix) -> {
                AssignedUser au = "user".equals(f.subjectKind()) ? ix.assignments.assignedUser(f.subjectId()) : null;
                return au == null ? null : au.hostsUnsure();
            });

    /** The sections that hold what is planned: given as {@code []}, a rule that judges them has nothing to check. */
    static final List<String> PLAN = List.of("deployments", "operations");

    /** The id the loader gives the tenant when the snapshot has no tenant section. */
    private static final String TENANT_ABSENT = "(tenant)";

    private Unknowns() {
    }

    /** The findings with every one that rests on an absent fact replaced by its DATA-004, and the absent sections'. */
    static List<Finding> apply(List<Finding> findings, Snapshot s, Assignments a, Map<String, RuleMeta> catalog) {
        Index ix = null;
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            boolean gap = Findings.MISSING_DATA.equals(f.ruleId());
            RuleMeta m = catalog.get(gap ? f.about() : f.ruleId());
            if (m == null || m.needs().stream().noneMatch(SUBJECT_FACTS::containsKey)) {
                out.add(f);
                continue;
            }
            if (ix == null) ix = new Index(s, a);
            Finding judged = judged(f, m, ix);
            // A gap in what a user has, for a user a deployment only may reach: the reach is the gap that counts, and
            // it is reported where it is (the deployment's targets, the group's members), not once per user and rule.
            if (gap && judged != f && "user".equals(f.subjectKind())) continue;
            out.add(judged);
        }
        for (RuleMeta m : catalog.values()) out.addAll(absentSections(m, s));
        return out;
    }

    private static Finding judged(Finding f, RuleMeta m, Index ix) {
        for (String fact : m.needs()) {
            BiFunction<Finding, Index, String> absent = SUBJECT_FACTS.get(fact);
            if (absent == null) continue;
            String named = absent.apply(f, ix);
            if (named != null) {
                return new Finding(Findings.MISSING_DATA, m.id(), f.subjectKind(), f.subjectId(), f.subjectName(), f.context(),
                        m.id() + " could not be decided for " + f.subjectKind() + " '" + f.subjectName() + "'"
                                + (f.context() == null ? "" : " (" + f.context() + ")") + ": the snapshot does not give " + named,
                        List.of("missing: " + named), f.location());
            }
        }
        return f;
    }

    /**
     * DATA-004 for each section {@code m} needs that the snapshot does not give. A need written {@code deployments|operations}
     * is met by either. The first need names what the rule checks (its subjects, or the plan it judges): given as
     * {@code []}, there is nothing to check; absent, it is reported only when the second need has entries (deployments
     * without the users they reach), and alone; given with entries, every other absent need is reported.
     */
    static List<Finding> absentSections(RuleMeta m, Snapshot s) {
        if (m.needs().isEmpty()) return List.of();
        Set<String> needs = new LinkedHashSet<>();
        for (String fact : m.needs()) {
            if (SUBJECT_FACTS.containsKey(fact)) continue;
            List<String> alternatives = new ArrayList<>();
            for (String alt : fact.split("\\|")) alternatives.add(section(alt.strip()));
            needs.add(String.join("|", alternatives));
        }
        List<String> absent = new ArrayList<>();
        int i = 0;
        boolean firstAbsent = false;
        boolean secondEntries = false;
        for (String need : needs) {
            boolean met = false;
            boolean entries = false;
            boolean plan = true;
            for (String section : need.split("\\|")) {
                if (!s.absentLists().contains(section)) met = true;
                if (given(section, s)) entries = true;
                if (!PLAN.contains(section)) plan = false;
            }
            // Nothing planned ([] deployments, [] operations): nothing to check.
            if (plan && met && !entries) return List.of();
            if (i == 0) {
                // What the rule checks: given but empty, there is nothing to check; absent, it is unknown only when
                // the second need has entries (deployments that reach users nobody exported).
                if (met && !entries) return List.of();
                firstAbsent = !met;
                if (firstAbsent) absent.add(need);
            } else if (firstAbsent) {
                secondEntries = entries;
                break;
            } else if (!met) {
                absent.add(need);
            }
            i++;
        }
        if (absent.isEmpty() || (firstAbsent && !secondEntries)) return List.of();
        List<Finding> out = new ArrayList<>();
        for (String need : absent) {
            List<String> named = new ArrayList<>();
            for (String section : need.split("\\|")) named.add(SECTION_TEXT.getOrDefault(section, section));
            out.add(Findings.unknownFor(m.id(), s.tenant(), null, String.join(" or ", named)));
        }
        return out;
    }

    /** The section a fact is in: {@code users} for {@code users[].licenses}, {@code dynamics.users} for its users. */
    static String section(String fact) {
        int start = fact.startsWith("dynamics.") ? "dynamics.".length() : 0;
        int end = fact.length();
        for (int i = start; i < fact.length(); i++) {
            char c = fact.charAt(i);
            if (c == '[' || c == '.' || c == ' ') {
                end = i;
                break;
            }
        }
        return fact.substring(0, end);
    }

    /** Whether the snapshot gives the section with at least one entry (the rule has something to check). */
    private static boolean given(String section, Snapshot s) {
        return switch (section) {
            case "skus" -> !s.skus().isEmpty();
            case "users" -> !s.users().isEmpty();
            case "groups" -> !s.groups().isEmpty();
            case "admins" -> !s.admins().isEmpty();
            case "apps" -> !s.apps().isEmpty();
            case "offers" -> !s.offers().isEmpty();
            case "deployments" -> !s.deployments().isEmpty();
            case "operations" -> !s.operations().isEmpty();
            case "consentGrants" -> !s.consentGrants().isEmpty();
            case "dynamics" -> s.dynamics() != null;
            case "tenant" -> !TENANT_ABSENT.equals(s.tenant().id());
            case "dynamics.users" -> !s.dynamicsUsers().isEmpty();
            case "dynamics.roles" -> !s.securityRoles().isEmpty();
            case "dynamics.teams" -> !s.teams().isEmpty();
            default -> false;
        };
    }

    /**
     * {@code apps[].kind}: the app the finding is about, or the app of its deployment or operation, has no kind; for a
     * user, every add-in deployment that reaches them is of an app whose kind is absent.
     */
    private static String kindUnknown(Finding f, Index ix) {
        switch (f.subjectKind()) {
            case "app" -> {
                return unknownKind(ix.apps.get(f.subjectId()));
            }
            case "deployment" -> {
                Deployment d = ix.deployments.get(f.subjectId());
                return d == null ? null : unknownKind(ix.apps.get(d.appId()));
            }
            case "operation" -> {
                Operation op = ix.operations.get(f.subjectId());
                return op == null ? null : unknownKind(ix.apps.get(op.appId()));
            }
            case "offer" -> {
                Offer o = ix.offers.get(f.subjectId());
                if (o == null || o.appIds() == null) return null;
                String first = null;
                for (String id : o.appIds()) {
                    App app = ix.apps.get(id);
                    if (app == null) continue;
                    if (app.addIn()) return null;
                    if (first == null && app.appKind() == null) first = unknownKind(app);
                }
                return first;
            }
            default -> {
                if (f.context() != null && ix.deployments.containsKey(f.context())) {
                    Deployment d = ix.deployments.get(f.context());
                    return unknownKind(ix.apps.get(d.appId()));
                }
                return reach("apps[].kind").apply(f, ix);
            }
        }
    }

    private static String unknownKind(App app) {
        return app != null && app.appKind() == null ? "apps[].kind (app '" + app.name() + "' may be an add-in)" : null;
    }

    /** {@code dynamics.users[].appUser}: whether the Dynamics user (or every one linked to the tenant user) is meant to use the app. */
    private static String appUseUnknown(Finding f, Index ix) {
        String named = "dynamics.users[].appUser (whether the user is meant to use App for Outlook)";
        if ("dynamics-user".equals(f.subjectKind())) {
            var du = ix.dynamicsUsers.get(f.subjectId());
            return du != null && du.appUser() == null ? named : null;
        }
        if (!"user".equals(f.subjectKind())) return null;
        boolean any = false;
        for (var du : ix.dynamicsUsersByUser.getOrDefault(f.subjectId(), List.of())) {
            if (Boolean.TRUE.equals(du.appUser())) return null;
            if (du.appUser() == null) any = true;
        }
        return any ? named : null;
    }

    /** {@code deployments[].assignment}: the deployment's own, or (for a user) the one that may reach them. */
    private static String assignmentUnknown(Finding f, Index ix) {
        if ("deployment".equals(f.subjectKind())) {
            Deployment d = ix.deployments.get(f.subjectId());
            return d != null && d.assignment() == null ? "deployments[].assignment" : null;
        }
        return reach("deployments[].assignment").apply(f, ix);
    }

    /** For a user no deployment surely reaches: the absent fact that leaves it open, if it is {@code fact}. */
    private static BiFunction<Finding, Index, String> reach(String fact) {
        return (f, ix) -> {
            if (!"user".equals(f.subjectKind())) return null;
            AssignedUser au = ix.assignments.assignedUser(f.subjectId());
            return au != null && au.unsure() != null && au.unsure().startsWith(fact) ? au.unsure() : null;
        };
    }

    /** The snapshot's entities by id, made once per run for the look-ups above. */
    static final class Index {
        final Map<String, App> apps = new HashMap<>();
        final Map<String, Deployment> deployments = new HashMap<>();
        final Map<String, Operation> operations = new HashMap<>();
        final Map<String, Offer> offers = new HashMap<>();
        final Assignments assignments;
        final Map<String, dev.preflight.model.DynamicsUser> dynamicsUsers = new HashMap<>();
        /** The Dynamics users linked to each tenant user ({@code userId}), so no finding scans them all. */
        final Map<String, List<dev.preflight.model.DynamicsUser>> dynamicsUsersByUser = new HashMap<>();

        Index(Snapshot s, Assignments a) {
            for (App x : s.apps()) apps.putIfAbsent(x.id(), x);
            for (Deployment x : s.deployments()) deployments.putIfAbsent(x.id(), x);
            for (Operation x : s.operations()) operations.putIfAbsent(x.id(), x);
            for (Offer x : s.offers()) offers.putIfAbsent(x.id(), x);
            assignments = a;
            for (var x : s.dynamicsUsers()) dynamicsUsers.putIfAbsent(x.id(), x);
            for (var x : dynamicsUsers.values()) {
                if (x.userId() != null) dynamicsUsersByUser.computeIfAbsent(x.userId(), k -> new ArrayList<>()).add(x);
            }
        }
    }
}
