package dev.preflight.snapshot;

import dev.preflight.model.AbsentSection;
import dev.preflight.model.Admin;
import dev.preflight.model.App;
import dev.preflight.model.CmdletParameters;
import dev.preflight.model.ConsentGrant;
import dev.preflight.model.Deployment;
import dev.preflight.model.DynamicsEnvironment;
import dev.preflight.model.DynamicsMailbox;
import dev.preflight.model.DynamicsTeam;
import dev.preflight.model.DynamicsUser;
import dev.preflight.model.Gap;
import dev.preflight.model.GraphPermission;
import dev.preflight.model.Group;
import dev.preflight.model.Location;
import dev.preflight.model.Mailbox;
import dev.preflight.model.Member;
import dev.preflight.model.OfficeClient;
import dev.preflight.model.Offer;
import dev.preflight.model.Operation;
import dev.preflight.model.SecurityRole;
import dev.preflight.model.Sku;
import dev.preflight.model.Tenant;
import dev.preflight.model.User;
import dev.preflight.version.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.preflight.snapshot.Resolver.maps;

/**
 * Turns one schema-valid file into model records, with references as written; {@link Resolver} resolves them
 * once every file is bound. Values the schema cannot check (dates, versions) become {@link Problem}s.
 */
final class Binder {
    private final List<Problem> problems;
    private final List<Reference> references;
    final SnapshotParts parts;

    /** A reference as written, resolved once every file is bound (it may point into another file). */
    record Reference(Resolver.Index index, String ref, Location location, String ownerKind, String ownerId, String message) {
    }

    Binder(List<Problem> problems, List<Reference> references, SnapshotParts parts) {
        this.problems = problems;
        this.references = references;
        this.parts = parts;
    }

    void bind(YNode.YMap top) {
        if (top.get("snapshot") instanceof YNode.YMap s) {
            parts.takenAt(time(s, "takenAt"), s.location(), problems);
        }
        if (top.get("tenant") instanceof YNode.YMap t) parts.tenant(tenant(t), problems);
        for (String list : AbsentSection.LISTS) {
            if (top.get(list) != null) parts.listSections.add(list);
        }
        for (YNode.YMap m : maps(top.get("skus"))) parts.skus.add(sku(m));
        for (YNode.YMap m : maps(top.get("users"))) parts.users.add(user(m));
        for (YNode.YMap m : maps(top.get("groups"))) parts.groups.add(group(m));
        for (YNode.YMap m : maps(top.get("admins"))) parts.admins.add(admin(m));
        for (YNode.YMap m : maps(top.get("apps"))) parts.apps.add(app(m));
        for (YNode.YMap m : maps(top.get("offers"))) parts.offers.add(offer(m));
        for (YNode.YMap m : maps(top.get("deployments"))) parts.deployments.add(deployment(m));
        for (YNode.YMap m : maps(top.get("operations"))) parts.operations.add(operation(m));
        for (YNode.YMap m : maps(top.get("consentGrants"))) parts.consentGrants.add(grant(m));
        if (top.get("dynamics") instanceof YNode.YMap d) {
            for (String list : List.of("users", "roles", "teams")) {
                if (d.get(list) != null) parts.listSections.add("dynamics." + list);
            }
            dynamics(d);
        }
        for (YNode.YMap m : maps(top.get("gaps"))) parts.gaps.add(new Gap(str(m, "fact"), str(m, "subject"), str(m, "reason"), m.location()));
    }

    /** The list sections whose items can be bound one at a time, as a streamed read hands them over ({@link #item}). */
    static final Set<String> ITEM_SECTIONS = Set.of("users", "groups");

    /**
     * Binds one schema-valid item of section {@code section} (one of {@link #ITEM_SECTIONS}), what {@link #bind} does
     * for each item of that section of a tree.
     */
    void item(String section, YNode item) {
        if (!(item instanceof YNode.YMap m)) return;
        switch (section) {
            case "users" -> parts.users.add(user(m));
            case "groups" -> parts.groups.add(group(m));
            default -> throw new IllegalArgumentException("section '" + section + "' is not bound item by item");
        }
    }

