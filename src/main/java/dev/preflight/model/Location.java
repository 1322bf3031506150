package dev.preflight.model;

/**
 * A place in a snapshot file: 1-based line and column; {@code origin} is the export the entity written there was
 * imported from ({@code preflight import}), or null.
 */
public record Location(String file, int line, int column, Origin origin) implements Comparable<Location> {

    public static final Location UNKNOWN = new Location("", 0, 0);

    public Location(String file, int line, int column) {
        this(file, line, column, null);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }

    @Override
    public int compareTo(Location o) {
        int c = file.compareTo(o.file);
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }
}
