package dev.preflight.collect;

import java.util.List;
import java.util.stream.Collectors;

/** Every call {@code preflight collect} makes, in the order it makes them. */
public final class Endpoints {
    private Endpoints() {
    }

    static final String TOP = "$top=999";
    /** Microsoft 365 App Management Service (TEN-004). */
    static final String APP_MANAGEMENT_SERVICE = "0517ffae-825d-4aff-999e-3f2336b8a20a";
    /** Dataverse page size, asked for with {@code Prefer: odata.maxpagesize}. */
    public static final int DATAVERSE_PAGE = 5000;

    public static final List<Endpoint> ALL = List.of(
            new Endpoint("organization", "graph", "/organization",
                    "$select=id,displayName,tenantType,onPremisesSyncEnabled,onPremisesLastSyncDateTime,verifiedDomains,assignedPlans",
                    null, 0, 0, "Organization.Read.All", "User.Read", List.of("TEN-001", "TEN-002", "TEN-003")),
            new Endpoint("subscribedSkus", "graph", "/subscribedSkus",
                    "$select=id,skuId,skuPartNumber,appliesTo,capabilityStatus,consumedUnits,prepaidUnits,servicePlans",
                    null, 0, 0, "LicenseAssignment.Read.All", "LicenseAssignment.Read.All",
                    List.of("LIC-001", "LIC-002", "LIC-003", "TEN-003")),
            new Endpoint("users", "graph", "/users",
                    "$select=id,displayName,userPrincipalName,mail,accountEnabled,userType,onPremisesSyncEnabled,assignedLicenses,assignedPlans,proxyAddresses&" + TOP,
                    null, 999, 0, "User.Read.All", "User.Read.All",
                    List.of("CDP-004", "EXO-001", "EXO-002", "GRP-007", "LIC-001", "LIC-002", "LIC-003")),
            new Endpoint("groups", "graph", "/groups",
                    "$select=id,displayName,groupTypes,mailEnabled,securityEnabled,mail,onPremisesSyncEnabled,membershipRule,membershipRuleProcessingState&" + TOP,
                    null, 999, 0, "GroupMember.Read.All", "GroupMember.Read.All",
                    List.of("CDP-004", "GRP-001", "GRP-002", "GRP-003", "GRP-004", "GRP-006")),
            new Endpoint("directoryRoles", "graph", "/directoryRoles", "$select=id,displayName,roleTemplateId",
                    null, 0, 0, "RoleManagement.Read.Directory", "RoleManagement.Read.Directory",
                    List.of("ADM-001", "ADM-002", "ADM-003", "ADM-004", "ADM-005", "ADM-006", "ADM-007")),
            new Endpoint("roleAssignmentScheduleInstances", "graph", "/roleManagement/directory/roleAssignmentScheduleInstances",
                    "$select=id,principalId,roleDefinitionId,directoryScopeId,assignmentType,memberType,startDateTime,endDateTime",
                    null, 0, 0, "RoleAssignmentSchedule.Read.Directory", "RoleAssignmentSchedule.Read.Directory",
                    List.of("ADM-001", "ADM-002", "ADM-003", "ADM-004", "ADM-005", "ADM-006", "ADM-007")),
            new Endpoint("appManagementService", "graph", "/servicePrincipals",
                    "$filter=appId%20eq%20'" + APP_MANAGEMENT_SERVICE + "'&$select=id,appId,displayName,accountEnabled,servicePrincipalType",
                    null, 0, 0, "Application.Read.All", "Application.Read.All", List.of("TEN-004")),
            new Endpoint("servicePrincipals", "graph", "/servicePrincipals",
                    "$select=id,appId,displayName,accountEnabled,servicePrincipalType,verifiedPublisher,publisherName&" + TOP,
                    null, 999, 0, "Application.Read.All", "Application.Read.All", List.of("CON-001", "CON-002")),
            new Endpoint("authorizationPolicy", "graph", "/policies/authorizationPolicy", "",
                    null, 0, 0, "Policy.Read.All", "Policy.Read.All", List.of("CON-001", "CON-003")),
            new Endpoint("oauth2PermissionGrants", "graph", "/oauth2PermissionGrants", "",
                    null, 0, 0, "DelegatedPermissionGrant.Read.All", "DelegatedPermissionGrant.Read.All", List.of("CON-001")),
            new Endpoint("groups.members", "graph", "/groups/{id}/members",
                    "$select=id,displayName,userPrincipalName,mail,groupTypes,mailEnabled,securityEnabled&" + TOP,
                    "groups", 999, Batcher.MAX_BATCH, "GroupMember.Read.All", "GroupMember.Read.All",
                    List.of("DATA-003", "DYN-007", "GRP-001", "GRP-005", "GRP-006")),
            new Endpoint("groups.memberOf", "graph", "/groups/{id}/memberOf", "$select=id,displayName&" + TOP,
                    "groups", 999, Batcher.MAX_BATCH, "GroupMember.Read.All", "GroupMember.Read.All", List.of("GRP-002")),
            new Endpoint("directoryRoles.members", "graph", "/directoryRoles/{id}/members", "$select=id,userPrincipalName",
                    "directoryRoles", 0, Batcher.MAX_BATCH, "RoleManagement.Read.Directory", "RoleManagement.Read.Directory",
                    List.of("ADM-001", "ADM-002", "ADM-003", "ADM-004", "ADM-005", "ADM-006", "ADM-007")),
            new Endpoint("users.mailboxSettings", "graph", "/users/{id}/mailboxSettings", "",
                    "users", 0, Batcher.MAX_BATCH, "MailboxSettings.Read", "MailboxSettings.Read",
                    List.of("EXO-001", "EXO-002")),
            new Endpoint("organizations", "dataverse", "/organizations",
                    "$select=organizationid,name,emailconnectionchannel,requireapprovalforuseremail,requireapprovalforqueueemail",
                    null, DATAVERSE_PAGE, 0, "prvReadOrganization", "Organization: Read (organization level)",
                    List.of("DYN-001", "DYN-010")),
            new Endpoint("RetrieveVersion", "dataverse", "/RetrieveVersion", "",
                    null, 0, 0, "(any user of the environment)", "any security role", List.of("DYN-005", "DYN-014")),
            new Endpoint("systemusers", "dataverse", "/systemusers",
                    "$select=systemuserid,domainname,internalemailaddress,azureactivedirectoryobjectid,isdisabled,_businessunitid_value"
                            + "&$expand=systemuserroles_association($select=roleid,name,_businessunitid_value),teammembership_association($select=teamid)",
                    null, DATAVERSE_PAGE, 0, "prvReadUser, prvReadRole, prvReadTeam", "User, Security Role, Team: Read (organization level)",
                    List.of("DYN-006", "DYN-007")),
            new Endpoint("teams", "dataverse", "/teams",
                    "$select=teamid,name,teamtype,azureactivedirectoryobjectid,_businessunitid_value"
                            + "&$expand=teamroles_association($select=roleid,name,_businessunitid_value)",
                    null, DATAVERSE_PAGE, 0, "prvReadTeam, prvReadRole", "Team, Security Role: Read (organization level)",
                    List.of("DYN-007")),
            new Endpoint("roles", "dataverse", "/roles",
                    "$select=roleid,name,_businessunitid_value,_parentrootroleid_value"
                            + "&$expand=roleprivileges_association($select=privilegeid,name,accessright)",
                    null, DATAVERSE_PAGE, 0, "prvReadRole", "Security Role: Read (organization level)", List.of("DYN-006")),
            new Endpoint("mailboxes", "dataverse", "/mailboxes",
                    "$select=mailboxid,name,emailaddress,_regardingobjectid_value,statecode,statuscode,emailrouteraccessapproval,"
                            + "isemailaddressapprovedbyo365admin,incomingemaildeliverymethod,outgoingemaildeliverymethod,actdeliverymethod,"
                            + "enabledforincomingemail,enabledforoutgoingemail,enabledforact,incomingemailstatus,outgoingemailstatus,actstatus,"
                            + "mailboxstatus,testemailconfigurationscheduled,testmailboxaccesscompletedon,orgmarkedasprimaryforexchangesync,"
                            + "officeappsdeploymentstatus,_emailserverprofile_value",
                    null, DATAVERSE_PAGE, 0, "prvReadMailbox", "Mailbox: Read (organization level)",
                    List.of("DYN-003", "DYN-004", "DYN-008", "DYN-012", "DYN-013", "DYN-015", "DYN-016")));

