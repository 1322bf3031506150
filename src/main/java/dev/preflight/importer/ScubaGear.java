package dev.preflight.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.preflight.model.Origin;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.Locale;

import static dev.preflight.importer.Normal.bool;
import static dev.preflight.importer.Normal.text;

/**
 * ScubaGear's {@code ProviderSettingsExport.json} (cisagov/ScubaGear): tenant details, licenses, the authorization
 * policy and privileged role assignments, as federal tenants already produce them. Keys are read after
 * {@link Normal#camel} (ScubaGear writes PascalCase inside snake_case sections). What it does not carry stays absent.
 */
final class ScubaGear {
    private ScubaGear() {
    }

    static void read(Facts facts, JsonNode n, String file) {
        JsonNode details = first(n.get("tenant_details"));
        if (details != null) {
            JsonNode aad = first(details.get("aadAdditionalData"));
            Facts.OrgRec org = new Facts.OrgRec();
            org.id = text(details, "tenantId");
            org.name = text(details, "displayName");
            org.origin = new Origin(file, "/tenant_details/0", 0);
            org.host = host(text(n.path("scuba_config"), "m365Environment"));
            if (aad != null) {
                boolean federated = false;
                for (JsonNode d : aad.path("verifiedDomains")) {
                    if (Boolean.TRUE.equals(bool(d, "isDefault"))) org.defaultDomain = text(d, "name");
                    if ("Federated".equalsIgnoreCase(text(d, "type"))) federated = true;
                }
                org.directory = federated ? "federated" : Boolean.TRUE.equals(bool(aad, "onPremisesSyncEnabled")) ? "synced" : "cloud";
                org.assignedPlans = new ArrayList<>();
                for (JsonNode p : aad.path("assignedPlans")) {
                    org.assignedPlans.add(new String[]{Readers.lower(text(p, "servicePlanId")), text(p, "capabilityStatus"), text(p, "service")});
                }
            }
            if (org.defaultDomain == null) org.defaultDomain = text(details, "domainName");
            facts.org = org;
        }
        JsonNode licenses = n.get("license_information");
        if (licenses != null && licenses.isArray()) {
            facts.skusRead = true;
            int i = 0;
            for (JsonNode l : licenses) {
                Facts.SkuRec s = new Facts.SkuRec();
                s.skuId = Readers.lower(text(l, "skuId"));
                s.partNumber = text(l, "skuPartNumber");
                JsonNode enabled = l.path("prepaidUnits").get("enabled");
                s.capabilityStatus = enabled == null ? null : enabled.asInt() > 0 ? "Enabled" : "Suspended";
                s.origin = new Origin(file, "/license_information/" + i++, 0);
                if (s.skuId != null) facts.skus.putIfAbsent(s.skuId, s);
            }
        }
        JsonNode policy = first(n.get("authorization_policies"));
        if (policy != null) {
            JsonNode list = policy.get("permissionGrantPolicyIdsAssignedToDefaultUserRole");
            if (list == null) list = policy.path("defaultUserRolePermissions").get("permissionGrantPoliciesAssigned");
            if (list != null && list.isArray()) {
                boolean on = false;
                for (JsonNode p : list) if (p.asText().toLowerCase(Locale.ROOT).startsWith("managepermissiongrantsforself.")) on = true;
                facts.userConsent = on;
                facts.consentOrigin = new Origin(file, "/authorization_policies/0", 0);
            }
        }
        JsonNode roles = n.get("privileged_roles");
        if (roles != null && roles.isArray()) {
            facts.roleScheduleRead = true;
            int r = 0;
            for (JsonNode role : roles) {
                String template = Readers.lower(text(role, "roleTemplateId"));
                int a = 0;
                for (JsonNode as : role.path("assignments")) {
                    String principal = text(as, "principalId");
                    String scope = text(as, "directoryScopeId");
                    if (principal != null && template != null && (scope == null || scope.equals("/"))) {
                        facts.roleHolds.add(new Facts.RoleHold(principal, template, "Activated".equalsIgnoreCase(text(as, "assignmentType")),
                                new Origin(file, "/privileged_roles/" + r + "/Assignments/" + a, 0)));
                    }
                    a++;
                }
                r++;
            }
        }
        String when = text(n, "timestamp_zulu");
        if (when != null && (facts.takenAt == null || when.compareTo(facts.takenAt) > 0)) facts.takenAt = when.replaceFirst("\\.\\d+Z$", "Z");
    }

    /** The Graph endpoint of ScubaGear's M365Environment, so the cloud is read as for Graph exports. */
    private static String host(String environment) {
        if (environment == null) return null;
        return switch (environment.toLowerCase(Locale.ROOT)) {
            case "commercial" -> "graph.microsoft.com";
            case "gcc" -> "gcc";
            case "gcchigh" -> "graph.microsoft.us";
            case "dod" -> "dod-graph.microsoft.us";
            default -> null;
        };
    }

    private static JsonNode first(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isArray()) {
            Iterator<JsonNode> it = n.elements();
            return it.hasNext() ? it.next() : null;
        }
        return n;
    }
}
