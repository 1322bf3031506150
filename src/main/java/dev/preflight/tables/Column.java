package dev.preflight.tables;

import dev.preflight.version.Version;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One column of a table's schema: its name, what a cell must be, and in words what that is (shown by
 * {@code preflight tables} and in errors).
 */
public record Column(String name, Kind kind, List<String> allowed, Pattern pattern, String description) {

    public enum Kind { TEXT, ONE_OF, PATTERN, VERSION, DATE, YES_NO }

    public static Column text(String name, String description) {
        return new Column(name, Kind.TEXT, List.of(), null, description);
    }

    public static Column oneOf(String name, String description, String... allowed) {
        return new Column(name, Kind.ONE_OF, List.of(allowed), null, description);
    }

    public static Column pattern(String name, String regex, String description) {
        return new Column(name, Kind.PATTERN, List.of(), Pattern.compile(regex), description);
    }

    public static Column version(String name, String description) {
        return new Column(name, Kind.VERSION, List.of(), null, description);
    }

    public static Column date(String name, String description) {
        return new Column(name, Kind.DATE, List.of(), null, description);
    }

    public static Column yesNo(String name, String description) {
        return new Column(name, Kind.YES_NO, List.of("yes", "no"), null, description);
    }

    /** What is wrong with {@code value} for this column, or null when it is valid. */
    public String problem(String value) {
        if (value == null || value.isBlank()) return "is empty; it must be " + expects();
        switch (kind) {
            case TEXT:
                return null;
            case ONE_OF:
            case YES_NO:
                return allowed.contains(value) ? null : "'" + value + "' is not " + expects();
            case PATTERN:
                return pattern.matcher(value).matches() ? null : "'" + value + "' is not " + expects();
            case VERSION:
                try {
                    Version v = Version.parse(value);
                    return v.yymm() != null || v.parts().length >= 2 ? null : "'" + value + "' is not " + expects();
                } catch (IllegalArgumentException e) {
                    return "'" + value + "' is not " + expects();
                }
            default:
                return isDate(value) ? null : "'" + value + "' is not " + expects();
        }
    }

    /**
     * Whether {@code value} is an ISO date, as {@link LocalDate#parse(CharSequence)} takes it. The common form
     * (YYYY-MM-DD, ASCII digits) is checked without the formatter, which costs a cold start more than a table of a
     * thousand dates: {@link LocalDate#of} refuses the same days (February 30th, month 13) the strict parser does.
     */
    static boolean isDate(String value) {
        if (value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-') {
            int y = digits(value, 0, 4);
            int m = digits(value, 5, 7);
            int d = digits(value, 8, 10);
            if (y >= 0 && m >= 0 && d >= 0) {
                try {
                    LocalDate.of(y, m, d);
                    return true;
                } catch (DateTimeException e) {
                    return false;
                }
            }
        }
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The number written by the ASCII digits {@code s[from, to)}, or -1 when one is not a digit. */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** The cell's type in words. */
    public String expects() {
        return switch (kind) {
            case TEXT -> "a text";
            case ONE_OF, YES_NO -> "one of " + String.join(", ", allowed);
            case PATTERN -> description;
            case VERSION -> "a version (a YYMM version like 1704, or a dotted build like 16.0.4494.1000)";
            case DATE -> "a date (YYYY-MM-DD)";
        };
    }
}
