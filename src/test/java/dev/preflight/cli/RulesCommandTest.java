package dev.preflight.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesCommandTest {

    @Test
    void jsonListsEveryRuleWithCompleteMetadata() throws IOException {
        Cli r = Cli.run("rules", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode rules = new ObjectMapper().readTree(r.out()).get("rules");
        assertTrue(rules.size() >= 14);
        for (JsonNode rule : rules) {
            for (String key : new String[]{"id", "severity", "title", "rationale", "remediation", "source"}) {
                assertTrue(rule.hasNonNull(key) && !rule.get(key).asText().isBlank(), rule.get("id") + " " + key);
            }
        }
    }

    @Test
    void docsRulesMdIsTheGeneratedCatalog() throws IOException {
        Cli r = Cli.run("rules", "--format", "markdown");
        assertEquals(0, r.code());
        assertEquals(r.out(), Files.readString(Path.of("docs/rules.md")),
                "docs/rules.md is stale: regenerate it with ./preflight rules --format markdown > docs/rules.md");
    }

    @Test
    void textListsIdsAndCount() {
        Cli r = Cli.run("rules");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("GRP-001   warning  Assigned group contains nested groups"), r.out());
    }
}
