package dev.preflight.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.preflight.model.Location;
import dev.preflight.model.Origin;
import dev.preflight.snapshot.Problem;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.preflight.importer.Normal.bool;
import static dev.preflight.importer.Normal.integer;
import static dev.preflight.importer.Normal.text;

/** One reader per source kind (the registry), each turning the items of a file into {@link Facts}. */
final class Readers {
    interface Reader {
        void item(ExportFile f, JsonNode item, Origin origin, Location at);
    }

    private final Facts facts;
    private final List<Problem> problems;
    private final Map<Kind, Reader> registry = new EnumMap<>(Kind.class);

    Readers(Facts facts, List<Problem> problems, ClientInventory.Columns inventory) {
        this.facts = facts;
        this.problems = problems;
        registry.put(Kind.CLIENT_INVENTORY, (f, n, o, at) -> {
            if (f.intune) ClientInventory.intune(facts, n, o);
            else ClientInventory.plain(facts, inventory, n, o);
        });
        registry.put(Kind.ORGANIZATION, this::organization);
        registry.put(Kind.SKUS, this::sku);
        registry.put(Kind.USERS, this::user);
        registry.put(Kind.MAILBOX_SETTINGS, this::mailboxSettings);
        registry.put(Kind.GROUPS, this::group);
        registry.put(Kind.GROUP_MEMBERS, this::member);
        registry.put(Kind.GROUP_MEMBER_OF, this::memberOf);
        registry.put(Kind.ROLE_INSTANCES, this::roleInstance);
        registry.put(Kind.ROLE_ASSIGNMENTS, this::roleInstance);
        registry.put(Kind.DIRECTORY_ROLES, this::directoryRole);
        registry.put(Kind.ROLE_MEMBERS, this::roleMember);
        registry.put(Kind.SERVICE_PRINCIPALS, this::servicePrincipal);
        registry.put(Kind.AUTHORIZATION_POLICY, this::authorizationPolicy);
        registry.put(Kind.GRANTS, this::grant);
        registry.put(Kind.EXO_MAILBOXES, this::exoMailbox);
        registry.put(Kind.OAUTH_TEST, this::oauthTest);
        registry.put(Kind.ORG_ADDINS, this::addIn);
        registry.put(Kind.DV_ORGANIZATIONS, this::dvOrganization);
        registry.put(Kind.DV_VERSION, (f, n, o, at) -> facts.dvVersion = text(n, "version"));
        registry.put(Kind.DV_SYSTEMUSERS, this::dvUser);
        registry.put(Kind.DV_MAILBOXES, (f, n, o, at) -> {
            facts.dvMailboxes.add(n);
            facts.dvMailboxOrigins.add(o);
        });
        registry.put(Kind.DV_TEAMS, this::dvTeam);
        registry.put(Kind.DV_ROLES, this::dvRole);
        registry.put(Kind.SCUBAGEAR, (f, n, o, at) -> ScubaGear.read(facts, n, f.rel));
    }

