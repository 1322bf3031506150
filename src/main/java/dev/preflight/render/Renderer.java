package dev.preflight.render;

import dev.preflight.report.Report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

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

    /**
     * Writes the report as UTF-8 bytes to {@code out}, as it goes (flushed, not closed). By default through
     * {@link #render(Report, Writer)}; the JSON formats write bytes straight from their generator.
     */
    default void render(Report report, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8.newEncoder()));
        render(report, w);
        w.flush();
    }
}
