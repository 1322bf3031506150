package dev.preflight.collect;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/collect.md shows the endpoint -> permission -> rules table generated from {@link Endpoints#ALL}; this keeps
 * it current. Regenerate with {@code mvn -B -q test -Dtest=CollectDocTest -Dpreflight.updateDocs=true}.
 */
class CollectDocTest {
    static final String BEGIN = "<!-- generated from dev.preflight.collect.Endpoints: begin -->\n";
    static final String END = "<!-- generated from dev.preflight.collect.Endpoints: end -->\n";

    @Test
    void theDocShowsTheTableTheCollectorUses() throws Exception {
        Path doc = Path.of("docs/collect.md");
        String text = Files.readString(doc);
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        String generated = Endpoints.markdownTable() + "\n" + Endpoints.grants();
        if (Boolean.getBoolean("preflight.updateDocs")) {
            text = text.substring(0, b + BEGIN.length()) + generated + text.substring(e);
            Files.writeString(doc, text);
        }
        text = Files.readString(doc);
        assertEquals(generated, text.substring(text.indexOf(BEGIN) + BEGIN.length(), text.indexOf(END)));
    }
}
