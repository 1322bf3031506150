package dev.preflight.importer;

import dev.preflight.Preflight;
import dev.preflight.licensing.OfficialTable;
import dev.preflight.model.Origin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Joins the gathered facts into snapshot sections (format version 1); absent stays absent. */
final class Assembler {
    static final Map<String, String> ROLE_TEMPLATES = Map.of(
            "62e90394-69f5-4237-9190-012177145e10", "global-administrator",
            "29232cdf-9323-42fd-ade2-1d097af3e4de", "exchange-administrator",
            "31392ffb-586c-42d1-9346-e59415a2cc4e", "exchange-recipient-administrator",
            "f2ef992c-3afb-46b9-b7cf-a126ee74c451", "global-reader",
            "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", "application-administrator",
            "158c047a-c907-4556-b7ef-446551a6b5f7", "cloud-application-administrator",
            "44367163-eba1-44c3-98af-f5787879f96a", "dynamics-365-administrator");

    private final Facts f;
    private final OfficialTable table = OfficialTable.get();
    private final Map<String, String> userByAlias = new HashMap<>();
    private final Map<String, String> groupByMail = new HashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final List<Facts.GapRec> gaps = new ArrayList<>();

    private Assembler(Facts f) {
        this.f = f;
    }

    static Assembled assemble(Facts f) {
        return new Assembler(f).build();
    }

    private Assembled build() {
        for (Facts.UserRec u : f.users.values()) {
            userByAlias.put(u.id.toLowerCase(Locale.ROOT), u.id);
            if (u.upn != null) userByAlias.putIfAbsent(u.upn.toLowerCase(Locale.ROOT), u.id);
            if (u.mail != null) userByAlias.putIfAbsent(u.mail.toLowerCase(Locale.ROOT), u.id);
        }
        for (Facts.GroupRec g : f.groups.values()) if (g.mail != null) groupByMail.put(g.mail.toLowerCase(Locale.ROOT), g.id);
        for (Facts.GapRec g : f.gaps) {
            // per-user gaps name the user as the snapshot does (its id), whatever the request used
            String subject = g.subject() != null && g.fact().startsWith("users[]") ? userByAlias.getOrDefault(g.subject().toLowerCase(Locale.ROOT), g.subject()) : g.subject();
            gaps.add(new Facts.GapRec(g.fact(), subject, g.reason(), g.origin()));
        }
        Map<String, Object> snapshot = new LinkedHashMap<>();
        if (f.takenAt != null) snapshot.put("takenAt", f.takenAt);
        snapshot.put("source", "preflight import " + Preflight.VERSION);
        Map<String, Object> tenant = tenant();
        List<Map<String, Object>> skus = skus();
        List<Map<String, Object>> users = users();
        List<Map<String, Object>> groups = groups();
        List<Map<String, Object>> admins = admins();
        List<Map<String, Object>> apps = null;
        List<Map<String, Object>> deployments = null;
        if (!f.addIns.isEmpty()) {
            apps = new ArrayList<>();
            deployments = new ArrayList<>();
            addIns(apps, deployments);
        }
        List<Map<String, Object>> grants = grants();
        Map<String, Object> dynamics = dynamics();
        return new Assembled(snapshot, tenant, skus, users, groups, admins, apps, deployments, grants, dynamics, List.copyOf(gaps),
                Map.copyOf(counts));
    }

    static Map<String, Object> origin(Origin o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", o.file());
        if (o.pointer() != null) m.put("pointer", o.pointer());
        else m.put("line", o.line());
        return m;
    }

    // ---- tenant and licenses ---------------------------------------------------------------------------

