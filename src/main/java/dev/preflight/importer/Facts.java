package dev.preflight.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.preflight.model.Origin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the readers gathered, before it is joined and written as a snapshot. Absent stays null. */
final class Facts {
    static final class OrgRec {
        String id, name, defaultDomain, directory, host;
        List<String[]> assignedPlans; // {servicePlanId, capabilityStatus, service}
        Origin origin;
    }

    static final class SkuRec {
        String skuId, partNumber, capabilityStatus;
        List<String[]> plans = new ArrayList<>(); // {servicePlanId, servicePlanName}
        Origin origin;
    }

    record License(String skuId, List<String> disabledPlans) {
    }

    static final class UserRec {
        String id, upn, displayName, mail;
        Boolean accountEnabled;
        List<License> licenses;
        String mailboxType, mailboxState;
        Boolean oauth;
        String exchangeVia; // which export told the mailbox
        Origin origin;
        List<String[]> clients; // {app, platform, edition, version}
    }

    record MemberRec(String kind, String id) {
    }

    static final class GroupRec {
        String id, displayName, mail;
        List<String> groupTypes;
        Boolean mailEnabled, securityEnabled;
        List<MemberRec> members;
        Origin origin;
    }

    record RoleHold(String principalId, String roleTemplateId, boolean activated, Origin origin) {
    }

    record SpRec(String id, String appId, String displayName, Boolean accountEnabled, String verifiedPublisherId, boolean publisherGiven) {
    }

    record GrantRec(String id, String clientId, String consentType, String principalId, String scope, Origin origin) {
    }

    static final class AddIn {
        String productId, name, assetId, provider;
        Boolean enabled, assignToEveryone;
        List<String> members;
        boolean detailed;
        Origin origin;
    }

    static final class DvUser {
        String id, name, domainName, aadId;
        Boolean disabled;
        List<String> roles, teams;
        JsonNode mailbox;
        Origin origin;
    }

    static final class DvTeam {
        String id, name, aadGroupId;
        Integer type;
        List<String> roles, members;
        Origin origin;
    }

    static final class DvRole {
        String id, name;
        List<String> privileges;
        Origin origin;
    }

    record GapRec(String fact, String subject, String reason, Origin origin) {
    }

    OrgRec org;
    final Map<String, SkuRec> skus = new LinkedHashMap<>();
    boolean skusRead;
    final Map<String, UserRec> users = new LinkedHashMap<>();
    boolean usersRead;
    final Map<String, GroupRec> groups = new LinkedHashMap<>();
    boolean groupsRead;
    /** Direct members per group id, in page order; a group missing here has members nobody exported. */
    final Map<String, List<MemberRec>> members = new LinkedHashMap<>();
    final Map<String, Origin> membersOrigin = new LinkedHashMap<>();
    final Map<String, List<String>> memberOf = new LinkedHashMap<>();
    final List<RoleHold> roleHolds = new ArrayList<>();
    boolean roleScheduleRead;
    final Map<String, String> directoryRoles = new LinkedHashMap<>(); // role id -> template id
    final Map<String, List<String>> roleMembers = new LinkedHashMap<>(); // role id or template:<id> -> principals
    final Map<String, Origin> roleMembersOrigin = new LinkedHashMap<>();
    final Map<String, SpRec> servicePrincipals = new LinkedHashMap<>();
    boolean spListed;
    SpRec ams;
    Origin amsOrigin;
    Boolean userConsent;
    Origin consentOrigin;
    final List<GrantRec> grants = new ArrayList<>();
    boolean grantsRead;
    /** Mailbox facts by user id or UPN/mail (joined at the end). */
    record ExoRec(String type, String state, Origin origin) {
    }

    final Map<String, ExoRec> exo = new LinkedHashMap<>();
    /** Where each user's mailboxSettings answer came from. */
    final Map<String, Origin> mailboxSettingsOrigin = new LinkedHashMap<>();
    final Map<String, Boolean> mailboxSettings = new LinkedHashMap<>(); // user -> in Exchange Online
    final Map<String, Boolean> oauth = new LinkedHashMap<>();
    final Map<String, AddIn> addIns = new LinkedHashMap<>();
    String dvEnvId, dvName, dvEmailProcessing, dvVersion, dvHost;
    Origin dvOrigin;
    final Map<String, DvUser> dvUsers = new LinkedHashMap<>();
    boolean dvUsersRead;
    final Map<String, DvTeam> dvTeams = new LinkedHashMap<>();
    boolean dvTeamsRead;
    final Map<String, DvRole> dvRoles = new LinkedHashMap<>();
    boolean dvRolesRead;
    final List<JsonNode> dvMailboxes = new ArrayList<>();
    final List<Origin> dvMailboxOrigins = new ArrayList<>();
    final List<GapRec> gaps = new ArrayList<>();
    final Map<String, String> membersFailed = new LinkedHashMap<>();
    String rolesFailed, usersFailed, groupsFailed;
    final List<String> warnings = new ArrayList<>();
    String takenAt;
    /** Office clients by user (UPN, mail or id, lower case): {app, platform, edition, version}. */
    final Map<String, List<String[]>> clients = new LinkedHashMap<>();
    final Map<String, Origin> clientOrigins = new LinkedHashMap<>();
}