    private Tenant tenant(YNode.YMap t) {
        YNode.YMap ams = map(t, "appManagementService");
        String id = str(t, "id");
        return new Tenant(id != null ? id : SnapshotParts.NO_TENANT_ID, str(t, "name"), str(t, "defaultDomain"), str(t, "cloud"), str(t, "directory"),
                bool(t, "exchangeOnline"), ams == null ? null : bool(ams, "present"),
                ams == null ? null : bool(ams, "accountEnabled"), bool(t, "storeSelfInstall"), bool(t, "userConsent"),
                t.location());
    }

    private Sku sku(YNode.YMap m) {
        return new Sku(str(m, "skuPartNumber"), str(m, "skuId"), str(m, "name"), bool(m, "exchangeOnline"), m.location());
    }

    private User user(YNode.YMap m) {
        String id = str(m, "id");
        YNode.YMap mb = map(m, "mailbox");
        Mailbox mailbox = mb == null ? null : new Mailbox(str(mb, "type"), str(mb, "state"), bool(mb, "oauth"));
        List<OfficeClient> clients = null;
        if (m.get("clients") != null) {
            clients = new ArrayList<>();
            int i = 0;
            for (YNode.YMap c : maps(m.get("clients"))) {
                Version version = parsedVersion(c, "version");
                clients.add(new OfficeClient(id, i++, str(c, "app"), str(c, "platform"), str(c, "edition"),
                        version == null ? null : version.text(), version, bool(c, "ie11Enabled"), c.location()));
            }
            clients = List.copyOf(clients);
        }
        return new User(id, str(m, "upn"), str(m, "displayName"), str(m, "mail"), str(m, "accountState"),
                strs(m, "licenses"), bool(m, "orgIdSignIn"), mailbox, clients, time(m, "assignedAt"), m.location());
    }

    private Group group(YNode.YMap m) {
        String id = str(m, "id");
        String name = str(m, "displayName");
        List<Member> members = members(m, "members", "group '" + (name != null ? name : id) + "'", "group", id);
        return new Group(id, name, str(m, "mail"), str(m, "type"), members, strs(m, "memberOf"), m.location());
    }

    private Admin admin(YNode.YMap m) {
        String user = userRef(m, "user", "admin entry", "admin", str(m, "user"));
        return new Admin(user, strs(m, "roles"), m.location());
    }

    private App app(YNode.YMap m) {
        String id = str(m, "id");
        List<GraphPermission> graph = null;
        if (m.get("graphPermissions") != null) {
            graph = maps(m.get("graphPermissions")).stream()
                    .map(g -> new GraphPermission(str(g, "name"), bool(g, "adminConsentRequired"))).toList();
        }
        YNode.YMap update = map(m, "update");
        YNode.YMap publisher = map(m, "publisher");
        String deployedBy = m.get("deployedBy") == null ? null : userRef(m, "deployedBy", "app '" + id + "'", "app", id);
        App app = new App(id, str(m, "name"), str(m, "kind"), str(m, "origin"), str(m, "productId"), str(m, "assetId"),
                str(m, "locale"), str(m, "contentMarket"), strs(m, "hosts"), str(m, "permission"), str(m, "state"),
                str(m, "status"), str(m, "deploymentType"), version(m, "manifestVersion"),
                version(m, "latestManifestVersion"), update == null ? null : version(update, "manifestVersion"),
                update == null ? null : str(update, "permission"), bool(m, "requiresConsent"), graph,
                publisher == null ? null : str(publisher, "name"), publisher == null ? null : bool(publisher, "verified"),
                deployedBy, m.location(), null);
        return AppManifests.apply(app, m, problems, parts.contradictions);
    }

    private Offer offer(YNode.YMap m) {
        String id = str(m, "id");
        List<String> apps = null;
        if (m.get("apps") instanceof YNode.YList list) {
            apps = new ArrayList<>();
            for (YNode item : list.items()) {
                apps.add(refer(Resolver.Index.APP, text(item), item.location(), "offer", id,
                        "offer '" + id + "' links app '" + text(item) + "' that is not in apps"));
            }
            apps = List.copyOf(apps);
        }
        return new Offer(id, str(m, "name"), bool(m, "graphIntegration"), str(m, "aadAppId"), apps, m.location());
    }

