package dev.preflight.snapshot;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves references across all files of a snapshot: users by id, userPrincipalName or mail; groups by id or
 * mail; everything else by id. Built before binding so that a reference may point into another file.
 */
final class RefIndex {
    final Map<String, String> users = new HashMap<>();
    final Map<String, String> userAliases = new HashMap<>();
    final Map<String, String> groups = new HashMap<>();
    final Map<String, String> groupAliases = new HashMap<>();
    final Map<String, String> apps = new HashMap<>();
    final Map<String, String> roles = new HashMap<>();
    final Map<String, String> teams = new HashMap<>();
    final Map<String, String> dynamicsUsers = new HashMap<>();

    void collect(YNode root) {
        if (!(root instanceof YNode.YMap top)) return;
        for (YNode.YMap u : maps(top.get("users"))) {
            String id = text(u.get("id"));
            if (id == null) continue;
            users.putIfAbsent(id, id);
            alias(userAliases, text(u.get("upn")), id);
            alias(userAliases, text(u.get("mail")), id);
        }
        for (YNode.YMap g : maps(top.get("groups"))) {
            String id = text(g.get("id"));
            if (id == null) continue;
            groups.putIfAbsent(id, id);
            alias(groupAliases, text(g.get("mail")), id);
        }
        ids(top.get("apps"), apps);
        if (top.get("dynamics") instanceof YNode.YMap d) {
            ids(d.get("roles"), roles);
            ids(d.get("teams"), teams);
            ids(d.get("users"), dynamicsUsers);
        }
    }

    String user(String ref) {
        if (ref == null) return null;
        String id = users.get(ref);
        return id != null ? id : userAliases.get(ref.toLowerCase(Locale.ROOT));
    }

    String group(String ref) {
        if (ref == null) return null;
        String id = groups.get(ref);
        return id != null ? id : groupAliases.get(ref.toLowerCase(Locale.ROOT));
    }

    private static void alias(Map<String, String> map, String alias, String id) {
        if (alias != null) map.putIfAbsent(alias.toLowerCase(Locale.ROOT), id);
    }

    private static void ids(YNode list, Map<String, String> into) {
        for (YNode.YMap m : maps(list)) {
            String id = text(m.get("id"));
            if (id != null) into.putIfAbsent(id, id);
        }
    }

    static List<YNode.YMap> maps(YNode node) {
        if (!(node instanceof YNode.YList list)) return List.of();
        return list.items().stream().filter(YNode.YMap.class::isInstance).map(YNode.YMap.class::cast).toList();
    }

    static String text(YNode node) {
        return node instanceof YNode.YScalar s ? s.text() : null;
    }
}
