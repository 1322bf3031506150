package dev.preflight.importer;

/** What an export file holds, recognised from its content (see {@link Recognizer}). */
enum Kind {
    ORGANIZATION("Graph /organization", "tenant"),
    SKUS("Graph /subscribedSkus", "skus"),
    USERS("Graph /users", "users"),
    MAILBOX_SETTINGS("Graph /users/{id}/mailboxSettings", "users[].mailbox"),
    GROUPS("Graph /groups", "groups"),
    GROUP_MEMBERS("Graph /groups/{id}/members", "groups[].members"),
    GROUP_MEMBER_OF("Graph /groups/{id}/memberOf", "groups[].memberOf"),
    ROLE_INSTANCES("Graph /roleManagement/directory/roleAssignmentScheduleInstances", "admins"),
    ROLE_ASSIGNMENTS("Graph /roleManagement/directory/roleAssignments", "admins"),
    DIRECTORY_ROLES("Graph /directoryRoles", "admins"),
    ROLE_MEMBERS("Graph /directoryRoles/{id}/members", "admins"),
    SERVICE_PRINCIPALS("Graph /servicePrincipals", "tenant.appManagementService"),
    AUTHORIZATION_POLICY("Graph /policies/authorizationPolicy", "tenant.userConsent"),
    GRANTS("Graph /oauth2PermissionGrants", "consentGrants"),
    EXO_MAILBOXES("Exchange Online Get-EXOMailbox", "users[].mailbox"),
    OAUTH_TEST("Exchange Online Test-OAuthConnectivity", "users[].mailbox.oauth"),
    ORG_ADDINS("Centralized Deployment Get-OrganizationAddIn", "apps"),
    DV_ORGANIZATIONS("Dataverse organizations", "dynamics"),
    DV_VERSION("Dataverse RetrieveVersion", "dynamics.version"),
    DV_SYSTEMUSERS("Dataverse systemusers", "dynamics.users"),
    DV_MAILBOXES("Dataverse mailboxes", "dynamics.users[].mailbox"),
    DV_TEAMS("Dataverse teams", "dynamics.teams"),
    DV_ROLES("Dataverse roles", "dynamics.roles"),
    CLIENT_INVENTORY("Office client inventory", "users[].clients"),
    SCUBAGEAR("ScubaGear ProviderSettingsExport.json", "tenant"),
    COLLECT_MANIFEST("preflight-collect.json", null);

    final String label;
    /** The snapshot fact a failed call of this kind leaves absent (the DATA-004 findings name it). */
    final String fact;

    Kind(String label, String fact) {
        this.label = label;
        this.fact = fact;
    }

    /** Listings whose items are the body's {@code value} (or a top-level array); the rest are single objects. */
    boolean single() {
        return this == SCUBAGEAR || this == AUTHORIZATION_POLICY || this == MAILBOX_SETTINGS || this == DV_VERSION || this == COLLECT_MANIFEST;
    }
}
