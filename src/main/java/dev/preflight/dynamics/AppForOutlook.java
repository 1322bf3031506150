package dev.preflight.dynamics;

import dev.preflight.model.DynamicsTeam;
import dev.preflight.model.DynamicsUser;
import dev.preflight.model.SecurityRole;
import dev.preflight.model.Snapshot;
import dev.preflight.tables.Tables;
import dev.preflight.version.Version;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What Dynamics 365 App for Outlook needs (seed 004), in one place, and each user's standing against it. */
public final class AppForOutlook {
    public static final String ROLE = "Dynamics 365 App for Outlook User";
    /** The role exists from this build on (DYN-005). */
    public static final Version ROLE_BUILD = Version.parse("9.1.0.4206");
    /** Customer Engagement (on-premises) must be version 9 or later (DYN-014). */
    public static final int ON_PREMISES_MAJOR = 9;

    /** The role's minimum privileges: the table in force ({@code dynamics/app-for-outlook-privileges.csv}, see {@link Tables}). */
    public static List<String> privileges() {
        return Tables.inForce().privileges();
    }

    private AppForOutlook() {
    }

    public static boolean older(String version, Version minimum) {
        return version != null && Version.parse(version).isBelow(minimum);
    }

    public static boolean onPremisesBelowNine(String version) {
        return version != null && Version.parse(version).major() < ON_PREMISES_MAJOR;
    }

    /** Each Dynamics user's roles and privileges against the App for Outlook User role (DYN-006, DYN-007). */
    public static List<RoleCheck> checks(Snapshot s) {
        Map<String, SecurityRole> roles = new HashMap<>();
        for (SecurityRole r : s.securityRoles()) roles.put(r.id(), r);
        Map<String, List<DynamicsTeam>> teamsOf = new HashMap<>();
        for (DynamicsTeam t : s.teams()) {
            if (t.members() == null) continue;
            for (String m : t.members()) teamsOf.computeIfAbsent(m, k -> new ArrayList<>()).add(t);
        }
        List<RoleCheck> out = new ArrayList<>();
        List<String> PRIVILEGES = privileges();
        for (DynamicsUser u : s.dynamicsUsers()) {
            if (u.roles() == null) {
                out.add(new RoleCheck(u.id(), false, PRIVILEGES, List.of(), false, true, "dynamics.users[].roles"));
                continue;
            }
            boolean direct = false;
            Set<String> have = new LinkedHashSet<>();
            List<String> unknownRoles = new ArrayList<>();
            for (String id : u.roles()) {
                SecurityRole r = roles.get(id);
                if (r == null) continue; // dangling: DATA-001
                if (ROLE.equalsIgnoreCase(String.valueOf(r.displayName()))) direct = true;
                if (r.privileges() == null) unknownRoles.add(r.name());
                else have.addAll(r.privileges());
            }
            List<String> missing = PRIVILEGES.stream().filter(p -> !have.contains(p)).toList();
            boolean viaTeam = false;
            // What leaves open whether the role comes through a team (DYN-007), when it is not found there.
            String teamUnknown = null;
            for (String id : u.roles()) {
                SecurityRole r = roles.get(id);
                if (r != null && r.displayName() == null) teamUnknown = "dynamics.roles[].name";
            }
            if (s.absentLists().contains("dynamics.teams")) teamUnknown = "dynamics.teams";
            for (DynamicsTeam t : s.teams()) {
                if (t.members() == null && teamUnknown == null) teamUnknown = "dynamics.teams[].members";
            }
            for (DynamicsTeam t : teamsOf.getOrDefault(u.id(), List.of())) {
                if (t.roles() == null) {
                    if (teamUnknown == null) teamUnknown = "dynamics.teams[].roles";
                    continue;
                }
                for (String id : t.roles()) {
                    SecurityRole r = roles.get(id);
                    if (r != null && ROLE.equalsIgnoreCase(String.valueOf(r.displayName()))) viaTeam = true;
                    if (r != null && r.displayName() == null && teamUnknown == null) teamUnknown = "dynamics.roles[].name";
                }
            }
            out.add(new RoleCheck(u.id(), direct, missing, List.copyOf(unknownRoles), viaTeam, false,
                    direct || viaTeam ? null : teamUnknown));
        }
        return out;
    }
}