    public static Endpoint byId(String id) {
        for (Endpoint e : ALL) if (e.id().equals(id)) return e;
        throw new IllegalArgumentException(id);
    }

    public static List<Endpoint> of(String service) {
        return ALL.stream().filter(e -> e.service().equals(service)).collect(Collectors.toList());
    }

    /** The distinct permissions to grant, per service, in table order. */
    public static String grants() {
        StringBuilder b = new StringBuilder();
        for (String service : List.of("graph", "dataverse")) {
            java.util.LinkedHashSet<String> app = new java.util.LinkedHashSet<>();
            java.util.LinkedHashSet<String> del = new java.util.LinkedHashSet<>();
            for (Endpoint e : of(service)) {
                if (e.application().startsWith("(")) continue;
                app.addAll(List.of(e.application().split(", ")));
                del.add(e.delegated());
            }
            if (service.equals("graph")) {
                b.append("- Microsoft Graph, application permissions (client credentials): ").append(String.join(", ", app)).append('\n');
                b.append("- Microsoft Graph, delegated permissions (device code): ").append(String.join(", ", del)).append('\n');
            } else {
                b.append("- Dataverse (application user or signed-in user), privileges: ").append(String.join(", ", app)).append('\n');
            }
        }
        return b.toString();
    }

    /** The permission table of docs/collect.md, generated from {@link #ALL}. */
    public static String markdownTable() {
        StringBuilder b = new StringBuilder();
        b.append("| endpoint | call | page | batch | application permission | delegated permission | rules that need it |\n");
        b.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Endpoint e : ALL) {
            String call = "GET " + e.path() + (e.query().isEmpty() ? "" : "?" + e.query().replace("%20", " "));
            b.append("| ").append(e.service()).append(" `").append(e.id()).append("` | `").append(call.replace("|", "\\|"))
                    .append("`").append(e.per() == null ? "" : " (per object of `" + e.per() + "`)").append(" | ")
                    .append(e.page() == 0 ? "service default" : Integer.toString(e.page())).append(" | ")
                    .append(e.batch() == 0 ? "-" : Integer.toString(e.batch())).append(" | ")
                    .append(e.application()).append(" | ").append(e.delegated()).append(" | ")
                    .append(String.join(", ", e.rules())).append(" |\n");
        }
        return b.toString();
    }
}
