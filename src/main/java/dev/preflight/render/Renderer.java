package dev.preflight.render;

import dev.preflight.report.Report;

import java.io.IOException;
import java.io.Writer;

/** Writes a report in one format. Implementations are stateless and deterministic. */
public interface Renderer {
    /** The name used with {@code --format}. */
    String name();

    /** The file extension of a report in this format (without the dot). */
    default String extension() {
        return name();
    }

    /** Whether the format carries every finding (the Markdown comment and the annotations are cut to fit). */
    default boolean complete() {
        return true;
    }

    /** One line for help texts. */
    String description();

    void render(Report report, Writer out) throws IOException;
}