    /** Called once per file before its items: marks the listing read (even when it is empty). */
    void start(ExportFile f) {
        switch (f.kind) {
            case SKUS -> facts.skusRead = true;
            case USERS -> facts.usersRead = true;
            case GROUPS -> facts.groupsRead = true;
            case GROUP_MEMBERS -> {
                if (f.owner == null) {
                    problems.add(new Problem(f.at(), "a page of group members, but whose? A bare /groups/{id}/members body does not say: "
                            + "save it in an envelope whose 'request' names the group (see docs/collecting.md)"));
                    return;
                }
                facts.members.computeIfAbsent(f.owner, k -> new ArrayList<>());
                facts.membersOrigin.putIfAbsent(f.owner, new Origin(f.rel, f.base(), 0));
            }
            case GROUP_MEMBER_OF -> {
                if (f.owner != null) facts.memberOf.computeIfAbsent(f.owner, k -> new ArrayList<>());
            }
            case ROLE_INSTANCES, ROLE_ASSIGNMENTS -> facts.roleScheduleRead = true;
            case ROLE_MEMBERS -> {
                if (f.owner == null) {
                    problems.add(new Problem(f.at(), "a page of directory role members, but of which role? Save it in an envelope whose "
                            + "'request' names the role (see docs/collecting.md)"));
                    return;
                }
                facts.roleMembers.computeIfAbsent(f.owner, k -> new ArrayList<>());
                facts.roleMembersOrigin.putIfAbsent(f.owner, new Origin(f.rel, f.base(), 0));
            }
            case SERVICE_PRINCIPALS -> {
                // the AMS-filtered call, or a whole listing, says whether the App Management Service exists
                if (f.amsFilter || !f.filtered) facts.spListed = true;
                if (facts.amsOrigin == null && f.amsFilter) facts.amsOrigin = new Origin(f.rel, f.base(), 0);
            }
            case GRANTS -> facts.grantsRead = true;
            case DV_SYSTEMUSERS -> facts.dvUsersRead = true;
            case DV_TEAMS -> facts.dvTeamsRead = true;
            case DV_ROLES -> facts.dvRolesRead = true;
            case OAUTH_TEST, ORG_ADDINS, MAILBOX_SETTINGS -> {
            }
            default -> {
            }
        }
        if (f.receivedAt != null && (facts.takenAt == null || f.receivedAt.compareTo(facts.takenAt) > 0)) facts.takenAt = f.receivedAt;
        String host = host(f.request != null ? f.request : f.context);
        if (host != null && host.contains("dynamics")) {
            if (facts.dvHost != null && !facts.dvHost.equals(host)) {
                problems.add(new Problem(f.at(), "this export is from the Dataverse environment " + host + ", others from " + facts.dvHost
                        + ": import one environment at a time"));
            }
            facts.dvHost = host;
        }
    }

    boolean skipItems(ExportFile f) {
        return (f.kind == Kind.GROUP_MEMBERS || f.kind == Kind.ROLE_MEMBERS) && f.owner == null;
    }

    void item(ExportFile f, JsonNode item, Origin origin, Location at) {
        Reader r = registry.get(f.kind);
        if (r != null) r.item(f, item, origin, at);
    }

    static String host(String url) {
        if (url == null) return null;
        int s = url.indexOf("://");
        if (s < 0) return null;
        int e = url.indexOf('/', s + 3);
        return url.substring(s + 3, e < 0 ? url.length() : e).toLowerCase(Locale.ROOT);
    }

    // ---- Graph -----------------------------------------------------------------------------------------

    private void organization(ExportFile f, JsonNode n, Origin o, Location at) {
        Facts.OrgRec org = new Facts.OrgRec();
        org.id = text(n, "id");
        org.name = text(n, "displayName");
        org.origin = o;
        org.host = host(f.request != null ? f.request : f.context);
        boolean federated = false;
        for (JsonNode d : n.path("verifiedDomains")) {
            if (Boolean.TRUE.equals(bool(d, "isDefault"))) org.defaultDomain = text(d, "name");
            if ("Federated".equalsIgnoreCase(text(d, "type"))) federated = true;
        }
        Boolean synced = bool(n, "onPremisesSyncEnabled");
        if (federated) org.directory = "federated";
        else if (Boolean.TRUE.equals(synced)) org.directory = "synced";
        else if (n.has("verifiedDomains")) org.directory = "cloud";
        if (n.has("assignedPlans")) {
            org.assignedPlans = new ArrayList<>();
            for (JsonNode p : n.path("assignedPlans")) {
                org.assignedPlans.add(new String[]{lower(text(p, "servicePlanId")), text(p, "capabilityStatus"), text(p, "service")});
            }
        }
        if (facts.org != null && org.id != null && facts.org.id != null && !facts.org.id.equalsIgnoreCase(org.id)) {
            problems.add(new Problem(at, "a second organization '" + org.id + "' (the first is '" + facts.org.id + "'): one tenant per exports folder"));
        }
        facts.org = org;
    }

