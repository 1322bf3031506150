package dev.preflight.assign;

import dev.preflight.licensing.Licensing;
import dev.preflight.model.App;
import dev.preflight.model.Deployment;
import dev.preflight.model.Group;
import dev.preflight.model.Member;
import dev.preflight.model.Snapshot;
import dev.preflight.model.User;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Effective assignment, computed once per snapshot and shared by every rule (classify first, judge second):
 * for each deployment who actually receives the app and who is left out and why; for each user reached by an
 * add-in, which deployments and hosts.
 *
 * <p>Direct user targets and the direct user members of assigned top-level, mail-enabled groups receive the
 * app. Members reached only through nested groups, members of a group that has a parent group, and members of
 * a security group that is not mail-enabled do not (seed 000, "User and group assignments").
 */
public final class Assignments {
    private final Map<String, Audience> audiences = new LinkedHashMap<>();
    private final List<AssignedUser> assignedUsers = new ArrayList<>();
    private final List<NestedOnly> nestedOnly = new ArrayList<>();
    private final List<MissingFact> missing = new ArrayList<>();
    private final GroupGraph graph;
    private final Map<String, User> users = new HashMap<>();
    /** The assigned users by user id (the first, when a user appears twice), for the look-ups after classifying. */
    private final Map<String, AssignedUser> assignedById = new HashMap<>();
    private final Licensing licensing;
    private final Map<String, List<NestedMember>> nestedMembers = new HashMap<>();
    private long steps;

    public Assignments(Snapshot snapshot) {
        this.graph = new GroupGraph(snapshot);
        for (User u : snapshot.users()) users.put(u.id(), u);
        Map<String, App> apps = new HashMap<>();
        for (App a : snapshot.apps()) apps.put(a.id(), a);
        List<String> activeUsers = snapshot.users().stream().filter(User::active).map(User::id).toList();

        // Everyone deployments reach every active user: kept once, not copied into each user's set.
        Set<String> everyoneDeployments = new TreeSet<>();
        Set<String> everyoneHosts = new TreeSet<>();
        Map<String, Set<String>> userDeployments = new HashMap<>();
        Map<String, Set<String>> userHosts = new HashMap<>();
        // Deployments that may reach users beyond those known: the absent fact, and the users (null: every active user).
        List<UnsureReach> unsure = new ArrayList<>();
        Map<String, String> hostless = new HashMap<>();
        for (Deployment d : snapshot.deployments()) {
            Audience audience = audience(d, activeUsers);
            audiences.put(d.id(), audience);
            App app = apps.get(d.appId());
            if (app == null || !app.mayBe("office-add-in")) continue;
            List<String> appHosts = app.hosts() == null ? List.of() : app.hosts();
            if (app.hosts() == null) hostless.put(d.id(), app.name());
            if (app.appKind() == null) {
                String fact = "apps[].kind (app '" + app.name() + "' of deployment '" + d.id() + "' may be an add-in)";
                unsure.add(new UnsureReach(d.id(), fact, appHosts, audience.everyone() ? null : Set.copyOf(audience.recipients())));
                if (audience.unknown().isEmpty()) continue;
            }
            if (!audience.unknown().isEmpty()) {
                String fact = reachFact(audience.unknown().get(0), d);
                unsure.add(new UnsureReach(d.id(), fact, appHosts, null));
                if (app.appKind() == null) continue;
            }
            if (audience.everyone()) {
                everyoneDeployments.add(d.id());
                if (app.hosts() != null) everyoneHosts.addAll(app.hosts());
                continue;
            }
            for (String u : audience.recipients()) {
                userDeployments.computeIfAbsent(u, k -> new TreeSet<>()).add(d.id());
                if (app.hosts() != null) userHosts.computeIfAbsent(u, k -> new TreeSet<>()).addAll(app.hosts());
            }
        }
        // A nested group whose members are not exported may close a cycle (DATA-003).
        for (Group g : snapshot.groups()) {
            if (g.members() == null && !graph.parents(g.id()).isEmpty()) missing.add(new MissingFact(g, "DATA-003", "groups[].members", null));
        }
        Licensing licensing = new Licensing(snapshot.skus());
        this.licensing = licensing;
        List<String> everyoneIds = List.copyOf(everyoneDeployments);
        List<String> everyoneHostList = List.copyOf(everyoneHosts);
        UnsureIndex unsureIndex = new UnsureIndex(unsure);
        for (User u : snapshot.users()) {
            Set<String> deps = userDeployments.get(u.id());
            boolean everyone = !everyoneIds.isEmpty() && u.active();
            if (deps == null && !everyone) {
                AssignedUser maybe = unsureUser(u, unsureIndex, licensing, hostless);
                if (maybe != null) assignedUsers.add(maybe);
                continue;
            }
            if (deps == null) {
                assignedUsers.add(assigned(u, everyoneIds, everyoneHostList, licensing, null, hostless));
                continue;
            }
            Set<String> hosts = new TreeSet<>(userHosts.getOrDefault(u.id(), Set.of()));
            if (everyone) {
                deps.addAll(everyoneIds);
                hosts.addAll(everyoneHostList);
            }
            assignedUsers.add(assigned(u, List.copyOf(deps), List.copyOf(hosts), licensing, null, hostless));
        }
        for (AssignedUser x : assignedUsers) assignedById.putIfAbsent(x.userId(), x);
    }

