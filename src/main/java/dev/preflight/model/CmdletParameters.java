package dev.preflight.model;

import java.util.List;
import java.util.Set;

/**
 * Parameters of a planned Centralized Deployment cmdlet; {@code given} names the parameters present,
 * {@code memberLocations} where each of {@code members} is written (null when members is).
 */
public record CmdletParameters(String productId, String assetId, String manifestPath, String locale,
                               String contentMarket, List<String> members, Boolean add, Boolean remove,
                               Boolean assignToEveryone, Boolean enabled, Set<String> given, List<Location> memberLocations) {
    /** The parameters of an operation whose snapshot entry gives none: {@code given} is null (unknown, not "none"). */
    public static final CmdletParameters ABSENT =
            new CmdletParameters(null, null, null, null, null, null, null, null, null, null, null, null);
    public static final CmdletParameters NONE =
            new CmdletParameters(null, null, null, null, null, null, null, null, null, null, Set.of(), null);

    public boolean has(String parameter) { return given != null && given.contains(parameter); }

    /** Where member {@code i} is written, or {@code fallback} when that is not known. */
    public Location memberLocation(int i, Location fallback) {
        return memberLocations != null && i < memberLocations.size() ? memberLocations.get(i) : fallback;
    }
}