    private void sku(ExportFile f, JsonNode n, Origin o, Location at) {
        Facts.SkuRec s = new Facts.SkuRec();
        s.skuId = lower(text(n, "skuId"));
        s.partNumber = text(n, "skuPartNumber");
        s.capabilityStatus = text(n, "capabilityStatus");
        s.origin = o;
        for (JsonNode p : n.path("servicePlans")) s.plans.add(new String[]{lower(text(p, "servicePlanId")), text(p, "servicePlanName")});
        if (s.skuId == null) {
            problems.add(new Problem(at, o.pointer() + ": a subscribedSku without skuId"));
            return;
        }
        facts.skus.putIfAbsent(s.skuId, s);
    }

    private void user(ExportFile f, JsonNode n, Origin o, Location at) {
        Facts.UserRec u = new Facts.UserRec();
        u.id = text(n, "id");
        if (u.id == null) {
            problems.add(new Problem(at, o.pointer() + ": a user without id (add id to $select)"));
            return;
        }
        u.upn = text(n, "userPrincipalName");
        u.displayName = text(n, "displayName");
        u.mail = text(n, "mail");
        u.accountEnabled = bool(n, "accountEnabled");
        u.origin = o;
        if (n.has("assignedLicenses") && n.get("assignedLicenses").isArray()) {
            List<Facts.License> ls = new ArrayList<>();
            int i = 0;
            for (JsonNode l : n.get("assignedLicenses")) {
                if (!l.isObject() || text(l, "skuId") == null) {
                    problems.add(new Problem(at, o.pointer() + "/assignedLicenses/" + i + ": not a license object with a skuId"
                            + (l.isTextual() ? " but the text '" + l.asText() + "' (ConvertTo-Json needs -Depth 5 or more)" : "")));
                    return;
                }
                i++;
                List<String> disabled = new ArrayList<>();
                for (JsonNode d : l.path("disabledPlans")) disabled.add(d.asText().toLowerCase(Locale.ROOT));
                ls.add(new Facts.License(lower(text(l, "skuId")), List.copyOf(disabled)));
            }
            u.licenses = List.copyOf(ls);
        }
        facts.users.putIfAbsent(u.id, u);
    }

    private void mailboxSettings(ExportFile f, JsonNode n, Origin o, Location at) {
        if (f.owner == null) {
            problems.add(new Problem(at, "mailboxSettings, but of which user? Save it in an envelope whose 'request' names the user"));
            return;
        }
        facts.mailboxSettings.put(f.owner, true);
        facts.mailboxSettingsOrigin.put(f.owner.toLowerCase(Locale.ROOT), o);
    }

    private void group(ExportFile f, JsonNode n, Origin o, Location at) {
        Facts.GroupRec g = new Facts.GroupRec();
        g.id = text(n, "id");
        if (g.id == null) {
            problems.add(new Problem(at, o.pointer() + ": a group without id"));
            return;
        }
        g.displayName = text(n, "displayName");
        g.mail = text(n, "mail");
        g.mailEnabled = bool(n, "mailEnabled");
        g.securityEnabled = bool(n, "securityEnabled");
        if (n.has("groupTypes")) {
            List<String> types = new ArrayList<>();
            for (JsonNode t : n.get("groupTypes")) types.add(t.asText());
            g.groupTypes = List.copyOf(types);
        }
        g.origin = o;
        facts.groups.putIfAbsent(g.id, g);
    }

    private static String odataType(JsonNode n) {
        String t = text(n, "@odata.type");
        return t == null ? null : t.replace("#microsoft.graph.", "").toLowerCase(Locale.ROOT);
    }

