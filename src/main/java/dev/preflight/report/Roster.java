package dev.preflight.report;

import dev.preflight.assign.AssignedUser;
import dev.preflight.assign.Assignments;
import dev.preflight.licensing.Licensing;
import dev.preflight.model.App;
import dev.preflight.model.Offer;
import dev.preflight.model.Snapshot;
import dev.preflight.model.User;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts about a tenant's people and apps that the readiness view joins with the findings, shared by every
 * deployment of a report: the users (from the one classification, {@link Assignments}), which add-in deployments the
 * per-user rules judged each user for, the apps (their hosts), the offers linking each app, and what the users'
 * licenses are. Nothing here recomputes who a deployment reaches: that is the deployment's {@code Audience}.
 */
public final class Roster {
    private final Snapshot snapshot;
    private final Assignments assignments;
    /** Indexed on first use, so a report that shows no readiness does none of this work. */
    private Map<String, App> apps;
    private Map<String, List<String>> offersByApp;
    private Report readinessOf;
    private java.lang.ref.SoftReference<Readiness> readiness = new java.lang.ref.SoftReference<>(null);

    public Roster(Snapshot snapshot, Assignments assignments) {
        this.snapshot = snapshot;
        this.assignments = assignments;
    }

    private synchronized void index() {
        if (apps != null) return;
        Map<String, App> byId = new HashMap<>();
        for (App a : snapshot.apps()) byId.putIfAbsent(a.id(), a);
        Map<String, List<String>> offers = new HashMap<>();
        for (Offer o : snapshot.offers()) {
            if (o.appIds() == null) continue;
            for (String app : o.appIds()) offers.computeIfAbsent(app, k -> new ArrayList<>()).add(o.id());
        }
        offersByApp = offers;
        apps = byId;
    }

    /** The user with this id, or null. */
    public User user(String id) {
        return assignments.user(id);
    }

    /** The app with this id, or null. */
    public App app(String id) {
        index();
        return apps.get(id);
    }

    /** The offers that link the app, in snapshot order. */
    public List<String> offers(String appId) {
        index();
        return offersByApp.getOrDefault(appId, List.of());
    }

    /** Whether the per-user rules judged the user for this deployment (it is among the user's add-in deployments). */
    public boolean judged(String userId, String deploymentId) {
        AssignedUser a = assignments.assignedUser(userId);
        return a != null && a.deploymentIds().contains(deploymentId);
    }

    /** The direct user members of a group (for a finding about an assigned group: who it concerns). */
    public List<String> directUsers(String groupId) {
        return assignments.graph().group(groupId) == null ? List.of() : assignments.graph().directUsers(groupId);
    }

    /** An audience's unknown as people read it: {@code groups[g].members} becomes groups[].members (of group 'Name'). */
    public String fact(String unknown) {
        if (unknown.startsWith("groups[") && unknown.indexOf(']') > 0) {
            String gid = unknown.substring("groups[".length(), unknown.indexOf(']'));
            return "groups[]" + unknown.substring(unknown.indexOf(']') + 1) + " (of group '" + assignments.graph().name(gid) + "')";
        }
        return unknown;
    }

    /** The product name of a license (skuPartNumber or skuId) as the licensing table knows it, else the value as written. */
    public String productName(String sku) {
        Licensing.Product p = assignments.licensing().product(sku);
        return p == null || p.name() == null ? sku : p.name();
    }

    /**
     * The readiness of {@code report} (a report of this roster), built on first use and kept for the formats after
     * (softly: under memory pressure it is built again rather than kept).
     */
    synchronized Readiness readiness(Report report, java.util.function.Function<Report, Readiness> build) {
        Readiness kept = readiness.get();
        if (kept == null || readinessOf != report) { // the same report object, not an equal one: a policy makes new reports
            kept = build.apply(report);
            readiness = new java.lang.ref.SoftReference<>(kept);
            readinessOf = report;
        }
        return kept;
    }
}
