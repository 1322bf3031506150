package dev.preflight.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.bench.Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FleetTest {

    @Test
    void aFolderOfGeneratedTenantsIsCheckedInParallelAndMerged(@TempDir Path tmp) throws Exception {
        Path fleet = Files.createDirectories(tmp.resolve("fleet"));
        for (int i = 0; i < 4; i++) new Generator(200 + 50 * i, i).write(fleet.resolve("tenant-" + i));
        Files.writeString(fleet.resolve("zz-broken.yaml"), "schemaVersion: 1\ntenant: [\n");
        Path out = tmp.resolve("out");

        Cli r = Cli.run("check", "--each", fleet.toString(), "--jobs", "2", "--format", "json", "--format", "sarif", "--out", out.toString());
        assertEquals(2, r.code(), "a broken tenant makes the run an input error: " + r.err());
        assertTrue(r.err().contains("zz-broken.yaml:3:1"), r.err());
        assertTrue(r.out().contains("5 tenants, 1 broken"), r.out());
        for (int i = 0; i < 4; i++) {
            assertTrue(Files.exists(out.resolve("tenant-" + i).resolve("report.json")));
            assertTrue(Files.exists(out.resolve("tenant-" + i).resolve("report.sarif")));
        }
        for (String ext : new String[]{"txt", "json", "md", "html"}) assertTrue(Files.exists(out.resolve("fleet." + ext)), ext);

        ObjectMapper m = new ObjectMapper();
        JsonNode fleetJson = m.readTree(out.resolve("fleet.json").toFile());
        assertEquals(5, fleetJson.get("summary").get("tenants").asInt());
        assertEquals(1, fleetJson.get("summary").get("broken").asInt());
        JsonNode t0 = m.readTree(out.resolve("tenant-0/report.json").toFile());
        assertEquals("Synthetic 200", fleetJson.get("tenants").get(0).get("name").asText());
        assertEquals(t0.get("summary").get("error").asInt(), fleetJson.get("tenants").get(0).get("counts").get("error").asInt());

        Cli merged = Cli.run("merge", out.toString(), "--format", "json");
        JsonNode mergedJson = m.readTree(merged.out());
        assertEquals(4, mergedJson.get("summary").get("tenants").asInt());
        for (String sev : new String[]{"error", "warning", "info"}) {
            assertEquals(fleetJson.get("summary").get(sev).asInt(), mergedJson.get("summary").get(sev).asInt(), sev);
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(fleetJson.get("tenants").get(i).get("counts"), mergedJson.get("tenants").get(i).get("counts"));
            assertEquals(fleetJson.get("tenants").get(i).get("topRules"), mergedJson.get("tenants").get(i).get("topRules"));
        }
    }

    @Test
    void sameFleetSameBytesWhateverTheParallelism(@TempDir Path tmp) throws Exception {
        Path fleet = Files.createDirectories(tmp.resolve("fleet"));
        for (int i = 0; i < 3; i++) new Generator(150, 10 + i).write(fleet.resolve("t" + i));
        Cli.run("check", "--each", fleet.toString(), "--jobs", "1", "--format", "json", "--out", tmp.resolve("a").toString(), "--fail-on", "none");
        Cli.run("check", "--each", fleet.toString(), "--jobs", "3", "--format", "json", "--out", tmp.resolve("b").toString(), "--fail-on", "none");
        assertEquals(Files.readString(tmp.resolve("a/fleet.json")), Files.readString(tmp.resolve("b/fleet.json")));
        assertEquals(Files.readString(tmp.resolve("a/t1/report.json")), Files.readString(tmp.resolve("b/t1/report.json")));
    }

    @Test
    void reportFilesNeedOutInAFleet() {
        Cli r = Cli.run("check", "samples/contoso", "samples/fabrikam", "--format", "json=x.json");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--out DIR"), r.err());
    }
}
