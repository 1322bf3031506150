package dev.preflight.model;

import java.time.Instant;
import java.util.List;

/**
 * A whole tenant snapshot: the files it was read from and every entity, in file order; {@code warnings} are
 * notes about the input itself (e.g. credential-like values that were redacted); {@code absentLists} names the list
 * sections no file gives, whose facts are unknown rather than none (see {@link AbsentSection}); {@code gaps} says why
 * facts of an imported snapshot are absent (see {@link Gap}).
 */
public record Snapshot(List<SnapshotFile> files, Instant takenAt, Tenant tenant, List<Sku> skus, List<User> users,
                       List<Group> groups, List<Admin> admins, List<App> apps, List<Offer> offers,
                       List<Deployment> deployments, List<Operation> operations, List<ConsentGrant> consentGrants,
                       DynamicsEnvironment dynamics, List<SecurityRole> securityRoles, List<DynamicsTeam> teams,
                       List<DynamicsUser> dynamicsUsers, List<IntegrityIssue> integrityIssues, List<String> warnings,
                       List<String> absentLists, List<Gap> gaps) {
}
