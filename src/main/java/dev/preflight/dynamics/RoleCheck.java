package dev.preflight.dynamics;

import java.util.List;

/**
 * A Dynamics user against the App for Outlook role: whether they hold the role themselves, which of the 24
 * minimum privileges their own roles lack, roles whose privileges were not exported, whether a team of theirs holds
 * the role (which does not propagate), and whether their roles are unknown altogether.
 */
public record RoleCheck(String userId, boolean roleDirect, List<String> missingPrivileges, List<String> rolesWithoutPrivileges,
                        boolean roleViaTeam, boolean rolesUnknown, String teamRoleUnknown) {
}