    /** The assigned user; when none of its add-ins names hosts and one leaves them out, every host, unsure. */
    private static AssignedUser assigned(User u, List<String> deps, List<String> hosts, Licensing licensing, String unsure,
                                         Map<String, String> hostless) {
        if (hosts.isEmpty()) {
            for (String d : deps) {
                String app = hostless.get(d);
                if (app != null) {
                    return AssignedUser.of(u.id(), deps, ALL_HOSTS, u, licensing.profile(u), unsure,
                            "apps[].hosts (of app '" + app + "')");
                }
            }
        }
        return AssignedUser.of(u.id(), deps, hosts, u, licensing.profile(u), unsure, null);
    }

    private static final List<String> ALL_HOSTS = List.of("excel", "outlook", "powerpoint", "word");

    /** The rules that read a deployment's targets: each reports DATA-004 when they are not exported. */
    private static final List<String> TARGET_RULES = List.of("GRP-001", "GRP-002", "GRP-003", "GRP-004", "GRP-005", "GRP-006", "GRP-007");

    /** A deployment that may reach {@code users} (null: any active user), unsure because {@code fact} is absent. */
    private record UnsureReach(String deploymentId, String fact, List<String> hosts, Set<String> users) {
    }

    /** How DATA-004 names the gap behind an audience's unknown ({@code groups[g].members} becomes groups[].members). */
    private String reachFact(String unknown, Deployment d) {
        if (unknown.startsWith("groups[")) {
            String gid = unknown.substring("groups[".length(), unknown.indexOf(']'));
            return "groups[].members (of group '" + graph.name(gid) + "', assigned in deployment '" + d.id() + "')";
        }
        return unknown + " (of deployment '" + d.id() + "')";
    }

    /**
     * The unsure reaches indexed once: those that may reach any active user, folded together, and for each user the
     * reaches naming it; a user's reaches are then merged in deployment order without scanning the others.
     */
    private static final class UnsureIndex {
        private final List<UnsureReach> all;
        private final List<Integer> anyone = new ArrayList<>();
        private final Map<String, List<Integer>> byUser = new HashMap<>();
        private final List<String> anyoneDeps;
        private final List<String> anyoneHosts;

        UnsureIndex(List<UnsureReach> unsure) {
            this.all = unsure;
            Set<String> deps = new TreeSet<>();
            Set<String> hosts = new TreeSet<>();
            for (int i = 0; i < unsure.size(); i++) {
                UnsureReach r = unsure.get(i);
                if (r.users() == null) {
                    anyone.add(i);
                    deps.add(r.deploymentId());
                    hosts.addAll(r.hosts());
                } else {
                    for (String u : r.users()) byUser.computeIfAbsent(u, k -> new ArrayList<>()).add(i);
                }
            }
            anyoneDeps = List.copyOf(deps);
            anyoneHosts = List.copyOf(hosts);
        }
    }

