package dev.preflight.tables;

import dev.preflight.version.Version;

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
                try {
                    LocalDate.parse(value);
                    return null;
                } catch (DateTimeParseException e) {
                    return "'" + value + "' is not " + expects();
                }
        }
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
