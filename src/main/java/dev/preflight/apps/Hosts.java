package dev.preflight.apps;

import java.util.List;
import java.util.Set;

/** The hosts Integrated apps deploys add-ins for (seed 000): Word, Excel, PowerPoint and Outlook. */
public final class Hosts {
    public static final Set<String> SUPPORTED = Set.of("word", "excel", "powerpoint", "outlook");

    private Hosts() {
    }

    /**
     * Hosts that keep the add-in from being deployed: all of them when none is supported; for a custom upload, any
     * host outside the four.
     */
    public static List<String> unsupported(List<String> hosts, String origin) {
        List<String> outside = hosts.stream().filter(h -> !SUPPORTED.contains(h)).toList();
        boolean none = hosts.stream().noneMatch(SUPPORTED::contains);
        if (none) return hosts.isEmpty() ? List.of("(none)") : hosts;
        return "custom".equals(origin) ? outside : List.of();
    }

    public static String describe(List<String> hosts, String origin) {
        List<String> bad = unsupported(hosts, origin);
        boolean none = hosts.stream().noneMatch(SUPPORTED::contains);
        return none ? "targets none of Word, Excel, PowerPoint and Outlook (" + String.join(", ", bad) + ")"
                : "is a custom upload that lists " + String.join(", ", bad) + ", a host outside Word, Excel, PowerPoint and Outlook";
    }
}
