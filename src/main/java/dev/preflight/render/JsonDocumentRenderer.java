package dev.preflight.render;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.preflight.report.Report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/** A report written as one JSON document, event by event, to a writer or straight to a stream (JSON, SARIF). */
abstract class JsonDocumentRenderer implements Renderer {

    /** The whole report, event by event, to {@code g}. */
    abstract void write(Report r, JsonGenerator g) throws IOException;

    @Override
    public final void render(Report r, Writer out) throws IOException {
        try (JsonGenerator g = Json.generator(out)) {
            write(r, g);
        }
        out.write("\n");
    }

    /** Straight from the generator to the stream: no document, tree or string of it is held. */
    @Override
    public final void render(Report r, OutputStream out) throws IOException {
        try (JsonGenerator g = Json.generator(out)) {
            write(r, g);
        }
        out.write('\n');
        out.flush();
    }
}