    private Deployment deployment(YNode.YMap m) {
        String id = str(m, "id");
        String app = appRef(m, "app", "deployment '" + id + "'", "deployment", id);
        String by = m.get("by") == null ? null : userRef(m, "by", "deployment '" + id + "'", "deployment", id);
        List<Member> targets = members(m, "targets", "deployment '" + id + "'", "deployment", id);
        return new Deployment(id, app, str(m, "status"), by, time(m, "at"), str(m, "assignment"), bool(m, "test"),
                targets, m.location());
    }

    private Operation operation(YNode.YMap m) {
        String id = str(m, "id");
        String app = m.get("app") == null ? null : appRef(m, "app", "operation '" + id + "'", "operation", id);
        String by = m.get("by") == null ? null : userRef(m, "by", "operation '" + id + "'", "operation", id);
        CmdletParameters params = CmdletParameters.ABSENT;
        YNode.YMap p = map(m, "parameters");
        if (p != null) {
            Set<String> given = p.keys();
            params = new CmdletParameters(str(p, "ProductId"), str(p, "AssetId"), str(p, "ManifestPath"),
                    str(p, "Locale"), str(p, "ContentMarket"), strs(p, "Members"), bool(p, "Add"), bool(p, "Remove"),
                    bool(p, "AssignToEveryone"), bool(p, "Enabled"), Set.copyOf(given), locations(p, "Members"));
        }
        return new Operation(id, str(m, "action"), str(m, "via"), app, by, time(m, "at"), str(m, "cmdlet"), params,
                strs(m, "keptMembers"), m.location());
    }

    private ConsentGrant grant(YNode.YMap m) {
        return new ConsentGrant(str(m, "id"), str(m, "appName"), str(m, "appId"), str(m, "consentType"),
                time(m, "grantedAt"), strs(m, "scopes"), bool(m, "publisherVerified"), bool(m, "trusted"), m.location());
    }

    private void dynamics(YNode.YMap d) {
        String envId = str(d, "id");
        parts.dynamics(new DynamicsEnvironment(envId, str(d, "name"), str(d, "deployment"), version(d, "version"),
                str(d, "emailProcessing"), bool(d, "exchangeOAuth"), bool(d, "appForOutlookEnabled"),
                bool(d, "ifdConfigured"), str(d, "exchange"), bool(d, "oauthProviderConfigured"), d.location()), problems);
        for (YNode.YMap r : maps(d.get("roles"))) {
            parts.securityRoles.add(new SecurityRole(str(r, "id"), str(r, "name"), strs(r, "privileges"), r.location()));
        }
        for (YNode.YMap t : maps(d.get("teams"))) {
            String id = str(t, "id");
            parts.teams.add(new DynamicsTeam(id, str(t, "name"),
                    idRefs(t, "roles", Resolver.Index.ROLE, "team", id, "security role"),
                    idRefs(t, "members", Resolver.Index.DYNAMICS_USER, "team", id, "Dynamics user"), t.location()));
        }
        for (YNode.YMap u : maps(d.get("users"))) {
            String id = str(u, "id");
            String user = u.get("user") == null ? null : userRef(u, "user", "Dynamics user '" + id + "'", "dynamics-user", id);
            YNode.YMap mb = map(u, "mailbox");
            DynamicsMailbox mailbox = mb == null ? null : new DynamicsMailbox(str(mb, "email"), bool(mb, "approved"),
                    bool(mb, "enabled"), str(mb, "testResult"), bool(mb, "testScheduled"), str(mb, "incoming"),
                    str(mb, "syncOrganization"));
            parts.dynamicsUsers.add(new DynamicsUser(id, user, str(u, "name"), bool(u, "appUser"),
                    idRefs(u, "roles", Resolver.Index.ROLE, "dynamics-user", id, "security role"), str(u, "appStatus"),
                    strs(u, "syncedMailboxes"), mailbox, u.location()));
        }
    }

    // ---- references ------------------------------------------------------------------------------------

