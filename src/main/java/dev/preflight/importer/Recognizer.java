package dev.preflight.importer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells what a file holds from its content, never its name: the envelope's request, else the body's
 * {@code @odata.context}, else the properties of its first item. Returns false when nothing fits.
 */
final class Recognizer {
    static final String AMS_APP_ID = "0517ffae-825d-4aff-999e-3f2336b8a20a";
    private static final Pattern METHOD_URL = Pattern.compile("^(GET|POST)\\s+(https?://.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PS_PARAM = Pattern.compile("-(\\w+)\\s+(?:'([^']*)'|\"([^\"]*)\"|(\\S+))");

    private Recognizer() {
    }

    static boolean recognise(ExportFile f, ClientInventory.Columns inventory) {
        if (f.kind == Kind.COLLECT_MANIFEST) return true;
        if (ClientInventory.isIntune(f.keys) || (f.shape == ExportFile.Shape.CSV && inventory.matches(f.keys))) {
            f.kind = Kind.CLIENT_INVENTORY;
            f.intune = ClientInventory.isIntune(f.keys);
            return true;
        }
        if (f.request != null && fromRequest(f, f.request.trim())) return true;
        if (f.context != null && fromContext(f, f.context)) return true;
        return fromKeys(f);
    }

    private static boolean fromRequest(ExportFile f, String request) {
        Matcher m = METHOD_URL.matcher(request);
        if (m.matches()) return fromUrl(f, m.group(2));
        if (request.startsWith("http")) return fromUrl(f, request);
        // a PowerShell command line
        String cmdlet = request.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        String rest = request.length() > cmdlet.length() ? request.substring(cmdlet.length()) : "";
        Kind k = switch (cmdlet) {
            case "get-exomailbox", "get-mailbox", "get-exorecipient", "get-recipient" -> Kind.EXO_MAILBOXES;
            case "test-oauthconnectivity" -> Kind.OAUTH_TEST;
            case "get-organizationaddin" -> Kind.ORG_ADDINS;
            case "get-mguser" -> Kind.USERS;
            case "get-mggroup" -> Kind.GROUPS;
            case "get-mggroupmember" -> Kind.GROUP_MEMBERS;
            case "get-mggroupmemberof" -> Kind.GROUP_MEMBER_OF;
            case "get-mgsubscribedsku" -> Kind.SKUS;
            case "get-mgorganization" -> Kind.ORGANIZATION;
            case "get-mgserviceprincipal" -> Kind.SERVICE_PRINCIPALS;
            case "get-mgpolicyauthorizationpolicy" -> Kind.AUTHORIZATION_POLICY;
            case "get-mgoauth2permissiongrant" -> Kind.GRANTS;
            case "get-mgrolemanagementdirectoryroleassignmentscheduleinstance" -> Kind.ROLE_INSTANCES;
            case "get-mgrolemanagementdirectoryroleassignment" -> Kind.ROLE_ASSIGNMENTS;
            case "get-mgdirectoryrole" -> Kind.DIRECTORY_ROLES;
            case "get-mgdirectoryrolemember" -> Kind.ROLE_MEMBERS;
            case "get-mgusermailboxsetting" -> Kind.MAILBOX_SETTINGS;
            default -> null;
        };
        if (k == null) return false;
        f.kind = k;
        f.owner = switch (k) {
            case OAUTH_TEST -> param(rest, "Mailbox");
            case ORG_ADDINS -> param(rest, "ProductId");
            case GROUP_MEMBERS, GROUP_MEMBER_OF -> param(rest, "GroupId");
            case ROLE_MEMBERS -> param(rest, "DirectoryRoleId");
            case MAILBOX_SETTINGS -> param(rest, "UserId");
            default -> null;
        };
        if (k == Kind.SERVICE_PRINCIPALS && rest.toLowerCase(Locale.ROOT).contains(AMS_APP_ID)) f.amsFilter = true;
        if (rest.toLowerCase(Locale.ROOT).contains("-filter") || rest.toLowerCase(Locale.ROOT).contains("-serviceprincipalid")) f.filtered = true;
        return true;
    }

