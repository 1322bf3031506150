package dev.preflight.model;

/** A place in a snapshot file: 1-based line and column. */
public record Location(String file, int line, int column) implements Comparable<Location> {

    public static final Location UNKNOWN = new Location("", 0, 0);

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
