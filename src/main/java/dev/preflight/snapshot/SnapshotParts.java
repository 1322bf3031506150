package dev.preflight.snapshot;

import dev.preflight.model.AbsentSection;
import dev.preflight.model.Admin;
import dev.preflight.model.App;
import dev.preflight.model.ConsentGrant;
import dev.preflight.model.Deployment;
import dev.preflight.model.DynamicsEnvironment;
import dev.preflight.model.DynamicsTeam;
import dev.preflight.model.DynamicsUser;
import dev.preflight.model.Entity;
import dev.preflight.model.Gap;
import dev.preflight.model.Group;
import dev.preflight.model.IntegrityIssue;
import dev.preflight.model.Location;
import dev.preflight.model.Offer;
import dev.preflight.model.Operation;
import dev.preflight.model.SecurityRole;
import dev.preflight.model.Sku;
import dev.preflight.model.Snapshot;
import dev.preflight.model.SnapshotFile;
import dev.preflight.model.Tenant;
import dev.preflight.model.User;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the files of one snapshot contribute, merged: lists concatenate, single sections may appear once. */
final class SnapshotParts {
    /** The id findings use for a tenant the snapshot gives no id (or no section) for. */
    static final String NO_TENANT_ID = "(tenant)";

    final List<Sku> skus = new ArrayList<>();
    final List<User> users = new ArrayList<>();
    final List<Group> groups = new ArrayList<>();
    final List<Admin> admins = new ArrayList<>();
    final List<App> apps = new ArrayList<>();
    final List<Offer> offers = new ArrayList<>();
    final List<Deployment> deployments = new ArrayList<>();
    final List<Operation> operations = new ArrayList<>();
    final List<ConsentGrant> consentGrants = new ArrayList<>();
    final List<SecurityRole> securityRoles = new ArrayList<>();
    final List<DynamicsTeam> teams = new ArrayList<>();
    final List<DynamicsUser> dynamicsUsers = new ArrayList<>();
    /** Apps whose manifest says otherwise than the snapshot (DATA-005), found while binding. */
    final List<IntegrityIssue> contradictions = new ArrayList<>();
    /** Why imported facts are absent (section {@code gaps}). */
    final List<Gap> gaps = new ArrayList<>();
    /** The list sections some file gives (even empty). */
    final Set<String> listSections = new HashSet<>();
    private Instant takenAt;
    private Location takenAtLocation;
    private Tenant tenant;
    private DynamicsEnvironment dynamics;

    void takenAt(Instant value, Location at, List<Problem> problems) {
        if (takenAtLocation != null) {
            problems.add(new Problem(at, "section 'snapshot' is given twice (also at " + takenAtLocation + ")"));
            return;
        }
        takenAt = value;
        takenAtLocation = at;
    }

    void tenant(Tenant value, List<Problem> problems) {
        if (tenant != null) {
            problems.add(new Problem(value.location(), "section 'tenant' is given twice (also at " + tenant.location() + ")"));
            return;
        }
        tenant = value;
    }

    void dynamics(DynamicsEnvironment value, List<Problem> problems) {
        if (dynamics != null) {
            problems.add(new Problem(value.location(), "section 'dynamics' is given twice (also at " + dynamics.location() + ")"));
            return;
        }
        dynamics = value;
    }

    /** The merged snapshot; entities whose id repeats are reported as DATA-002 and only the first is kept. */
    Snapshot build(List<SnapshotFile> files, Location root, List<IntegrityIssue> issues, List<String> warnings) {
        Tenant t = tenant != null ? tenant
                : new Tenant(NO_TENANT_ID, null, null, null, null, null, null, null, null, null, root);
        return new Snapshot(List.copyOf(files), takenAt, t, unique(skus, issues), unique(users, issues),
                unique(groups, issues), unique(admins, issues), unique(apps, issues), unique(offers, issues),
                unique(deployments, issues), unique(operations, issues), unique(consentGrants, issues), dynamics,
                unique(securityRoles, issues), unique(teams, issues), unique(dynamicsUsers, issues),
                List.copyOf(issues), List.copyOf(warnings),
                AbsentSection.LISTS.stream().filter(n -> !listSections.contains(n)
                        && (!n.startsWith("dynamics.") || listSections.contains("dynamics"))).toList(), List.copyOf(gaps));
    }

    private static <T extends Entity> List<T> unique(List<T> entities, List<IntegrityIssue> issues) {
        Map<String, T> first = new HashMap<>();
        List<T> out = new ArrayList<>(entities.size());
        for (T e : entities) {
            T earlier = first.putIfAbsent(e.id(), e);
            if (earlier == null) {
                out.add(e);
            } else {
                issues.add(new IntegrityIssue("DATA-002", e.kind(), e.id(),
                        "two " + e.kind() + " entries share the id '" + e.id() + "'",
                        List.of("first: " + earlier.location(), "again: " + e.location()), e.location()));
            }
        }
        return List.copyOf(out);
    }
}