    private void member(ExportFile f, JsonNode n, Origin o, Location at) {
        String type = odataType(n);
        String id = text(n, "id");
        if (id == null) {
            problems.add(new Problem(at, o.pointer() + ": a member without id"));
            return;
        }
        String kind = type == null ? null : switch (type) {
            case "user" -> "user";
            case "group" -> "group";
            case "device" -> "device";
            case "orgcontact" -> "contact";
            default -> null;
        };
        if (kind == null) {
            if (type == null) problems.add(new Problem(at, o.pointer() + ": a member without @odata.type (user, group, device or orgContact)"));
            else facts.warnings.add(f.rel + "#" + o.pointer() + ": member of type " + type + " ignored (the snapshot has users, groups, contacts, devices)");
            return;
        }
        facts.members.get(f.owner).add(new Facts.MemberRec(kind, id));
    }

    private void memberOf(ExportFile f, JsonNode n, Origin o, Location at) {
        if (f.owner == null) return;
        String id = text(n, "id");
        if (id != null && "group".equals(odataType(n))) facts.memberOf.get(f.owner).add(id);
    }

    private void roleInstance(ExportFile f, JsonNode n, Origin o, Location at) {
        String principal = text(n, "principalId");
        String role = lower(text(n, "roleDefinitionId"));
        if (principal == null || role == null) {
            problems.add(new Problem(at, o.pointer() + ": a role assignment without principalId or roleDefinitionId"));
            return;
        }
        String scope = text(n, "directoryScopeId");
        if (scope != null && !scope.equals("/")) return; // scoped (administrative unit, app) assignments are not tenant-wide roles
        boolean activated = "Activated".equalsIgnoreCase(text(n, "assignmentType"));
        facts.roleHolds.add(new Facts.RoleHold(principal, role, activated, o));
    }

    private void directoryRole(ExportFile f, JsonNode n, Origin o, Location at) {
        String id = text(n, "id");
        String template = lower(text(n, "roleTemplateId"));
        if (id != null && template != null) facts.directoryRoles.put(id, template);
    }

    private void roleMember(ExportFile f, JsonNode n, Origin o, Location at) {
        String id = text(n, "id");
        String type = odataType(n);
        if (id != null && (type == null || "user".equals(type))) facts.roleMembers.get(f.owner).add(id);
    }

    private void servicePrincipal(ExportFile f, JsonNode n, Origin o, Location at) {
        JsonNode vp = n.get("verifiedPublisher");
        String vpid = vp == null || vp.isNull() ? null : text(vp, "verifiedPublisherId");
        Facts.SpRec sp = new Facts.SpRec(text(n, "id"), lower(text(n, "appId")), text(n, "displayName"), bool(n, "accountEnabled"),
                vpid == null || vpid.isBlank() ? null : vpid, n.has("verifiedPublisher"));
        if (sp.id() != null) facts.servicePrincipals.putIfAbsent(sp.id(), sp);
        if (Recognizer.AMS_APP_ID.equals(sp.appId())) {
            facts.ams = sp;
            facts.amsOrigin = o;
        }
    }

    private void authorizationPolicy(ExportFile f, JsonNode n, Origin o, Location at) {
        JsonNode list = n.path("defaultUserRolePermissions").get("permissionGrantPoliciesAssigned");
        if (list == null) list = n.get("permissionGrantPolicyIdsAssignedToDefaultUserRole");
        if (list == null || !list.isArray()) {
            problems.add(new Problem(at, (o.pointer().isEmpty() ? "/" : o.pointer())
                    + ": authorizationPolicy without defaultUserRolePermissions.permissionGrantPoliciesAssigned"));
            return;
        }
        boolean on = false;
        for (JsonNode p : list) if (p.asText().toLowerCase(Locale.ROOT).startsWith("managepermissiongrantsforself.")) on = true;
        facts.userConsent = on;
        facts.consentOrigin = o;
    }

