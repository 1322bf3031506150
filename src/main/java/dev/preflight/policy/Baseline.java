package dev.preflight.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.model.Location;
import dev.preflight.report.Report;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.Problem;
import dev.preflight.snapshot.SnapshotLoader;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The findings of an earlier JSON report, keyed on rule, subject and context (never on message text). */
public record Baseline(Map<String, Report.Fixed> findings) {

    public static Baseline read(Path file) throws InputException {
        String name = SnapshotLoader.display(file);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(SnapshotLoader.readRegularFile(file, dev.preflight.snapshot.YamlReader.DEFAULT_MAX_BYTES, name, ""));
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new InputException(new Problem(new Location(name, 0, 0), "no such file"));
        } catch (JsonProcessingException e) {
            var l = e.getLocation();
            throw new InputException(new Problem(new Location(name, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr()),
                    "not a JSON report: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InputException(new Problem(new Location(name, 0, 0), "cannot read file: " + e.getMessage()));
        }
        if (root == null || !root.has("findings") || !root.get("findings").isArray()) {
            throw new InputException(new Problem(new Location(name, 1, 1), "not a Preflight JSON report (no 'findings' list)"));
        }
        Map<String, Report.Fixed> out = new LinkedHashMap<>();
        for (JsonNode f : root.get("findings")) {
            JsonNode subject = f.path("subject");
            String key = f.hasNonNull("key") ? f.get("key").asText()
                    : f.path("ruleId").asText() + "|" + subject.path("kind").asText() + "|" + subject.path("id").asText()
                    + "|" + f.path("context").asText("") + "|" + f.path("undecidedRule").asText("");
            JsonNode at = f.path("location");
            out.putIfAbsent(key, new Report.Fixed(key, f.path("ruleId").asText(), subject.path("kind").asText(),
                    subject.path("id").asText(), f.path("message").asText(),
                    new Location(at.path("file").asText(""), at.path("line").asInt(0), at.path("column").asInt(0))));
        }
        return new Baseline(Map.copyOf(out));
    }
}
