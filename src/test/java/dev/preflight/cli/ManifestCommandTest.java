package dev.preflight.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code preflight manifest} on every real manifest: the exact text it prints (facts, schema verdict, every
 * diagnostic) is src/test/resources/manifests/expected/FILE.txt, and the exit code follows the errors.
 */
class ManifestCommandTest {
    static final Path DIR = Path.of("src/test/resources/manifests");

    static Stream<String> manifests() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml") || n.endsWith(".json")).sorted().toList().stream();
        }
    }

    /** The files with errors (exit 2); the others exit 0. */
    static final List<String> WITH_ERRORS = List.of("multihost-taskpaneapp-sso-nodejs.xml",
            "onenote-taskpaneapp-rubric-grader-not-well-formed.xml", "outlook-mailapp-readitem-sso-attachmentdemo.xml",
            "outlook-mailapp-readwritemailbox-sso-events.xml", "unified-outlook-sso-template-webapplicationinfo.json");

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifests")
    void printsTheExpectedFactsAndFindings(String name) throws IOException {
        Cli r = Cli.run("manifest", DIR.resolve(name).toString());
        assertEquals(Files.readString(DIR.resolve("expected/" + name + ".txt"), StandardCharsets.UTF_8), r.out());
        assertEquals(WITH_ERRORS.contains(name) ? 2 : 0, r.code(), r.err());
    }

    @Test
    void everyManifestHasItsExpectedOutput() throws IOException {
        assertEquals(17, manifests().count());
    }

    @Test
    void theNotWellFormedManifestIsExit2AtItsLine() {
        Cli r = Cli.run("manifest", DIR.resolve("onenote-taskpaneapp-rubric-grader-not-well-formed.xml").toString());
        assertEquals(2, r.code());
        assertEquals("src/test/resources/manifests/onenote-taskpaneapp-rubric-grader-not-well-formed.xml: not read\n"
                + "src/test/resources/manifests/onenote-taskpaneapp-rubric-grader-not-well-formed.xml:87:22: error: not well-formed XML: "
                + "XML document structures must start and end within the same entity.\n"
                + "1 manifest: 1 error, 0 warnings, 0 notes\n", r.out());
    }

    @Test
    void warningsFailOnlyWithFailOnWarning() {
        String f = DIR.resolve("multihost-taskpaneapp-with-project-typescript.xml").toString();
        assertEquals(0, Cli.run("manifest", f).code());
        assertEquals(1, Cli.run("manifest", f, "--fail-on", "warning").code());
        assertEquals(2, Cli.run("manifest", f, "--fail-on", "never").code());
    }

    @Test
    void hostileXmlIsExit2() {
        Cli r = Cli.run("manifest", DIR.resolve("variants/xxe.xml").toString(), DIR.resolve("variants/billion-laughs.xml").toString());
        assertEquals(2, r.code());
        assertEquals(List.of(
                "src/test/resources/manifests/variants/xxe.xml:2:1: error: a DOCTYPE is not allowed in a manifest (no DTDs, no entities; nothing is fetched)",
                "src/test/resources/manifests/variants/billion-laughs.xml:2:1: error: a DOCTYPE is not allowed in a manifest (no DTDs, no entities; nothing is fetched)"),
                r.out().lines().filter(l -> l.contains(": error: ")).toList());
    }

    @Test
    void duplicateIdsAcrossFilesAreWarned() {
        String f = DIR.resolve("outlook-mailapp-readwriteitem-git-the-gist.xml").toString();
        String v = DIR.resolve("variants/git-the-gist-1.1.0.0-readwritemailbox.xml").toString();
        Cli r = Cli.run("manifest", f, v);
        assertEquals(0, r.code());
        assertEquals(List.of(v + ":3:3: warning: Id 'ee3bd144-bde6-4057-91d6-d28e1ac7faf2' is also the Id of " + f
                + ":3:3: one manifest replaces the other when deployed"), r.out().lines().filter(l -> l.contains(": warning: ")).toList());
    }

    @Test
    void jsonGivesTheFactsWithTheirPlaces() throws IOException {
        Cli r = Cli.run("manifest", "--format", "json", DIR.resolve("unified-outlook-hello-world.json").toString(),
                DIR.resolve("outlook-mailapp-readwritemailbox-sso-events.xml").toString());
        assertEquals(2, r.code());
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode unified = root.get("manifests").get(0);
        assertEquals("json", unified.get("form").asText());
        assertEquals("ReadWriteItem", unified.get("permission").get("value").asText());
        assertEquals(32, unified.get("permission").get("line").asInt());
        assertEquals("outlook", unified.get("hosts").get(0).get("name").asText());
        assertEquals("valid", unified.get("validation").get("result").asText());
        assertEquals("v1.21.schema.json", unified.get("validation").get("schemaFile").asText());
        JsonNode events = root.get("manifests").get(1);
        assertEquals("[\"openid\",\"user.read\",\"profile\"]", values(events.get("webApplicationInfo").get("scopes")));
        assertEquals(4, events.get("diagnostics").findValues("check").stream().filter(c -> c.asText().equals("not-checked")).count());
        assertEquals("{\"error\":2,\"warning\":0,\"note\":4}", root.get("summary").toString());
    }

    @Test
    void theReadmeExampleIsWhatTheCommandPrints() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String prompt = "$ ./preflight manifest ";
        int start = readme.indexOf(prompt);
        int eol = readme.indexOf('\n', start);
        String file = readme.substring(start + prompt.length(), eol);
        String shown = readme.substring(eol + 1, readme.indexOf("```", eol));
        assertEquals(shown, Cli.run("manifest", file).out());
    }

    private static String values(JsonNode list) {
        StringBuilder b = new StringBuilder("[");
        for (JsonNode n : list) b.append(b.length() > 1 ? "," : "").append('"').append(n.get("value").asText()).append('"');
        return b.append(']').toString();
    }
}