    private void grant(ExportFile f, JsonNode n, Origin o, Location at) {
        facts.grants.add(new Facts.GrantRec(text(n, "id"), text(n, "clientId"), text(n, "consentType"), text(n, "principalId"),
                text(n, "scope"), o));
    }

    // ---- Exchange Online, Centralized Deployment -------------------------------------------------------

    private void exoMailbox(ExportFile f, JsonNode n, Origin o, Location at) {
        String details = text(n, "recipientTypeDetails");
        if (details == null) return;
        String type = switch (details) {
            case "UserMailbox", "SharedMailbox", "RoomMailbox", "EquipmentMailbox", "LinkedMailbox", "SchedulingMailbox",
                 "TeamMailbox", "DiscoveryMailbox" -> "exchange-online";
            case "MailUser", "RemoteUserMailbox", "RemoteSharedMailbox", "RemoteRoomMailbox", "RemoteEquipmentMailbox" -> "on-premises";
            default -> null;
        };
        if (type == null) {
            facts.warnings.add(o + ": RecipientTypeDetails '" + details + "' not mapped (not a user mailbox)");
            return;
        }
        String state = null;
        if ("exchange-online".equals(type)) {
            state = Boolean.TRUE.equals(bool(n, "isInactiveMailbox")) ? "inactive"
                    : text(n, "whenSoftDeleted") != null || Boolean.TRUE.equals(bool(n, "isSoftDeletedByRemove")) ? "soft-deleted" : "active";
        }
        Facts.ExoRec rec = new Facts.ExoRec(type, state, o);
        for (String key : new String[]{text(n, "externalDirectoryObjectId"), text(n, "userPrincipalName"), text(n, "primarySmtpAddress")}) {
            if (key != null && !key.isBlank()) facts.exo.putIfAbsent(key.toLowerCase(Locale.ROOT), rec);
        }
    }

    private void oauthTest(ExportFile f, JsonNode n, Origin o, Location at) {
        String mailbox = f.owner != null ? f.owner : text(n, "mailbox");
        if (mailbox == null) {
            problems.add(new Problem(at, "Test-OAuthConnectivity result, but for which mailbox? Add a Mailbox property or an envelope"));
            return;
        }
        boolean ok = "Success".equalsIgnoreCase(text(n, "resultType"));
        facts.oauth.merge(mailbox.toLowerCase(Locale.ROOT), ok, Boolean::logicalAnd);
    }

    private void addIn(ExportFile f, JsonNode n, Origin o, Location at) {
        Facts.AddIn a = new Facts.AddIn();
        a.productId = lower(text(n, "productId"));
        if (a.productId == null) return;
        a.name = text(n, "displayName");
        a.assetId = text(n, "assetId");
        a.provider = text(n, "providerName");
        a.enabled = bool(n, "enabled");
        a.assignToEveryone = bool(n, "assignToEveryone");
        a.origin = o;
        // Only the per-add-in call (-ProductId) carries the assignments.
        a.detailed = f.owner != null || n.has("members");
        if (a.detailed && n.has("members")) {
            List<String> members = new ArrayList<>();
            for (JsonNode m : n.get("members")) {
                String v = m.isTextual() ? m.asText() : firstText(m, "emailAddress", "mail", "userPrincipalName", "primarySmtpAddress", "displayName");
                if (v != null) members.add(v);
            }
            a.members = List.copyOf(members);
        } else if (a.detailed && Boolean.TRUE.equals(a.assignToEveryone)) {
            a.members = List.of();
        } else {
            a.detailed = false;
        }
        Facts.AddIn earlier = facts.addIns.get(a.productId);
        if (earlier == null || (!earlier.detailed && a.detailed)) facts.addIns.put(a.productId, a);
    }

    // ---- Dataverse -------------------------------------------------------------------------------------

