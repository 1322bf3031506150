package dev.preflight.tables;

import java.util.List;

/**
 * A table reviewers can own: its name, its file ({@code file} inside the jar, and the name a reviewer's override
 * has in {@code --tables DIR}), what the rules judge by it, and its columns in order.
 */
public record Schema(String name, String resource, String what, List<Column> columns) {

    /** The file name an override must have in {@code --tables DIR}. */
    public String fileName() {
        int slash = resource.lastIndexOf('/');
        return slash < 0 ? resource : resource.substring(slash + 1);
    }

    public int index(String column) {
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equals(column)) return i;
        throw new IllegalArgumentException("no column " + column + " in " + name);
    }
}
