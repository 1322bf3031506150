package dev.preflight.model;

import java.util.List;

/** A SaaS offer and the apps an ISV linked to it. */
public record Offer(String id, String displayName, Boolean graphIntegration, String aadAppId, List<String> appIds,
                    Location location) implements Entity {
    @Override public String kind() { return "offer"; }
    @Override public String name() { return displayName != null ? displayName : id; }
}
