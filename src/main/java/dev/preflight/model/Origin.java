package dev.preflight.model;

/**
 * Where an imported entity came from: the export file (relative to the exports folder) and the JSON pointer of
 * the object in it, or the 1-based CSV line ({@code pointer} is then {@code null}).
 */
public record Origin(String file, String pointer, int line) {
    @Override
    public String toString() {
        return pointer != null ? file + "#" + pointer : line > 0 ? file + ":" + line : file;
    }
}
