package dev.preflight.apps;

import dev.preflight.model.Location;

/**
 * One member address of a planned cmdlet (its -Members), and what it resolves to in the snapshot: "user",
 * "group", or null when it resolves to nothing (CDP-004).
 */
public record MemberAddress(String operationId, String address, String resolvesTo, Location location) {
    public boolean emailAddress() {
        int at = address.indexOf('@');
        return at > 0 && at == address.lastIndexOf('@') && address.indexOf('.', at) > at + 1 && !address.contains(" ");
    }
}