    static String param(String commandLine, String name) {
        Matcher m = PS_PARAM.matcher(commandLine);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(name)) {
                return m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            }
        }
        return null;
    }

    private static boolean fromUrl(ExportFile f, String url) {
        String decoded = URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
        int q = decoded.indexOf('?');
        String query = q < 0 ? "" : decoded.substring(q + 1);
        String noQuery = q < 0 ? decoded : decoded.substring(0, q);
        int hostEnd = noQuery.indexOf('/', noQuery.indexOf("//") + 2);
        String path = hostEnd < 0 ? "" : noQuery.substring(hostEnd + 1);
        path = path.replaceFirst("(?i)^(v1\\.0|beta)/", "").replaceFirst("(?i)^api/data/v[0-9.]+/", "");
        if (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        String[] seg = path.split("/");
        String s0 = seg[0].toLowerCase(Locale.ROOT);
        if (query.toLowerCase(Locale.ROOT).contains(AMS_APP_ID) || s0.contains(AMS_APP_ID)) f.amsFilter = true;
        if (query.toLowerCase(Locale.ROOT).contains("$filter") || s0.contains("(")) f.filtered = true;
        String set = s0.contains("(") ? s0.substring(0, s0.indexOf('(')) : s0;
        String key = s0.contains("(") ? s0.substring(s0.indexOf('(') + 1, s0.lastIndexOf(')') > 0 ? s0.lastIndexOf(')') : s0.length()) : null;
        String owner = seg.length > 1 ? seg[1] : key;
        String sub = seg.length > 2 ? seg[2].toLowerCase(Locale.ROOT) : seg.length == 2 && key != null ? seg[1].toLowerCase(Locale.ROOT) : null;
        if (key != null && seg.length >= 2) {
            owner = unquote(key.contains("=") ? key.substring(key.indexOf('=') + 1) : key);
            sub = seg[1].toLowerCase(Locale.ROOT);
        }
        Kind k = switch (set) {
            case "organization" -> Kind.ORGANIZATION;
            case "subscribedskus" -> Kind.SKUS;
            case "users" -> seg.length == 1 && key == null ? Kind.USERS : "mailboxsettings".equals(sub) ? Kind.MAILBOX_SETTINGS : null;
            case "groups" -> seg.length == 1 ? Kind.GROUPS : "members".equals(sub) ? Kind.GROUP_MEMBERS : "memberof".equals(sub) ? Kind.GROUP_MEMBER_OF : null;
            case "rolemanagement" -> path.toLowerCase(Locale.ROOT).startsWith("rolemanagement/directory/roleassignmentscheduleinstances") ? Kind.ROLE_INSTANCES
                    : path.toLowerCase(Locale.ROOT).startsWith("rolemanagement/directory/roleassignments") ? Kind.ROLE_ASSIGNMENTS : null;
            case "directoryroles" -> seg.length == 1 && key == null ? Kind.DIRECTORY_ROLES : "members".equals(sub) ? Kind.ROLE_MEMBERS : null;
            case "serviceprincipals" -> Kind.SERVICE_PRINCIPALS;
            case "policies" -> path.toLowerCase(Locale.ROOT).startsWith("policies/authorizationpolicy") ? Kind.AUTHORIZATION_POLICY : null;
            case "oauth2permissiongrants" -> Kind.GRANTS;
            case "organizations" -> Kind.DV_ORGANIZATIONS;
            case "retrieveversion", "retrieveversion()" -> Kind.DV_VERSION;
            case "systemusers" -> Kind.DV_SYSTEMUSERS;
            case "mailboxes" -> Kind.DV_MAILBOXES;
            case "teams" -> Kind.DV_TEAMS;
            case "roles" -> Kind.DV_ROLES;
            default -> null;
        };
        if (k == null) return false;
        f.kind = k;
        if (k == Kind.MAILBOX_SETTINGS || k == Kind.GROUP_MEMBERS || k == Kind.GROUP_MEMBER_OF || k == Kind.ROLE_MEMBERS) {
            // keep the original case of the id or UPN
            String[] orig = noQuery.substring(hostEnd + 1).replaceFirst("(?i)^(v1\\.0|beta)/", "").split("/");
            String o = orig[0].contains("(") ? unquote(orig[0].substring(orig[0].indexOf('(') + 1, orig[0].lastIndexOf(')')))
                    : orig.length > 1 ? orig[1] : owner;
            if (o.contains("=")) o = "template:" + unquote(o.substring(o.indexOf('=') + 1));
            f.owner = o;
        }
        return true;
    }

    private static String unquote(String s) {
        s = s.trim();
        return s.length() >= 2 && s.startsWith("'") && s.endsWith("'") ? s.substring(1, s.length() - 1) : s;
    }

    private static boolean fromContext(ExportFile f, String context) {
        int hash = context.indexOf("$metadata#");
        if (hash < 0) return false;
        String what = context.substring(hash + "$metadata#".length());
        boolean dataverse = context.contains("/api/data/");
        if (what.startsWith("users('") || what.startsWith("users(")) {
            int close = what.indexOf(')');
            if (close > 0 && what.startsWith("/mailboxSettings", close + 1)) {
                f.kind = Kind.MAILBOX_SETTINGS;
                f.owner = unquote(what.substring(6, close));
                return true;
            }
        }
        String set = what.split("[(/]", 2)[0];
        if (what.startsWith("roleManagement/directory/roleAssignmentScheduleInstances")) set = "roleAssignmentScheduleInstances";
        else if (what.startsWith("roleManagement/directory/roleAssignments")) set = "roleAssignments";
        else if (what.startsWith("policies/authorizationPolicy")) set = "authorizationPolicy";
        Kind k = switch (set) {
            case "organization" -> Kind.ORGANIZATION;
            case "subscribedSkus" -> Kind.SKUS;
            case "users" -> Kind.USERS;
            case "groups" -> Kind.GROUPS;
            case "roleAssignmentScheduleInstances" -> Kind.ROLE_INSTANCES;
            case "roleAssignments" -> Kind.ROLE_ASSIGNMENTS;
            case "directoryRoles" -> Kind.DIRECTORY_ROLES;
            case "servicePrincipals" -> Kind.SERVICE_PRINCIPALS;
            case "authorizationPolicy" -> Kind.AUTHORIZATION_POLICY;
            case "oauth2PermissionGrants" -> Kind.GRANTS;
            case "organizations" -> dataverse ? Kind.DV_ORGANIZATIONS : null;
            case "systemusers" -> Kind.DV_SYSTEMUSERS;
            case "mailboxes" -> Kind.DV_MAILBOXES;
            case "teams" -> dataverse ? Kind.DV_TEAMS : null;
            case "roles" -> dataverse ? Kind.DV_ROLES : null;
            case "Microsoft.Dynamics.CRM.RetrieveVersionResponse" -> Kind.DV_VERSION;
            default -> null;
        };
        if (k == null) return false;
        f.kind = k;
        return true;
    }

    private static boolean fromKeys(ExportFile f) {
        Set<String> k = f.keys;
        Kind kind = null;
        if (k.contains("baseline_version") && k.contains("tenant_details") && k.contains("module_version")) kind = Kind.SCUBAGEAR;
        else if (k.contains("recipientTypeDetails")) kind = Kind.EXO_MAILBOXES;
        else if (k.contains("skuPartNumber") && (k.contains("servicePlans") || k.contains("prepaidUnits"))) kind = Kind.SKUS;
        else if (k.contains("verifiedDomains")) kind = Kind.ORGANIZATION;
        else if (k.contains("userPrincipalName") && (k.contains("assignedLicenses") || k.contains("accountEnabled"))) kind = Kind.USERS;
        else if (k.contains("groupTypes") || (k.contains("securityEnabled") && k.contains("mailEnabled"))) kind = Kind.GROUPS;
        else if (k.contains("defaultUserRolePermissions") || k.contains("permissionGrantPolicyIdsAssignedToDefaultUserRole")) kind = Kind.AUTHORIZATION_POLICY;
        else if (k.contains("consentType") && k.contains("clientId") && k.contains("resourceId")) kind = Kind.GRANTS;
        else if (k.contains("roleDefinitionId") && k.contains("principalId")) kind = k.contains("assignmentType") ? Kind.ROLE_INSTANCES : Kind.ROLE_ASSIGNMENTS;
        else if (k.contains("roleTemplateId") && !k.contains("principalId")) kind = Kind.DIRECTORY_ROLES;
        else if (k.contains("appId") && (k.contains("servicePrincipalType") || k.contains("verifiedPublisher"))) kind = Kind.SERVICE_PRINCIPALS;
        else if (k.contains("productId") && (k.contains("displayName") || k.contains("assetId"))) kind = Kind.ORG_ADDINS;
        else if (k.contains("resultType") && (k.contains("mailbox") || f.owner != null)) kind = Kind.OAUTH_TEST;
        else if (k.contains("systemuserid") && k.contains("domainname")) kind = Kind.DV_SYSTEMUSERS;
        else if (k.contains("mailboxid")) kind = Kind.DV_MAILBOXES;
        else if (k.contains("teamid") && k.contains("teamtype")) kind = Kind.DV_TEAMS;
        else if (k.contains("roleid") && k.contains("name") && !k.contains("systemuserid")) kind = Kind.DV_ROLES;
        else if (k.contains("organizationid") && k.contains("emailconnectionchannel")) kind = Kind.DV_ORGANIZATIONS;
        if (kind == null) return false;
        f.kind = kind;
        return true;
    }
}
