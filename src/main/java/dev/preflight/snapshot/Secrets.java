package dev.preflight.snapshot;

import dev.preflight.model.Location;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds values that look like credentials (tokens, client secrets, passwords, private keys) in a parsed snapshot
 * and redacts them before anything else reads the tree, so they can never reach a report or an error message.
 */
public final class Secrets {
    public static final String REDACTED = "[redacted]";

    private static final LinkedHashMap<String, Pattern> PATTERNS = new LinkedHashMap<>();

    static {
        PATTERNS.put("a JSON Web Token", Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*"));
        PATTERNS.put("a private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"));
        PATTERNS.put("an Entra ID client secret", Pattern.compile("(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])"));
        PATTERNS.put("a bearer token", Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/-]{20,}=*"));
        PATTERNS.put("a password or secret assignment",
                Pattern.compile("(?i)\\b(password|passwd|pwd|client_?secret|secret|api_?key|access_?token)\\s*[:=]\\s*\\S{4,}"));
        PATTERNS.put("a connection string with a key",
                Pattern.compile("(?i)(AccountKey|SharedAccessKey|sig)=[A-Za-z0-9+/%]{16,}"));
    }

    /** One redacted value: where, and what it looked like. */
    public record Found(Location location, String kind) {
        @Override
        public String toString() {
            return location + ": value looks like " + kind + "; it is redacted from every report";
        }
    }

    private Secrets() {
    }

    /** Redacts credential-like scalars in {@code root} (in place) and returns what was found. */
    public static Result redact(YNode root) {
        if (root == null) return new Result(null, List.of());
        List<Found> found = new ArrayList<>();
        YNode clean = walk(root, found);
        return new Result(clean, List.copyOf(found));
    }

    public record Result(YNode root, List<Found> found) {
    }

    /** A cheap first look: every pattern needs one of these, and most values (ids, names, enums) have none. */
    static boolean suspicious(String text) {
        return text.indexOf('=') >= 0 || text.indexOf(':') >= 0 || text.indexOf('~') >= 0 || text.contains("eyJ")
                || text.contains("-----") || text.contains("earer") || text.contains("EARER");
    }

    /** Returns the node itself, or its redacted replacement; containers are changed in place. */
    private static YNode walk(YNode node, List<Found> found) {
        if (node instanceof YNode.YMap map) {
            for (int i = 0; i < map.size(); i++) {
                YNode v = map.valueAt(i);
                YNode w = walk(v, found);
                if (w != v) map.replace(i, w);
            }
            return map;
        }
        if (node instanceof YNode.YList list) {
            List<YNode> items = list.items();
            for (int i = 0; i < items.size(); i++) {
                YNode v = items.get(i);
                YNode w = walk(v, found);
                if (w != v) list.replace(i, w);
            }
            return list;
        }
        YNode.YScalar s = (YNode.YScalar) node;
        if (s.value() instanceof String text && text.length() >= 8 && suspicious(text)) {
            for (var p : PATTERNS.entrySet()) {
                if (p.getValue().matcher(text).find()) {
                    Location at = s.location();
                    found.add(new Found(at, p.getKey()));
                    return new YNode.YScalar(REDACTED, null, at.file(), at.line(), at.column());
                }
            }
        }
        return s;
    }
}
