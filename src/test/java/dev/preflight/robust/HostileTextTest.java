package dev.preflight.robust;

import dev.preflight.render.RendererGoldenTest;
import dev.preflight.report.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tenant text is inert in every output (see golden/hostile.yaml for the inputs). */
class HostileTextTest {
    static Report hostile;

    @BeforeAll
    static void load() throws Exception {
        hostile = RendererGoldenTest.cases().get("hostile");
    }

    static String render(String format) throws Exception {
        return RendererGoldenTest.render(format, hostile);
    }

    @Test
    void textHasNoTerminalControlCharacters() throws Exception {
        String text = render("text");
        assertTrue(text.contains("Zoë 日本"), "non-ASCII kept");
        for (char c : text.toCharArray()) {
            assertTrue(c == '\n' || c >= 0x20 && c != 0x7f && (c < 0x80 || c >= 0xa0), "control character " + (int) c);
        }
    }

    @Test
    void htmlEscapesMarkupAndCarriesAContentSecurityPolicy() throws Exception {
        String html = render("html");
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'"), "CSP");
        assertEquals(1, html.split("<script>", -1).length - 1, "only the report's own script");
        assertEquals(2, html.split("<script", -1).length - 1, "and its data block");
        assertEquals(1, html.split("<script type=\"application/json\" id=\"f-data\">", -1).length - 1, "one data block");
        assertFalse(html.contains("<img"), "no injected element");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;"));
        assertFalse(html.contains("onerror=alert(1)>"), "attribute injection escaped");
        assertFalse(html.contains("http://") && html.contains("src=\"http"), "no external assets");
    }

    @Test
    void junitIsWellFormedXml() throws Exception {
        String xml = render("junit");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals("testsuites", doc.getDocumentElement().getTagName());
        assertFalse(xml.contains("\u001b"));
    }

    @Test
    void csvNeutralisesFormulas() throws Exception {
        String csv = render("csv");
        assertTrue(csv.contains(",'=cmd|' /C calc'!A0,"), csv);
        assertTrue(csv.contains(",\"'+plus,comma\","), csv);
        for (String line : csv.split("\r\n")) assertFalse(line.startsWith("="), line);
    }

    @Test
    void githubAnnotationsStayOnOneLine() throws Exception {
        String gh = render("github");
        for (String line : gh.split("\n")) assertTrue(line.startsWith("::"), "every line is one command: " + line);
        assertTrue(gh.contains("line one%0Aline two%0A::error::injected"), gh);
    }

    @Test
    void markdownEscapesStructure() throws Exception {
        String md = render("markdown");
        assertTrue(md.contains("Sales \\| \\*bold\\* \\_it\\_ \\[link\\]\\(http://x\\) \\# h") || !md.contains("Sales |"), md);
        assertFalse(md.contains("<script>"), md);
        for (String line : md.split("\n")) {
            if ((line.startsWith("| error | ") || line.startsWith("| warning | ")) && !line.startsWith("| error | warning")) {
                assertEquals(7, line.split("(?<!\\\\)\\|", -1).length, "row keeps 5 cells: " + line);
            }
        }
    }

    @Test
    void sarifAndJsonAreValidJsonWithTheTextIntact() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var json = mapper.readTree(render("json"));
        assertEquals("<script>alert('t')</script> & \"Co\"", json.get("snapshot").get("tenant").asText());
        mapper.readTree(render("sarif"));
    }
}