    private List<Member> members(YNode.YMap m, String key, String owner, String ownerKind, String ownerId) {
        if (!(m.get(key) instanceof YNode.YList list)) return null;
        List<Member> out = new ArrayList<>(list.items().size());
        for (YNode item : list.items()) {
            YNode.Entry e = ((YNode.YMap) item).entries().get(0);
            String kind = e.key();
            String ref = text(e.value());
            Location at = e.keyLocation();
            switch (kind) {
                case "user" -> out.add(new Member(kind, refer(Resolver.Index.USER, ref, at, ownerKind, ownerId,
                        owner + " names user '" + ref + "' who is not in users"), true, at));
                case "group" -> out.add(new Member(kind, refer(Resolver.Index.GROUP, ref, at, ownerKind, ownerId,
                        owner + " names group '" + ref + "' that is not in groups"), true, at));
                default -> out.add(new Member(kind, ref, true, at));
            }
        }
        return List.copyOf(out);
    }

    private String userRef(YNode.YMap m, String key, String owner, String ownerKind, String ownerId) {
        YNode node = m.get(key);
        String ref = text(node);
        return refer(Resolver.Index.USER, ref, node.location(), ownerKind, ownerId,
                owner + " names user '" + ref + "' in '" + key + "' who is not in users");
    }

    private String appRef(YNode.YMap m, String key, String owner, String ownerKind, String ownerId) {
        YNode node = m.get(key);
        String ref = text(node);
        return refer(Resolver.Index.APP, ref, node.location(), ownerKind, ownerId,
                owner + " names app '" + ref + "' that is not in apps");
    }

    private List<String> idRefs(YNode.YMap m, String key, Resolver.Index index, String ownerKind,
                                String ownerId, String what) {
        if (!(m.get(key) instanceof YNode.YList list)) return null;
        List<String> out = new ArrayList<>();
        for (YNode item : list.items()) {
            String ref = text(item);
            out.add(refer(index, ref, item.location(), ownerKind, ownerId,
                    ownerKind + " '" + ownerId + "' names " + what + " '" + ref + "' that is not in the snapshot"));
        }
        return List.copyOf(out);
    }

    private String refer(Resolver.Index index, String ref, Location at, String ownerKind, String ownerId, String message) {
        references.add(new Reference(index, ref, at, ownerKind, ownerId, message));
        return ref;
    }

    // ---- scalars ---------------------------------------------------------------------------------------

    private static YNode.YMap map(YNode.YMap m, String key) {
        return m.get(key) instanceof YNode.YMap sub ? sub : null;
    }

    private static String str(YNode.YMap m, String key) {
        return text(m.get(key));
    }

    private static String text(YNode node) {
        return node instanceof YNode.YScalar s ? s.text() : null;
    }

    private static Boolean bool(YNode.YMap m, String key) {
        return m.get(key) instanceof YNode.YScalar s && s.value() instanceof Boolean b ? b : null;
    }

    /** Where each item of the list at {@code key} is written, or null when there is no list. */
    private static List<Location> locations(YNode.YMap m, String key) {
        if (!(m.get(key) instanceof YNode.YList list)) return null;
        return list.items().stream().map(YNode::location).toList();
    }

    private static List<String> strs(YNode.YMap m, String key) {
        if (!(m.get(key) instanceof YNode.YList list)) return null;
        List<String> out = new ArrayList<>(list.items().size());
        for (YNode item : list.items()) out.add(text(item));
        return List.copyOf(out);
    }

    private String version(YNode.YMap m, String key) {
        Version v = parsedVersion(m, key);
        return v == null ? null : v.text();
    }

    /** The version at {@code key}, parsed once; a problem (and null) when it does not parse. */
    private Version parsedVersion(YNode.YMap m, String key) {
        YNode node = m.get(key);
        if (!(node instanceof YNode.YScalar s) || s.value() == null) return null;
        String text = s.value() instanceof String str ? str : s.raw();
        try {
            return Version.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(node.location(), key + ": " + e.getMessage()));
            return null;
        }
    }

    private Instant time(YNode.YMap m, String key) {
        YNode node = m.get(key);
        String text = text(node);
        if (text == null) return null;
        try {
            if (text.length() == 10) return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) return OffsetDateTime.parse(text).toInstant();
            return java.time.LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(node.location(), key + ": '" + text + "' is not a valid date or date-time"));
            return null;
        }
    }
}
