package dev.preflight.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.report.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a report says must be in every format: waived findings shown as waived and not counted as live, the
 * baseline's new, unchanged and fixed marks, and what the config changed (the file, each override, and loudly,
 * DATA-004 disabled). Each format in its own idiom; the golden cases waived, baseline and configured.
 */
class EveryFormatSaysTest {
    static Map<String, Report> cases;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void cases() throws Exception {
        cases = RendererGoldenTest.cases();
    }

    static String render(String format, String c) throws Exception {
        return RendererGoldenTest.render(format, cases.get(c));
    }

    @Test
    void textShowsWaivedFindingsApartAndDoesNotCountThem() throws Exception {
        String many = render("text", "many");
        String waived = render("text", "waived");
        assertTrue(many.contains("\n47 errors, 23 warnings, 17 info; could not verify: 5\n"), many);
        // GRP-001 (a warning) on sales-dept is waived: one warning fewer, counted as waived.
        assertTrue(waived.contains("\n47 errors, 22 warnings, 17 info; could not verify: 5; waived: 1\n"), waived);
        String live = waived.substring(0, waived.indexOf("\nWAIVED (not counted, do not fail the run)\n"));
        assertFalse(live.contains("GRP-001  samples/fabrikam/directory.yaml:120:5"), live);
        String section = waived.substring(waived.indexOf("\nWAIVED"));
        assertTrue(section.contains("  GRP-001  samples/fabrikam/directory.yaml:120:5\n"), section);
        assertTrue(section.contains("    waived: Bert and Fred receive the add-in through the Everyone rollout; owner gina@fabrikam.com; "
                + "until 2027-01-31 (src/test/resources/golden/waivers.yaml:2:5)\n"), section);
        assertTrue(section.contains("notes:\n  waiver src/test/resources/golden/waivers.yaml:7:5 for TEN-005 '*' expired on 2026-01-01"), section);
        assertEquals(22, cases.get("waived").counts().get(dev.preflight.engine.Severity.WARNING));
    }