    private Map<String, Object> tenant() {
        if (f.org == null && f.ams == null && !f.spListed && f.userConsent == null) return null;
        Map<String, Object> t = new LinkedHashMap<>();
        if (f.org != null) {
            put(t, "id", f.org.id);
            put(t, "name", f.org.name);
            put(t, "defaultDomain", f.org.defaultDomain);
            put(t, "cloud", cloud(f.org.host));
            put(t, "directory", f.org.directory);
        }
        put(t, "exchangeOnline", tenantExchange());
        if (f.ams != null || f.spListed) {
            Map<String, Object> ams = new LinkedHashMap<>();
            ams.put("present", f.ams != null);
            if (f.ams != null) put(ams, "accountEnabled", f.ams.accountEnabled());
            t.put("appManagementService", ams);
        }
        put(t, "userConsent", f.userConsent);
        if (f.org != null) t.put("origin", origin(f.org.origin));
        else if (f.amsOrigin != null) t.put("origin", origin(f.amsOrigin));
        return t;
    }

    private String cloud(String host) {
        if (host == null) return null;
        if (host.equals("gcc")) return "gcc"; // ScubaGear's M365Environment
        if (host.startsWith("dod-graph.microsoft.us")) return "dod";
        if (host.endsWith("graph.microsoft.us")) return "gcc-high";
        if (host.endsWith("chinacloudapi.cn")) return "china-21vianet";
        if (!host.equals("graph.microsoft.com")) return null;
        for (Facts.SkuRec s : f.skus.values()) {
            if (s.partNumber != null && s.partNumber.toUpperCase(Locale.ROOT).contains("_GOV")) return "gcc";
        }
        return f.skusRead ? "worldwide" : null;
    }

    private Boolean tenantExchange() {
        if (f.skusRead) {
            for (Facts.SkuRec s : f.skus.values()) {
                boolean usable = s.capabilityStatus == null || s.capabilityStatus.equalsIgnoreCase("Enabled") || s.capabilityStatus.equalsIgnoreCase("Warning");
                if (usable && !mailboxPlans(s.skuId).isEmpty()) return true;
            }
            return false;
        }
        if (f.org != null && f.org.assignedPlans != null) {
            for (String[] p : f.org.assignedPlans) {
                if ("Enabled".equalsIgnoreCase(p[1]) && MAILBOX_PLAN_IDS.contains(p[0])) return true;
            }
            return false;
        }
        return null;
    }

    private static final Set<String> MAILBOX_PLAN_IDS = mailboxPlanIds();

