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
        PATTERNS.put("an AWS access key", Pattern.compile("(?<![A-Z0-9])(AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA|ASCA)[A-Z0-9]{16}(?![A-Z0-9])"));
        PATTERNS.put("an AWS secret key assignment", Pattern.compile("(?i)aws_?secret_?access_?key\\s*[:=]\\s*\\S{8,}"));
        PATTERNS.put("a Slack token", Pattern.compile("\\bxox[baprse]-[A-Za-z0-9-]{10,}"));
        PATTERNS.put("a Google API key", Pattern.compile("AIza[0-9A-Za-z_-]{35}"));
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

    /**
     * A cheap first look, in one pass: every pattern needs one of {@code = : ~}, {@code eyJ}, {@code -----},
     * {@code earer}, {@code EARER}, {@code xox}, {@code AIza} or an AWS key prefix, and most values (ids, names, enums)
     * have none.
     */
    static boolean suspicious(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            switch (text.charAt(i)) {
                case '=', ':', '~' -> {
                    return true;
                }
                case 'e' -> {
                    if (text.startsWith("eyJ", i) || text.startsWith("earer", i)) return true;
                }
                case 'E' -> {
                    if (text.startsWith("EARER", i)) return true;
                }
                case '-' -> {
                    if (text.startsWith("-----", i)) return true;
                }
                case 'x' -> {
                    if (text.startsWith("xox", i)) return true;
                }
                case 'A' -> {
                    if (text.startsWith("AIza", i) || awsPrefix(text, i + 1)) return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    private static final String[] AWS_PREFIXES = {"KIA", "SIA", "BIA", "CCA", "GPA", "IDA", "IPA", "NPA", "NVA", "ROA", "PKA", "SCA"};

    /** One of the AWS key prefixes (after their leading {@code A}) at {@code at}. */
    private static boolean awsPrefix(String text, int at) {
        for (String p : AWS_PREFIXES) if (text.startsWith(p, at)) return true;
        return false;
    }

    /** What {@code text} looks like, if it looks like a credential; otherwise null. */
    public static String kind(String text) {
        if (text == null || text.length() < 8 || !suspicious(text)) return null;
        for (var p : PATTERNS.entrySet()) {
            if (p.getValue().matcher(text).find()) return p.getKey();
        }
        return urlWithPassword(text) ? "a URL with a password" : null;
    }

    /** {@code scheme://user:password@host} anywhere in {@code text}; by hand, in one pass (a regex could backtrack). */
    static boolean urlWithPassword(String text) {
        for (int at = text.indexOf("://"); at > 0; at = text.indexOf("://", at + 3)) {
            char before = text.charAt(at - 1);
            if (!Character.isLetterOrDigit(before)) continue;
            boolean colon = false;
            for (int i = at + 3; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '@') {
                    if (colon && text.charAt(i - 1) != ':') return true;
                    break;
                }
                if (c == '/' || c == '?' || c == '#' || Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<') break;
                if (c == ':') colon = true;
            }
        }
        return false;
    }

    /** Returns the node itself, or its redacted replacement; containers are changed in place. */
    private static YNode walk(YNode node, List<Found> found) {
        if (node instanceof YNode.YMap map) {
            for (int i = 0; i < map.size(); i++) {
                String keyKind = kind(map.keyAt(i));
                if (keyKind != null) { // a credential as a key: it must not reach an "unknown key" error either
                    Location at = map.entryAt(i).keyLocation();
                    found.add(new Found(at, keyKind + ", used as a key"));
                    map.renameKey(i, REDACTED);
                }
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
        String k = s.value() instanceof String text ? kind(text) : null;
        if (k != null) {
            Location at = s.location();
            found.add(new Found(at, k));
            return new YNode.YScalar(REDACTED, null, at.file(), at.line(), at.column());
        }
        return s;
    }
}