    @Test
    void everyFormatMarksTheWaivedFinding() throws Exception {
        String why = "Bert and Fred receive the add-in through the Everyone rollout";
        String github = render("github", "waived");
        assertFalse(github.contains("title=GRP-001"), github);
        assertTrue(github.contains("waived: 1 (not annotated)"), github);
        String sarif = render("sarif", "waived");
        JsonNode result = result(JSON.readTree(sarif), "GRP-001");
        assertEquals("external", result.at("/suppressions/0/kind").asText());
        assertEquals(why, result.at("/suppressions/0/justification").asText());
        String junit = render("junit", "waived");
        assertTrue(junit.contains("<skipped message=\"waived: " + why + "; owner gina@fabrikam.com; until 2027-01-31 "
                + "(src/test/resources/golden/waivers.yaml:2:5)\"/>"), junit);
        String md = render("markdown", "waived");
        assertTrue(md.contains("<details><summary>1 waived \\(not counted, do not fail the run\\)</summary>"), md);
        assertTrue(md.contains("| 47 | 22 | 17 | 5 | 1 |"), md);
        String html = render("html", "waived");
        assertTrue(html.contains("<tr class=\"waived\" data-severity=\"warning\" data-area=\"GRP\" data-rule=\"GRP-001\">"), html);
        assertTrue(html.contains("<div>Waived: " + why + " (owner gina@fabrikam.com), until 2027-01-31</div>"), html);
        String csv = render("csv", "waived");
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("warning,GRP-001,") && l.contains(",yes," + why + ",")), csv);
        JsonNode json = JSON.readTree(render("json", "waived"));
        assertEquals(1, json.at("/summary/waived").asInt());
        assertEquals(22, json.at("/summary/live/warning").asInt());
        assertEquals(23, json.at("/summary/warning").asInt(), "schemaVersion 1 keeps warning counting all findings");
    }

    @Test
    void everyFormatMarksNewUnchangedAndFixed() throws Exception {
        Report r = cases.get("baseline");
        assertEquals(1, r.count(Report.BaselineStatus.UNCHANGED));
        assertEquals(1, r.fixed().size());
        String text = render("text", "baseline");
        assertTrue(text.contains("  GRP-001  samples/fabrikam/directory.yaml:120:5  [unchanged]\n"), text);
        assertTrue(text.contains("  SAAS-005  samples/fabrikam/apps.yaml:30:5  [new]\n"), text);
        assertTrue(text.contains("\nFIXED since the baseline\n  TEN-001  tenant 0b8d6e2f-7c41-4a93-b5e0-3f9a2c1d7e55: "), text);
        assertTrue(text.contains("\nagainst the baseline: 86 new, 1 unchanged, 1 fixed\n"), text);
        String github = render("github", "baseline");
        assertTrue(github.contains(",title=ADD-001 [new] "), github);
        // Only ten warnings are shown: new ones go first, so the unchanged GRP-001 is among the counted rest.
        assertFalse(github.contains("[unchanged]"), github);
        assertTrue(github.contains("Not annotated (GitHub shows 10 annotations of each kind per step; the most severe are above): "
                + "37 error, 13 warning, 8 info."), github);
        assertTrue(github.contains("Against the baseline: 86 new, 1 unchanged, 1 fixed."), github);
        JsonNode sarif = JSON.readTree(render("sarif", "baseline"));
        assertEquals("unchanged", result(sarif, "GRP-001").path("baselineState").asText());
        assertEquals("new", result(sarif, "ADD-001").path("baselineState").asText());
        JsonNode absent = result(sarif, "TEN-001");
        assertEquals("absent", absent.path("baselineState").asText());
        assertEquals("none", absent.path("level").asText());
        String junit = render("junit", "baseline");
        assertTrue(junit.contains("<system-out>[unchanged] warning: Group 'Sales Department' assigned in deployment 'sales-rollout'"), junit);
        assertTrue(junit.contains("<failure type=\"error\" message=\"[new] &apos;Legacy Invoice Toolbar&apos; is a vsto-add-in"), junit);
        assertTrue(junit.contains("name=\"tenant 0b8d6e2f-7c41-4a93-b5e0-3f9a2c1d7e55 (fixed since the baseline)\""), junit);
        String md = render("markdown", "baseline");
        assertTrue(md.contains("Against the baseline: 86 new, 1 unchanged, 1 fixed."), md);
        assertTrue(md.contains("| warning (unchanged) | GRP-001 |"), md);
        assertTrue(md.contains("<details><summary>1 fixed since the baseline</summary>"), md);
        String html = render("html", "baseline");
        assertTrue(html.contains("<span class=\"tag\">unchanged</span>"), html);
        assertTrue(html.contains("<h2>Fixed since the baseline</h2>"), html);
        assertTrue(html.contains("<b>86 / 1 / 1</b>new / unchanged / fixed"), html);
        String csv = render("csv", "baseline");
        assertTrue(csv.lines().anyMatch(l -> l.startsWith(",TEN-001,") && l.endsWith(",fixed,")), csv);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("warning,GRP-001,") && l.endsWith(",unchanged,")), csv);
        JsonNode json = JSON.readTree(render("json", "baseline"));
        assertEquals(86, json.at("/summary/new").asInt());
        assertEquals(1, json.at("/summary/unchanged").asInt());
        assertEquals(1, json.at("/summary/fixed").asInt());
    }

    /** The lines every format must carry for the configured case (config.yaml as a .preflight.yaml found in the working folder). */
    static final List<String> CONFIG = List.of(
            "config: src/test/resources/golden/config.yaml (.preflight.yaml found in the working folder; --config FILE names another)",
            "failOn set to warning (src/test/resources/golden/config.yaml:1:9)",
            "CLI-004 severity set to info (src/test/resources/golden/config.yaml:4:3)",
            "DATA-004 disabled (src/test/resources/golden/config.yaml:3:3): 5 findings hidden",
            "GRP-005 threshold set to 20 (src/test/resources/golden/config.yaml:5:3)");
    static final String LOUD = "DATA-004 (could not verify) is disabled by src/test/resources/golden/config.yaml:3:3: 5 findings about facts "
            + "the snapshot does not give are hidden (rules that could not decide: ADD-007 x1, DYN-009 x1, ROL-003 x2, ROL-004 x1), and 'could not verify' "
            + "does not count them. Unknown facts are not passes.";

    @Test
    void everyFormatSaysWhatTheConfigChangedAndLoudlyThatDataFourIsOff() throws Exception {
        Report r = cases.get("configured");
        assertEquals(CONFIG, r.configLines());
        assertEquals(LOUD, r.hiddenWarning());
        assertEquals(0, r.couldNotVerify());
        List<String> missing = new ArrayList<>();
        for (String format : Renderers.names()) {
            String out = render(format, "configured");
            String plain = switch (format) {
                case "markdown" -> out.replace("\\", "");
                case "github" -> out.replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%");
                case "junit", "html" -> out.replace("&apos;", "'").replace("&#39;", "'").replace("&quot;", "\"");
                default -> out;
            };
            for (String line : CONFIG) {
                // JSON gives the file and where it was found as fields (config.file, config.fromWorkingFolder).
                if (format.equals("json") && line.startsWith("config:")) continue;
                if (!plain.contains(line)) missing.add(format + ": " + line);
            }
            if (!plain.contains(LOUD)) missing.add(format + ": the DATA-004 warning");
        }
        assertEquals(List.of(), missing);
        String text = render("text", "configured");
        assertTrue(text.startsWith("Preflight 0.1.0: tenant 'Fabrikam', 4 files\n" + CONFIG.get(0) + "\n  " + CONFIG.get(1) + "\n"), text);
        assertTrue(text.contains("\nWARNING: " + LOUD + "\n"), text);
        assertTrue(text.contains("could not verify: 0 (DATA-004 DISABLED: 5 hidden)"), text);
        JsonNode sarif = JSON.readTree(render("sarif", "configured"));
        JsonNode overrides = sarif.at("/runs/0/invocations/0/ruleConfigurationOverrides");
        assertEquals("DATA-004", overrides.get(1).at("/descriptor/id").asText());
        assertFalse(overrides.get(1).at("/configuration/enabled").asBoolean(true));
        assertEquals("note", overrides.get(0).at("/configuration/level").asText());
        assertEquals(20, overrides.get(2).at("/configuration/parameters/threshold").asInt());
        assertEquals("warning", sarif.at("/runs/0/invocations/0/toolConfigurationNotifications/0/level").asText());
        String junit = render("junit", "configured");
        assertTrue(junit.contains("<testcase classname=\"preflight.DATA-004\" name=\"disabled by the config\">\n      <skipped message=\""), junit);
        assertTrue(junit.contains("<property name=\"DATA-004.enabled\" value=\"false (src/test/resources/golden/config.yaml:3:3)\"/>"), junit);
        JsonNode json = JSON.readTree(render("json", "configured"));
        assertEquals(5, json.at("/summary/couldNotVerifyHidden").asInt());
        assertTrue(json.at("/config/fromWorkingFolder").asBoolean());
        assertEquals("src/test/resources/golden/config.yaml", json.at("/config/file").asText());
        assertEquals(5, json.at("/config/hidden/DATA-004").asInt());
        assertEquals(LOUD, json.at("/warnings/0").asText());
        String md = render("markdown", "configured");
        assertTrue(md.contains("> [!WARNING]\n> **DATA\\-004 \\(could not verify\\) is disabled"), md);
        String github = render("github", "configured");
        assertTrue(github.startsWith("::warning title=Preflight%3A could not verify is hidden::DATA-004"), github);
        String html = render("html", "configured");
        assertTrue(html.contains("<p class=\"alarm\" role=\"alert\">DATA-004 (could not verify) is disabled"), html);
    }

    @Test
    void aPlainRunSaysNoConfig() throws Exception {
        assertEquals(List.of(), cases.get("many").configLines());
        assertEquals(null, cases.get("many").hiddenWarning());
        assertFalse(render("text", "many").contains("config:"));
    }

    static JsonNode result(JsonNode sarif, String ruleId) {
        for (JsonNode r : sarif.at("/runs/0/results")) if (r.path("ruleId").asText().equals(ruleId)) return r;
        throw new AssertionError("no result for " + ruleId);
    }
}