    /** A user no deployment surely reaches but one may: an assigned user naming the absent fact, or null. */
    private static AssignedUser unsureUser(User u, UnsureIndex index, Licensing licensing, Map<String, String> hostless) {
        if (!u.active()) return null;
        List<Integer> own = index.byUser.getOrDefault(u.id(), List.of());
        if (own.isEmpty()) {
            if (index.anyone.isEmpty()) return null;
            return assigned(u, index.anyoneDeps, index.anyoneHosts, licensing, index.all.get(index.anyone.get(0)).fact(), hostless);
        }
        Set<String> deps = new TreeSet<>(index.anyoneDeps);
        Set<String> hosts = new TreeSet<>(index.anyoneHosts);
        for (int i : own) {
            deps.add(index.all.get(i).deploymentId());
            hosts.addAll(index.all.get(i).hosts());
        }
        // The fact named is that of the first reach in deployment order, as the reaches were recorded.
        int first = index.anyone.isEmpty() ? own.get(0) : Math.min(own.get(0), index.anyone.get(0));
        return assigned(u, List.copyOf(deps), List.copyOf(hosts), licensing, index.all.get(first).fact(), hostless);
    }

    private Audience audience(Deployment d, List<String> activeUsers) {
        List<String> unknown = new ArrayList<>();
        if ("everyone".equals(d.assignment())) {
            return new Audience(d.id(), true, activeUsers, List.of(), List.of());
        }
        if ("just-me".equals(d.assignment())) {
            if (d.by() == null) {
                unknown.add("deployments[].by");
                missing.add(new MissingFact(d, "GRP-006", "deployments[].by (who 'Just me' is)", null));
            }
            List<String> me = d.by() != null && users.containsKey(d.by()) ? List.of(d.by()) : List.of();
            return new Audience(d.id(), false, me, List.of(), List.copyOf(unknown));
        }
        if (d.assignment() == null) unknown.add("deployments[].assignment");
        if (d.targets() == null) {
            String fact = d.assignment() == null ? "deployments[].assignment" : "deployments[].targets";
            // Every rule about what a deployment targets reads them.
            for (String rule : TARGET_RULES) missing.add(new MissingFact(d, rule, fact, null));
            return new Audience(d.id(), false, List.of(), List.of(), List.of(fact));
        }
        Set<String> recipients = new LinkedHashSet<>();
        Map<String, Exclusion> excluded = new LinkedHashMap<>();
        List<Group> assignedGroups = new ArrayList<>();
        for (Member t : d.targets()) {
            if (!t.resolved()) continue;
            if ("user".equals(t.kind())) {
                User u = users.get(t.ref());
                if (u.active()) {
                    recipients.add(u.id());
                } else {
                    excluded.putIfAbsent(u.id(), new Exclusion(u, "account " + u.accountState(), List.of(u.name()), INACTIVE));
                }
            } else if ("group".equals(t.kind())) {
                Group g = graph.group(t.ref());
                assignedGroups.add(g);
                if (graph.parentsUnknown(g.id())) {
                    missing.add(new MissingFact(g, "GRP-002", "groups[].memberOf (or groups[].members of every group that may contain it)", d.id()));
                }
                if (g.members() == null) {
                    unknown.add("groups[" + g.id() + "].members");
                    missing.add(new MissingFact(g, "GRP-001", "groups[].members", d.id()));
                    missing.add(new MissingFact(g, "GRP-007", "groups[].members", d.id()));
                    continue;
                }
                String blocked = blockedReason(g);
                String blockedRule = graph.parents(g.id()).isEmpty() ? "GRP-003" : "GRP-002";
                for (String uid : graph.directUsers(g.id())) {
                    User u = users.get(uid);
                    if (blocked != null) {
                        excluded.putIfAbsent(uid, new Exclusion(u, blocked, List.of(g.name(), u.name()), blockedRule));
                    } else if (!u.active()) {
                        excluded.putIfAbsent(uid, new Exclusion(u, "account " + u.accountState(), List.of(g.name(), u.name()), INACTIVE));
                    } else {
                        recipients.add(uid);
                    }
                }
            }
        }
        // Nested members: excluded unless reached directly by another target of the same deployment.
        for (Group g : assignedGroups) {
            if (g.members() == null) continue;
            List<String> unknownGroups = new ArrayList<>();
            List<String> userIds = new ArrayList<>();
            List<String> paths = new ArrayList<>();
            Set<String> nestedGroups = new TreeSet<>();
            // Each user appears once below a group (the walk keeps the first, shortest path), so no membership test
            // on the lists is needed; the recipients are a hash set.
            for (NestedMember n : nestedMembers(g.id(), unknownGroups)) {
                steps++;
                if (recipients.contains(n.exclusion().userId())) continue;
                nestedGroups.add(n.viaGroup());
                excluded.putIfAbsent(n.exclusion().userId(), n.exclusion());
                userIds.add(n.exclusion().userId());
                paths.add(n.pathText());
            }
            for (String ug : unknownGroups) {
                unknown.add("groups[" + ug + "].members");
                missing.add(new MissingFact(graph.group(ug), "GRP-001", "groups[].members", d.id()));
            }
            if (!userIds.isEmpty()) {
                nestedOnly.add(new NestedOnly(d.id(), g.id(), List.copyOf(userIds), List.copyOf(paths),
                        List.copyOf(nestedGroups), g.location()));
            }
        }
        excluded.keySet().removeAll(recipients);
        // Whether it reaches nobody (GRP-006) rests on what is unknown about its audience.
        if (recipients.isEmpty() && !unknown.isEmpty()) {
            missing.add(new MissingFact(d, "GRP-006", reachFact(unknown.get(0), d), null));
        } else if (!recipients.isEmpty() && recipients.stream().allMatch(id -> users.get(id).accountState() == null)) {
            missing.add(new MissingFact(d, "GRP-006", "users[].accountState (whether any assigned account is enabled)", null));
        }
        return new Audience(d.id(), false, List.copyOf(recipients), List.copyOf(excluded.values()), List.copyOf(unknown));
    }

