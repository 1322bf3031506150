package dev.preflight.render;

import dev.preflight.report.Report;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextColorTest {
    @Test
    void colourOnlyOnATerminalAndNeverWithNoColor() {
        assertTrue(TextRenderer.colorWanted(true, Map.of()));
        assertFalse(TextRenderer.colorWanted(false, Map.of()));
        assertFalse(TextRenderer.colorWanted(true, Map.of("NO_COLOR", "1")));
        assertTrue(TextRenderer.colorWanted(true, Map.of("NO_COLOR", "")), "an empty NO_COLOR does not count");
        assertFalse(TextRenderer.colorWanted(true, Map.of("TERM", "dumb")));
    }

    @Test
    void colouredTextDiffersOnlyByEscapesOfItsOwn() throws Exception {
        Report many = RendererGoldenTest.cases().get("hostile");
        StringWriter plain = new StringWriter();
        StringWriter colored = new StringWriter();
        new TextRenderer(false).render(many, plain);
        new TextRenderer(true).render(many, colored);
        assertFalse(plain.toString().contains("\u001b"));
        assertTrue(colored.toString().contains("\u001b[1;31mERROR\u001b[0m"));
        assertEquals(plain.toString(), colored.toString().replaceAll("\u001b\\[[0-9;]*m", ""));
    }
}
