package dev.preflight.collect;

import java.util.Locale;

/**
 * A large tenant made up on the fly, in the shapes of the recorded one: {@code users} users paged by {@code $top}
 * (999 as the collector asks), {@code groups} groups, each with {@code membersPerGroup} user members and no parent,
 * and a mailbox for every user. Pages are built per request, so the replay holds nothing in memory.
 */
final class GeneratedTenant implements ReplayServer.Source {
    static final String G = ReplayServer.GRAPH + "/v1.0";
    private final String prefix;
    private final int users;
    private final int groups;
    private final int membersPerGroup;

    GeneratedTenant(String prefix, int users, int groups, int membersPerGroup) {
        this.prefix = prefix;
        this.users = users;
        this.groups = groups;
        this.membersPerGroup = membersPerGroup;
    }

    String userId(int i) {
        return String.format(Locale.ROOT, "%s-0000-0000-0000-%012d", prefix + "a", i);
    }

    String groupId(int i) {
        return String.format(Locale.ROOT, "%s-0000-0000-0000-%012d", prefix + "b", i);
    }

    @Override
    public ReplayServer.Answer answer(String method, String url) {
        String path = url.substring(G.length());
        String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
        path = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        int skip = 0;
        for (String kv : query.split("&")) if (kv.startsWith("$skiptoken=")) skip = Integer.parseInt(kv.substring(11));
        switch (path) {
            case "/users":
                return page("users", path, skip, users, 999, this::user);
            case "/groups":
                return page("groups", path, skip, groups, 999, this::group);
            case "/organization":
                return ok("{\"@odata.context\":\"" + G + "/$metadata#organization\",\"value\":[{\"id\":\"" + prefix
                        + "c-0000-0000-0000-000000000001\",\"displayName\":\"Generated\",\"verifiedDomains\":[]}]}");
            case "/policies/authorizationPolicy":
                return ok("{\"id\":\"authorizationPolicy\",\"defaultUserRolePermissions\":{\"permissionGrantPoliciesAssigned\":[]}}");
            default:
                break;
        }
        if (path.startsWith("/groups/") && path.endsWith("/members")) {
            int g = Integer.parseInt(path.substring(path.lastIndexOf('-', path.length() - 9) + 1, path.length() - 8));
            StringBuilder b = new StringBuilder("{\"@odata.context\":\"" + G + "/$metadata#directoryObjects\",\"value\":[");
            for (int k = 0; k < membersPerGroup; k++) {
                int u = 1 + (int) (((long) g * membersPerGroup + k) % users);
                if (k > 0) b.append(',');
                b.append("{\"@odata.type\":\"#microsoft.graph.user\",\"id\":\"").append(userId(u))
                        .append("\",\"userPrincipalName\":\"user").append(u).append("@generated.example\"}");
            }
            return ok(b.append("]}").toString());
        }
        if (path.startsWith("/users/") && path.endsWith("/mailboxSettings"))
            return ok("{\"@odata.context\":\"" + G + "/$metadata#users('x')/mailboxSettings\",\"userPurpose\":\"user\"}");
        // memberOf, directory roles, service principals, grants...: empty collections
        return ok("{\"@odata.context\":\"" + G + "/$metadata#directoryObjects\",\"value\":[]}");
    }

    private String user(int i) {
        return "{\"id\":\"" + userId(i) + "\",\"displayName\":\"User " + i + "\",\"userPrincipalName\":\"user" + i
                + "@generated.example\",\"mail\":\"user" + i + "@generated.example\",\"accountEnabled\":true,\"userType\":\"Member\","
                + "\"onPremisesSyncEnabled\":null,\"assignedLicenses\":[{\"skuId\":\"05e9a617-0261-4cee-bb44-138d3ef5d965\","
                + "\"disabledPlans\":[]}],\"assignedPlans\":[],\"proxyAddresses\":[\"SMTP:user" + i + "@generated.example\"]}";
    }

    private String group(int i) {
        return "{\"id\":\"" + groupId(i) + "\",\"displayName\":\"Group " + i + "\",\"groupTypes\":[\"Unified\"],"
                + "\"mailEnabled\":true,\"securityEnabled\":false,\"mail\":\"group" + i + "@generated.example\"}";
    }

    private ReplayServer.Answer page(String what, String path, int skip, int total, int size,
                                     java.util.function.IntFunction<String> item) {
        StringBuilder b = new StringBuilder(size * 400).append("{\"@odata.context\":\"").append(G).append("/$metadata#")
                .append(what).append("\",\"value\":[");
        int end = Math.min(total, skip + size);
        for (int i = skip; i < end; i++) {
            if (i > skip) b.append(',');
            b.append(item.apply(i + 1));
        }
        b.append(']');
        if (end < total) b.append(",\"@odata.nextLink\":\"").append(G).append(path).append("?$skiptoken=").append(end).append('"');
        return ok(b.append('}').toString());
    }

    private static ReplayServer.Answer ok(String body) {
        return ReplayServer.Answer.json(200, body);
    }
}