    /** A user below an assigned group, reached only through nesting: its exclusion, path text and first nested group. */
    private record NestedMember(Exclusion exclusion, String pathText, String viaGroup) {
    }

    /**
     * The users below {@code groupId} through nesting, each with its exclusion and path ("Sales > West Coast Sales >
     * Bert"), worked out once per group and shared by every deployment that assigns the group.
     */
    private List<NestedMember> nestedMembers(String groupId, List<String> unknownGroups) {
        List<GroupGraph.NestedUser> below = graph.nestedUsers(groupId, unknownGroups);
        List<NestedMember> done = nestedMembers.get(groupId);
        if (done != null) return done;
        List<NestedMember> out = new ArrayList<>(below.size());
        Map<List<String>, List<String>> namesOf = new IdentityHashMap<>(); // paths are shared per group: one name list each
        for (GroupGraph.NestedUser n : below) {
            steps++;
            List<String> groupNames = namesOf.computeIfAbsent(n.groupPath(), p -> p.stream().map(graph::name).toList());
            User u = users.get(n.userId());
            List<String> path = new ArrayList<>(groupNames.size() + 1);
            path.addAll(groupNames);
            path.add(u.name());
            out.add(new NestedMember(new Exclusion(u, "nested group", List.copyOf(path), "GRP-001"), String.join(" > ", path), n.groupPath().get(1)));
        }
        List<NestedMember> shared = List.copyOf(out);
        nestedMembers.put(groupId, shared);
        return shared;
    }

    /** Work done classifying nested members (one step per member per assigned group), beside {@link GroupGraph#steps()}. */
    public long steps() {
        return steps;
    }

    /** The rule that reports an assigned account that is not active. */
    private static final String INACTIVE = "GRP-007";

    /** Why an assigned group's members do not receive the app (GRP-002 when it has a parent, else GRP-003), or null. */
    private String blockedReason(Group g) {
        List<String> parents = graph.parents(g.id());
        if (!parents.isEmpty()) return "group '" + g.name() + "' has a parent group '" + graph.name(parents.get(0)) + "'";
        if (g.nonMailEnabledSecurity()) return "group '" + g.name() + "' is a security group that is not mail-enabled";
        return null;
    }

    /** The user with id {@code id}, or null. */
    public User user(String id) {
        return users.get(id);
    }

    public GroupGraph graph() {
        return graph;
    }

    /** Audiences by deployment id, in snapshot order. */
    public Map<String, Audience> audiences() {
        return audiences;
    }

    public List<AssignedUser> assignedUsers() {
        return assignedUsers;
    }

    /** The assigned user with user id {@code userId}, or null. */
    public AssignedUser assignedUser(String userId) {
        return assignedById.get(userId);
    }

    /** The licenses of the snapshot's SKUs as the licensing table knows them (the one the users were judged by). */
    public Licensing licensing() {
        return licensing;
    }

    public List<NestedOnly> nestedOnly() {
        return nestedOnly;
    }

    public List<MissingFact> missing() {
        return missing;
    }
}
