package dev.preflight.snapshot;

import dev.preflight.model.Admin;
import dev.preflight.model.App;
import dev.preflight.model.Deployment;
import dev.preflight.model.DynamicsTeam;
import dev.preflight.model.DynamicsUser;
import dev.preflight.model.Group;
import dev.preflight.model.IntegrityIssue;
import dev.preflight.model.Member;
import dev.preflight.model.Offer;
import dev.preflight.model.Operation;
import dev.preflight.model.SecurityRole;
import dev.preflight.model.User;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Resolves the references of all files once they are bound: users by id, userPrincipalName or mail; groups by
 * id or mail (aliases case-insensitive); everything else by id. A reference that resolves to nothing becomes a
 * DATA-001 issue at its place; references written as aliases are rewritten to ids so rules can join on them.
 */
final class Resolver {
    enum Index { USER, GROUP, APP, ROLE, TEAM, DYNAMICS_USER }

    private final Map<Index, Map<String, String>> ids = new EnumMap<>(Index.class);
    private final Map<String, String> userAliases = new HashMap<>();
    private final Map<String, String> groupAliases = new HashMap<>();

    Resolver(SnapshotParts p) {
        for (Index i : Index.values()) ids.put(i, new HashMap<>());
        for (User u : p.users) {
            ids.get(Index.USER).putIfAbsent(u.id(), u.id());
            alias(userAliases, u.upn(), u.id());
            alias(userAliases, u.mail(), u.id());
        }
        for (Group g : p.groups) {
            ids.get(Index.GROUP).putIfAbsent(g.id(), g.id());
            alias(groupAliases, g.mail(), g.id());
        }
        for (App a : p.apps) ids.get(Index.APP).putIfAbsent(a.id(), a.id());
        for (SecurityRole r : p.securityRoles) ids.get(Index.ROLE).putIfAbsent(r.id(), r.id());
        for (DynamicsTeam t : p.teams) ids.get(Index.TEAM).putIfAbsent(t.id(), t.id());
        for (DynamicsUser u : p.dynamicsUsers) ids.get(Index.DYNAMICS_USER).putIfAbsent(u.id(), u.id());
    }

    private static void alias(Map<String, String> map, String alias, String id) {
        if (alias != null) map.putIfAbsent(alias.toLowerCase(Locale.ROOT), id);
    }

    String lookup(Index index, String ref) {
        if (ref == null) return null;
        String id = ids.get(index).get(ref);
        if (id != null) return id;
        if (index == Index.USER) return userAliases.get(ref.toLowerCase(Locale.ROOT));
        if (index == Index.GROUP) return groupAliases.get(ref.toLowerCase(Locale.ROOT));
        return null;
    }

    /** Resolves every reference, records DATA-001 issues, and rewrites aliases to ids in the parts. */
    void resolve(SnapshotParts p, List<Binder.Reference> references, List<IntegrityIssue> issues) {
        boolean aliases = false;
        for (Binder.Reference r : references) {
            String id = lookup(r.index(), r.ref());
            if (id == null) {
                issues.add(new IntegrityIssue("DATA-001", r.ownerKind(), r.ownerId(), r.message(), List.of("reference: " + r.ref()), r.location()));
            } else if (!id.equals(r.ref())) {
                aliases = true;
            }
        }
        boolean dangling = issues.stream().anyMatch(i -> "DATA-001".equals(i.ruleId()));
        if (!aliases && !dangling) return;
        UnaryOperator<String> user = ref -> canonical(Index.USER, ref);
        UnaryOperator<String> app = ref -> canonical(Index.APP, ref);
        UnaryOperator<String> role = ref -> canonical(Index.ROLE, ref);
        replace(p.groups, g -> new Group(g.id(), g.displayName(), g.mail(), g.type(), members(g.members()), g.memberOf(), g.location()));
        replace(p.admins, a -> new Admin(user.apply(a.userId()), a.roles(), a.location()));
        replace(p.apps, a -> a.deployedBy() == null ? a : new App(a.id(), a.displayName(), a.appKind(), a.origin(), a.productId(),
                a.assetId(), a.locale(), a.contentMarket(), a.hosts(), a.permission(), a.state(), a.status(), a.deploymentType(),
                a.manifestVersion(), a.latestManifestVersion(), a.updateManifestVersion(), a.updatePermission(), a.requiresConsent(),
                a.graphPermissions(), a.publisherName(), a.publisherVerified(), user.apply(a.deployedBy()), a.location(), a.manifests()));
        replace(p.offers, o -> new Offer(o.id(), o.displayName(), o.graphIntegration(), o.aadAppId(), map(o.appIds(), app), o.location()));
        replace(p.deployments, d -> new Deployment(d.id(), app.apply(d.appId()), d.status(), user.apply(d.by()), d.at(), d.assignment(),
                d.test(), members(d.targets()), d.location()));
        replace(p.operations, o -> new Operation(o.id(), o.action(), o.via(), app.apply(o.appId()), user.apply(o.by()), o.at(), o.cmdlet(),
                o.parameters(), o.keptMembers(), o.location()));
        replace(p.teams, t -> new DynamicsTeam(t.id(), t.displayName(), map(t.roles(), role),
                map(t.members(), ref -> canonical(Index.DYNAMICS_USER, ref)), t.location()));
        replace(p.dynamicsUsers, u -> new DynamicsUser(u.id(), user.apply(u.userId()), u.displayName(), u.appUser(), map(u.roles(), role),
                u.appStatus(), u.syncedMailboxes(), u.mailbox(), u.location()));
    }

    /** The id a reference resolves to, or the reference as written when it resolves to nothing. */
    private String canonical(Index index, String ref) {
        String id = lookup(index, ref);
        return id != null ? id : ref;
    }

    private List<Member> members(List<Member> members) {
        if (members == null) return null;
        List<Member> out = new ArrayList<>(members.size());
        for (Member m : members) {
            Index index = "user".equals(m.kind()) ? Index.USER : "group".equals(m.kind()) ? Index.GROUP : null;
            if (index == null) {
                out.add(m);
                continue;
            }
            String id = lookup(index, m.ref());
            out.add(new Member(m.kind(), id != null ? id : m.ref(), id != null, m.location()));
        }
        return List.copyOf(out);
    }

    private static List<String> map(List<String> refs, UnaryOperator<String> f) {
        if (refs == null) return null;
        List<String> out = new ArrayList<>(refs.size());
        for (String r : refs) out.add(f.apply(r));
        return List.copyOf(out);
    }

    private static <T> void replace(List<T> list, UnaryOperator<T> f) {
        list.replaceAll(f);
    }

    static List<YNode.YMap> maps(YNode node) {
        if (!(node instanceof YNode.YList list)) return List.of();
        return list.items().stream().filter(YNode.YMap.class::isInstance).map(YNode.YMap.class::cast).toList();
    }
}
