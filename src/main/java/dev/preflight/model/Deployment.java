package dev.preflight.model;

import java.time.Instant;
import java.util.List;

/**
 * A deployment of an app, done or planned, with its assignment (everyone, specific, just-me). {@code targets}
 * is null when the snapshot does not list them.
 */
public record Deployment(String id, String appId, String status, String by, Instant at, String assignment,
                         Boolean test, List<Member> targets, Location location) implements Entity {
    @Override public String kind() { return "deployment"; }
    @Override public String name() { return id; }

    public boolean everyone() { return "everyone".equals(assignment); }
}