    private void dvOrganization(ExportFile f, JsonNode n, Origin o, Location at) {
        facts.dvEnvId = text(n, "organizationid");
        facts.dvName = text(n, "name");
        Integer channel = integer(n, "emailconnectionchannel");
        facts.dvEmailProcessing = channel == null ? null : channel == 0 ? "server-side-sync" : channel == 1 ? "email-router" : null;
        facts.dvOrigin = o;
    }

    private void dvUser(ExportFile f, JsonNode n, Origin o, Location at) {
        Facts.DvUser u = new Facts.DvUser();
        u.id = text(n, "systemuserid");
        if (u.id == null) return;
        u.name = firstText(n, "fullname", "domainname");
        u.domainName = text(n, "domainname");
        u.aadId = text(n, "azureactivedirectoryobjectid");
        u.disabled = bool(n, "isdisabled");
        u.roles = ids(n, "systemuserroles_association", "roleid");
        u.teams = ids(n, "teammembership_association", "teamid");
        u.origin = o;
        facts.dvUsers.putIfAbsent(u.id, u);
    }

    private void dvTeam(ExportFile f, JsonNode n, Origin o, Location at) {
        Facts.DvTeam t = new Facts.DvTeam();
        t.id = text(n, "teamid");
        if (t.id == null) return;
        t.name = text(n, "name");
        t.type = integer(n, "teamtype");
        t.aadGroupId = text(n, "azureactivedirectoryobjectid");
        t.roles = ids(n, "teamroles_association", "roleid");
        t.members = ids(n, "teammembership_association", "systemuserid");
        t.origin = o;
        facts.dvTeams.putIfAbsent(t.id, t);
    }

    private void dvRole(ExportFile f, JsonNode n, Origin o, Location at) {
        Facts.DvRole r = new Facts.DvRole();
        r.id = text(n, "roleid");
        if (r.id == null) return;
        r.name = text(n, "name");
        if (n.has("roleprivileges_association")) {
            List<String> ps = new ArrayList<>();
            for (JsonNode p : n.get("roleprivileges_association")) {
                String name = text(p, "name");
                if (name != null && Depth.of(p) != Depth.NONE) ps.add(name);
            }
            r.privileges = List.copyOf(ps);
        }
        r.origin = o;
        facts.dvRoles.putIfAbsent(r.id, r);
    }

    /** Privilege depth in either documented encoding: Web API 0-3 (Basic..Global) or privilegedepthmask bits 1/2/4/8. */
    enum Depth {
        NONE, BASIC, LOCAL, DEEP, GLOBAL;

        static Depth of(JsonNode p) {
            Integer mask = integer(p, "privilegedepthmask");
            if (mask != null) {
                if ((mask & 8) != 0) return GLOBAL;
                if ((mask & 4) != 0) return DEEP;
                if ((mask & 2) != 0) return LOCAL;
                if ((mask & 1) != 0) return BASIC;
                return NONE;
            }
            JsonNode d = p.get("depth");
            if (d == null || d.isNull()) return BASIC; // listed without a depth: held
            if (d.isTextual()) {
                return switch (d.asText().toLowerCase(Locale.ROOT)) {
                    case "basic" -> BASIC;
                    case "local" -> LOCAL;
                    case "deep" -> DEEP;
                    case "global" -> GLOBAL;
                    default -> BASIC;
                };
            }
            return switch (d.asInt()) {
                case 0 -> BASIC;
                case 1 -> LOCAL;
                case 2 -> DEEP;
                case 3 -> GLOBAL;
                default -> BASIC;
            };
        }
    }

    private static List<String> ids(JsonNode n, String key, String idKey) {
        JsonNode list = n.get(key);
        if (list == null || !list.isArray()) return null;
        List<String> out = new ArrayList<>();
        for (JsonNode e : list) {
            String id = text(e, idKey);
            if (id != null) out.add(id);
        }
        return List.copyOf(out);
    }

    private static String firstText(JsonNode n, String... keys) {
        for (String k : keys) {
            String v = text(n, k);
            if (v != null && !v.isBlank()) return v;
        }
        return null;
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
