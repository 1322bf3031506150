package dev.preflight.version;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A product version compared numerically, component by component (16.0.10000 > 16.0.9318). Accepts the forms
 * seen in tenants: {@code 16.0.4494.1000}, {@code Version 2108 (Build 14326.20404)}, {@code 2.75.0},
 * {@code 15.34}, {@code 1704}. Missing trailing components count as zero. {@code named} is true for the
 * {@code Version 2108 (Build 14326.20404)} form (parts: YYMM, build, revision).
 */
public record Version(int[] parts, String text, boolean named) implements Comparable<Version> {

    private static final Pattern BUILD = Pattern.compile(
            "(?i)^(?:version\\s+)?(\\d{4})\\s*\\(\\s*build\\s+(\\d+)\\.(\\d+)\\s*\\)$");
    private static final Pattern DOTTED = Pattern.compile("^(?i)(?:version\\s+)?v?(\\d+(?:\\.\\d+){0,4})$");

    /** Parses {@code text}; throws {@link IllegalArgumentException} with a readable message when it cannot. */
    public static Version parse(String text) {
        if (text == null) throw new IllegalArgumentException("no version");
        String t = text.strip();
        Matcher m = BUILD.matcher(t);
        if (m.matches()) {
            return new Version(new int[]{num(m.group(1), text), num(m.group(2), text), num(m.group(3), text)}, text, true);
        }
        m = DOTTED.matcher(t);
        if (m.matches()) {
            String[] s = m.group(1).split("\\.");
            int[] parts = new int[s.length];
            for (int i = 0; i < s.length; i++) parts[i] = num(s[i], text);
            return new Version(parts, text, false);
        }
        throw new IllegalArgumentException("'" + text + "' is not a version (expected e.g. 16.0.4494.1000, "
                + "Version 2108 (Build 14326.20404), 2.75.0 or 1704)");
    }

    /** True when both parse and {@code a} is below {@code b}; false when either is missing. */
    public static boolean older(String a, String b) {
        if (a == null || b == null) return false;
        return parse(a).compareTo(parse(b)) < 0;
    }

    private static int num(String digits, String text) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has a version component too large");
        }
    }

    /** The first component: the YYMM version of a subscription build, the major version otherwise. */
    public int major() {
        return parts[0];
    }

    /**
     * The YYMM version of Microsoft 365 Apps this text states, or null: {@code Version 2108 (Build 14326.20404)},
     * {@code Version 2108} or {@code 2108} (one component of four digits). A dotted build ({@code 16.0.14326.20404},
     * {@code 16.0}) states none.
     */
    public Integer yymm() {
        if (named) return parts[0];
        return parts.length == 1 && parts[0] >= 1000 && parts[0] <= 9999 ? parts[0] : null;
    }

    /**
     * The 16.0 build this text states, as {build, revision}, or null: the {@code Build 14326.20404} of the named
     * form, or {@code 16.0.14326.20404} (at least three components, 16.0 first). {@code 16.0} alone states none.
     */
    public int[] build16() {
        if (named) return new int[]{parts[1], parts[2]};
        if (parts.length >= 3 && parts[0] == 16 && parts[1] == 0) return new int[]{parts[2], parts.length > 3 ? parts[3] : 0};
        return null;
    }

    public boolean isBelow(Version other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Version o) {
        int n = Math.max(parts.length, o.parts.length);
        for (int i = 0; i < n; i++) {
            int a = i < parts.length ? parts[i] : 0;
            int b = i < o.parts.length ? o.parts[i] : 0;
            if (a != b) return Integer.compare(a, b);
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int[] p = parts;
        int n = p.length;
        while (n > 1 && p[n - 1] == 0) n--;
        return Arrays.hashCode(Arrays.copyOf(p, n));
    }

    @Override
    public String toString() {
        return text;
    }
}