    private static Set<String> mailboxPlanIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (OfficialTable.Product p : OfficialTable.get().products()) for (OfficialTable.Plan pl : p.mailboxPlans()) ids.add(pl.id());
        return Set.copyOf(ids);
    }

    /** The mailbox plan ids of a SKU: from /subscribedSkus when exported, else Microsoft's table; null when unknown. */
    private Set<String> mailboxPlans(String skuId) {
        Facts.SkuRec s = f.skus.get(skuId);
        Set<String> out = new LinkedHashSet<>();
        if (s != null && !s.plans.isEmpty()) {
            for (String[] p : s.plans) if (p[1] != null && OfficialTable.MAILBOX_PLANS.contains(p[1].toUpperCase(Locale.ROOT))) out.add(p[0]);
            return out;
        }
        OfficialTable.Product p = table.product(skuId);
        if (p == null) return null;
        for (OfficialTable.Plan pl : p.mailboxPlans()) out.add(pl.id());
        return out;
    }

    private String partNumber(String skuId) {
        Facts.SkuRec s = f.skus.get(skuId);
        if (s != null && s.partNumber != null) return s.partNumber;
        OfficialTable.Product p = table.product(skuId);
        return p == null ? null : p.skuPartNumber();
    }

    private List<Map<String, Object>> skus() {
        if (!f.skusRead) return null;
        List<Map<String, Object>> out = new ArrayList<>();
        for (Facts.SkuRec s : f.skus.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            String part = s.partNumber != null ? s.partNumber : partNumber(s.skuId);
            m.put("skuPartNumber", part != null ? part : s.skuId);
            m.put("skuId", s.skuId);
            OfficialTable.Product p = table.product(s.skuId);
            if (p != null) m.put("name", p.name());
            else f.warnings.add(s.origin + ": SKU " + part + " (" + s.skuId + ") is not in Microsoft's licensing table of " + OfficialTable.DATE);
            Set<String> plans = mailboxPlans(s.skuId);
            if (plans != null) m.put("exchangeOnline", !plans.isEmpty());
            m.put("origin", origin(s.origin));
            out.add(m);
        }
        counts.put("skus", out.size());
        return out;
    }

    // ---- users -----------------------------------------------------------------------------------------

    private List<Map<String, Object>> users() {
        if (!f.usersRead) return null;
        Map<String, Boolean> settings = lowerKeys(f.mailboxSettings);
        Map<String, Boolean> oauth = lowerKeys(f.oauth);
        List<Map<String, Object>> out = new ArrayList<>(f.users.size());
        Set<String> unknownSkus = new LinkedHashSet<>();
        for (Facts.UserRec u : f.users.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", u.id);
            put(m, "upn", u.upn);
            put(m, "displayName", u.displayName);
            put(m, "mail", u.mail);
            if (u.accountEnabled != null) m.put("accountState", u.accountEnabled ? "enabled" : "disabled");
            if (u.licenses != null) {
                List<String> names = new ArrayList<>();
                boolean known = true;
                boolean anyMailboxPlan = false;
                boolean enabled = false;
                for (Facts.License l : u.licenses) {
                    String part = partNumber(l.skuId());
                    if (part == null) {
                        names.add(l.skuId());
                        unknownSkus.add(l.skuId());
                        known = false;
                        continue;
                    }
                    names.add(part);
                    Set<String> plans = mailboxPlans(l.skuId());
                    if (plans == null) {
                        known = false;
                        continue;
                    }
                    if (!plans.isEmpty()) anyMailboxPlan = true;
                    for (String plan : plans) if (!l.disabledPlans().contains(plan)) enabled = true;
                }
                m.put("licenses", names);
                if (enabled) m.put("exchangePlan", "enabled");
                else if (known) m.put("exchangePlan", anyMailboxPlan ? "disabled" : "none");
            }
            Map<String, Object> mailbox = mailbox(u, settings, oauth);
            if (mailbox != null) m.put("mailbox", mailbox);
            List<Map<String, Object>> clients = clients(u);
            if (clients != null) m.put("clients", clients);
            m.put("origin", origin(u.origin));
            out.add(m);
        }
        for (String sku : unknownSkus) {
            f.warnings.add("license skuId " + sku + " is assigned to users but neither /subscribedSkus nor Microsoft's licensing table ("
                    + OfficialTable.DATE + ") knows it: the license rules report it as unknown, never as supported");
        }
        counts.put("users", out.size());
        return out;
    }

    private Map<String, Object> mailbox(Facts.UserRec u, Map<String, Boolean> settings, Map<String, Boolean> oauth) {
        Facts.ExoRec exo = null;
        Origin from = null;
        Boolean inExo = null;
        Boolean ok = null;
        for (String key : new String[]{u.id, u.upn, u.mail}) {
            if (key == null) continue;
            String k = key.toLowerCase(Locale.ROOT);
            if (exo == null) exo = f.exo.get(k);
            if (inExo == null) {
                inExo = settings.get(k);
                if (inExo != null) from = f.mailboxSettingsOrigin.get(k);
            }
            if (ok == null) ok = oauth.get(k);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        if (exo != null) {
            m.put("type", exo.type());
            put(m, "state", exo.state());
            from = exo.origin();
        } else if (Boolean.FALSE.equals(inExo)) {
            m.put("type", "none");
        } else if (Boolean.TRUE.equals(inExo)) {
            m.put("type", "exchange-online");
            m.put("state", "active");
        }
        put(m, "oauth", ok);
        if (m.isEmpty()) return null;
        if (m.containsKey("type") && from != null) m.put("origin", origin(from)); // the export that told the mailbox type
        return m;
    }

    /** The user's inventory rows, or null (absent) when the inventory has none for them. */
    private List<Map<String, Object>> clients(Facts.UserRec u) {
        if (f.clients.isEmpty()) return null;
        List<String[]> rows = null;
        for (String key : new String[]{u.id, u.upn, u.mail}) {
            if (key != null && rows == null) rows = f.clients.get(key.toLowerCase(Locale.ROOT));
        }
        if (rows == null) return null;
        List<Map<String, Object>> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String[] c : rows) {
            String version = c[3];
            if (version != null) {
                try {
                    dev.preflight.version.Version.parse(version);
                } catch (IllegalArgumentException e) {
                    f.warnings.add("user " + (u.upn != null ? u.upn : u.id) + ": client version '" + version + "' is not a version Preflight reads: left out");
                    version = null;
                }
            }
            if (!seen.add(c[0] + "|" + c[1] + "|" + c[2] + "|" + version)) continue;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("app", c[0]);
            m.put("platform", c[1]);
            put(m, "edition", c[2]);
            put(m, "version", version);
            out.add(m);
        }
        counts.merge("usersWithClients", 1, Integer::sum);
        return out;
    }

    private static <V> Map<String, V> lowerKeys(Map<String, V> in) {
        Map<String, V> out = new HashMap<>();
        in.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }

    // ---- groups and roles ------------------------------------------------------------------------------

    private List<Map<String, Object>> groups() {
        if (!f.groupsRead) return null;
        List<Map<String, Object>> out = new ArrayList<>(f.groups.size());
        boolean noMembers = f.members.isEmpty() && f.membersFailed.isEmpty();
        if (noMembers && !f.groups.isEmpty()) {
            gaps.add(new Facts.GapRec("groups[].members", null, "no GET /groups/{id}/members was exported", null));
        }
        for (Facts.GroupRec g : f.groups.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", g.id);
            put(m, "displayName", g.displayName);
            put(m, "mail", g.mail);
            put(m, "type", type(g));
            if (g.groupTypes != null && g.groupTypes.stream().anyMatch("DynamicMembership"::equalsIgnoreCase)) m.put("dynamicMembership", true);
            List<Facts.MemberRec> members = f.members.get(g.id);
            if (members != null) {
                List<Map<String, Object>> ms = new ArrayList<>(members.size());
                for (Facts.MemberRec r : members) ms.add(Map.of(r.kind(), r.id()));
                m.put("members", ms);
            } else if (!noMembers && !f.membersFailed.containsKey(g.id)) {
                gaps.add(new Facts.GapRec("groups[].members", g.id, "GET /groups/" + g.id + "/members was not exported", null));
            }
            m.put("origin", origin(g.origin));
            out.add(m);
        }
        counts.put("groups", out.size());
        counts.put("groupMembers", f.members.values().stream().mapToInt(List::size).sum());
        return out;
    }

    static String type(Facts.GroupRec g) {
        if (g.groupTypes != null && g.groupTypes.stream().anyMatch("Unified"::equalsIgnoreCase)) return "microsoft-365";
        if (g.mailEnabled == null || g.securityEnabled == null) return null;
        if (g.mailEnabled) return g.securityEnabled ? "mail-enabled-security" : "distribution";
        return g.securityEnabled ? "security" : null;
    }

    private List<Map<String, Object>> admins() {
        if (f.rolesFailed != null) return null; // the gap is recorded
        if (!f.usersRead && (f.roleScheduleRead || !f.roleMembers.isEmpty())) {
            // role holders are written as references to users: without the /users export, admins stays absent
            gaps.add(new Facts.GapRec("admins", null, "role assignments were read, but not GET /users: the admins section needs the "
                    + "directory's users", null));
            return null;
        }
        Map<String, Set<String>> standing = new LinkedHashMap<>();
        Map<String, Set<String>> activated = new LinkedHashMap<>();
        Map<String, Origin> origins = new HashMap<>();
        if (f.roleScheduleRead) {
            for (Facts.RoleHold h : f.roleHolds) {
                String role = ROLE_TEMPLATES.getOrDefault(h.roleTemplateId(), "other");
                (h.activated() ? activated : standing).computeIfAbsent(h.principalId(), k -> new LinkedHashSet<>()).add(role);
                if (!h.activated() || !origins.containsKey(h.principalId())) origins.put(h.principalId(), h.origin());
            }
        } else if (!f.directoryRoles.isEmpty() || !f.roleMembers.isEmpty()) {
            Map<String, String> templateOf = new LinkedHashMap<>();
            for (var e : f.roleMembers.entrySet()) {
                String key = e.getKey();
                String template = key.startsWith("template:") ? key.substring(9).toLowerCase(Locale.ROOT) : f.directoryRoles.get(key);
                if (template == null) {
                    gaps.add(new Facts.GapRec("admins", null, "members of directory role " + key
                            + " were exported, but not GET /directoryRoles (which says the role's roleTemplateId)", f.roleMembersOrigin.get(key)));
                    return null;
                }
                templateOf.put(key, template);
            }
            for (var e : f.directoryRoles.entrySet()) {
                if (!f.roleMembers.containsKey(e.getKey()) && !f.roleMembers.containsKey("template:" + e.getValue())) {
                    gaps.add(new Facts.GapRec("admins", null, "GET /directoryRoles/" + e.getKey() + "/members (role "
                            + ROLE_TEMPLATES.getOrDefault(e.getValue(), e.getValue()) + ") was not exported", null));
                    return null;
                }
            }
            for (var e : f.roleMembers.entrySet()) {
                String role = ROLE_TEMPLATES.getOrDefault(templateOf.get(e.getKey()), "other");
                for (String p : e.getValue()) {
                    standing.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(role);
                    origins.putIfAbsent(p, f.roleMembersOrigin.get(e.getKey()));
                }
            }
        } else {
            return null;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        Set<String> principals = new LinkedHashSet<>();
        for (String id : f.users.keySet()) if (standing.containsKey(id) || activated.containsKey(id)) principals.add(id);
        Set<String> others = new LinkedHashSet<>(standing.keySet());
        others.addAll(activated.keySet());
        others.removeAll(principals);
        if (!others.isEmpty()) {
            f.warnings.add(others.size() + " role holder(s) are not users of the /users export (groups, service principals or "
                    + "users not exported) and are left out of admins: " + String.join(", ", others.stream().sorted().limit(5).toList()));
        }
        for (String id : principals) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("user", id);
            m.put("roles", List.copyOf(standing.getOrDefault(id, Set.of())));
            Set<String> act = activated.get(id);
            if (act != null) {
                Set<String> only = new LinkedHashSet<>(act);
                only.removeAll(standing.getOrDefault(id, Set.of()));
                if (!only.isEmpty()) m.put("activatedRoles", List.copyOf(only));
            }
            Origin o = origins.get(id);
            if (o != null) m.put("origin", origin(o));
            out.add(m);
        }
        counts.put("admins", out.size());
        return out;
    }

    // ---- apps, consent ---------------------------------------------------------------------------------

    private void addIns(List<Map<String, Object>> apps, List<Map<String, Object>> deployments) {
        for (Facts.AddIn a : f.addIns.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.productId);
            put(m, "name", a.name);
            m.put("kind", "office-add-in");
            m.put("origin", a.assetId != null && !a.assetId.isBlank() ? "store" : "custom");
            m.put("productId", a.productId);
            if (a.assetId != null && !a.assetId.isBlank()) m.put("assetId", a.assetId);
            if (a.enabled != null) m.put("state", a.enabled ? "active" : "turned-off");
            if (a.provider != null) m.put("publisher", new LinkedHashMap<>(Map.of("name", a.provider)));
            m.put("importedFrom", origin(a.origin));
            apps.add(m);
            Map<String, Object> d = new LinkedHashMap<>();
            String id = "centralized-deployment-" + a.productId;
            d.put("id", id);
            d.put("app", a.productId);
            d.put("status", "deployed");
            if (a.assignToEveryone != null) d.put("assignment", a.assignToEveryone ? "everyone" : "specific");
            if (a.detailed && a.members != null) {
                List<Map<String, Object>> targets = new ArrayList<>();
                for (String member : a.members) {
                    String group = groupByMail.get(member.toLowerCase(Locale.ROOT));
                    targets.add(group != null ? Map.of("group", group) : Map.of("user", member));
                }
                d.put("targets", targets);
            } else {
                String reason = "Get-OrganizationAddIn without -ProductId lists add-ins but carries no "
                        + "assignments (" + a.origin.file() + "); run Get-OrganizationAddIn -ProductId " + a.productId;
                // The list call gives neither who it is assigned to nor whether that is everyone: both facts are absent for it.
                if (a.assignToEveryone == null) gaps.add(new Facts.GapRec("deployments[].assignment", id, reason, a.origin));
                gaps.add(new Facts.GapRec("deployments[].targets", id, reason, a.origin));
            }
            d.put("origin", origin(a.origin));
            deployments.add(d);
        }
        counts.put("apps", apps.size());
    }

    private List<Map<String, Object>> grants() {
        if (!f.grantsRead) return null;
        List<Map<String, Object>> out = new ArrayList<>();
        for (Facts.GrantRec g : f.grants) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", g.id() != null ? g.id() : g.origin().toString());
            Facts.SpRec sp = g.clientId() == null ? null : f.servicePrincipals.get(g.clientId());
            if (sp != null) {
                put(m, "appName", sp.displayName());
                put(m, "appId", sp.appId());
            }
            if ("Principal".equalsIgnoreCase(g.consentType())) m.put("consentType", "user");
            else if ("AllPrincipals".equalsIgnoreCase(g.consentType())) m.put("consentType", "all-users");
            if (g.scope() != null) m.put("scopes", List.of(g.scope().trim().split("\\s+")));
            if (sp != null && sp.publisherGiven()) m.put("publisherVerified", sp.verifiedPublisherId() != null);
            m.put("origin", origin(g.origin()));
            out.add(m);
        }
        counts.put("consentGrants", out.size());
        return out;
    }

    // ---- Dataverse -------------------------------------------------------------------------------------

    private Map<String, Object> dynamics() {
        if (f.dvEnvId == null && !f.dvUsersRead && !f.dvTeamsRead && !f.dvRolesRead && f.dvMailboxes.isEmpty()) return null;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", f.dvEnvId != null ? f.dvEnvId : f.dvHost != null ? f.dvHost : "dataverse");
        put(d, "name", f.dvName);
        if (f.dvHost != null && f.dvHost.contains(".dynamics.com")) d.put("deployment", "online");
        put(d, "version", f.dvVersion);
        put(d, "emailProcessing", f.dvEmailProcessing);
        if (f.dvRolesRead) {
            List<Map<String, Object>> roles = new ArrayList<>();
            for (Facts.DvRole r : f.dvRoles.values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", r.id);
                put(m, "name", r.name);
                if (r.privileges != null) m.put("privileges", r.privileges);
                m.put("origin", origin(r.origin));
                roles.add(m);
            }
            d.put("roles", roles);
        }
        Map<String, String> dvByAad = new HashMap<>();
        for (Facts.DvUser u : f.dvUsers.values()) if (u.aadId != null) dvByAad.put(u.aadId.toLowerCase(Locale.ROOT), u.id);
        Map<String, Facts.DvUser> pending = new LinkedHashMap<>();
        if (f.dvTeamsRead) {
            Map<String, List<String>> fromUsers = new HashMap<>();
            for (Facts.DvUser u : f.dvUsers.values()) {
                if (u.teams != null) for (String t : u.teams) fromUsers.computeIfAbsent(t, k -> new ArrayList<>()).add(u.id);
            }
            List<Map<String, Object>> teams = new ArrayList<>();
            for (Facts.DvTeam t : f.dvTeams.values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", t.id);
                put(m, "name", t.name);
                if (t.roles != null) m.put("roles", t.roles);
                Set<String> members = new LinkedHashSet<>();
                boolean known = t.members != null || fromUsers.containsKey(t.id) || f.dvUsersRead;
                if (t.members != null) members.addAll(t.members);
                members.addAll(fromUsers.getOrDefault(t.id, List.of()));
                boolean entra = t.type != null && (t.type == 2 || t.type == 3) && t.aadGroupId != null;
                if (entra) {
                    List<Facts.MemberRec> group = f.members.get(t.aadGroupId.toLowerCase(Locale.ROOT));
                    if (group == null) group = f.members.get(t.aadGroupId);
                    if (group == null) {
                        known = false;
                        gaps.add(new Facts.GapRec("dynamics.teams[].members", t.id, "team '" + t.name + "' is backed by Entra group "
                                + t.aadGroupId + " whose members were not exported (GET /groups/" + t.aadGroupId + "/members)", t.origin));
                    } else {
                        // Entra-group teams add members just in time: a group member not yet in systemusers is not yet provisioned
                        for (Facts.MemberRec r : group) {
                            if (!"user".equals(r.kind())) continue;
                            String dv = dvByAad.get(r.id().toLowerCase(Locale.ROOT));
                            if (dv == null) {
                                Facts.DvUser p = pending.computeIfAbsent(r.id(), k -> {
                                    Facts.DvUser n = new Facts.DvUser();
                                    n.id = "not-yet-provisioned-" + k;
                                    n.aadId = k;
                                    n.origin = t.origin;
                                    return n;
                                });
                                dv = p.id;
                            }
                            members.add(dv);
                        }
                    }
                }
                if (known) m.put("members", List.copyOf(members));
                if (t.type != null) m.put("teamType", switch (t.type) {
                    case 0 -> "owner";
                    case 1 -> "access";
                    case 2 -> "entra-security-group";
                    case 3 -> "entra-microsoft-365-group";
                    default -> "other";
                });
                m.put("origin", origin(t.origin));
                teams.add(m);
            }
            d.put("teams", teams);
        }
        Map<String, Map<String, Object>> mailboxes = new HashMap<>();
        for (int i = 0; i < f.dvMailboxes.size(); i++) {
            var n = f.dvMailboxes.get(i);
            String owner = Normal.text(n, "_regardingobjectid_value");
            if (owner != null) mailboxes.putIfAbsent(owner, DataverseMailbox.of(n, f.dvEnvId));
        }
        if (f.dvUsersRead || !pending.isEmpty()) {
            List<Map<String, Object>> users = new ArrayList<>();
            for (Facts.DvUser u : f.dvUsers.values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", u.id);
                String ref = userRef(u.aadId, u.domainName);
                put(m, "user", ref);
                put(m, "name", u.name);
                if (u.roles != null) m.put("roles", u.roles);
                Map<String, Object> mb = mailboxes.get(u.id);
                if (mb != null) m.put("mailbox", mb);
                m.put("origin", origin(u.origin));
                users.add(m);
            }
            for (Facts.DvUser p : pending.values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", p.id);
                put(m, "user", userRef(p.aadId, null));
                m.put("provisioned", false);
                m.put("roles", List.of());
                m.put("origin", origin(p.origin));
                users.add(m);
            }
            d.put("users", users);
            counts.put("dynamicsUsers", users.size());
        }
        if (f.dvOrigin != null) d.put("origin", origin(f.dvOrigin));
        return d;
    }

    private String userRef(String aadId, String domainName) {
        if (aadId != null && userByAlias.containsKey(aadId.toLowerCase(Locale.ROOT))) return userByAlias.get(aadId.toLowerCase(Locale.ROOT));
        if (domainName != null && userByAlias.containsKey(domainName.toLowerCase(Locale.ROOT))) return userByAlias.get(domainName.toLowerCase(Locale.ROOT));
        return aadId != null ? aadId : domainName;
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) m.put(k, v);
    }
}
