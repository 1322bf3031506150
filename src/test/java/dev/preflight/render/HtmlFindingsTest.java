package dev.preflight.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.report.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTML report's findings: groups per rule with counts, static first rows, and the escaped JSON data block. */
class HtmlFindingsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String OPEN = "<script type=\"application/json\" id=\"f-data\">";
    static Map<String, Report> cases;

    @BeforeAll
    static void load() throws Exception {
        cases = RendererGoldenTest.cases();
    }

    /** The same report with each entry repeated {@code times} times (a large report without a large tenant). */
    static Report repeated(Report r, int times) {
        List<Report.Entry> entries = new ArrayList<>();
        for (Report.Entry e : r.entries()) for (int i = 0; i < times; i++) entries.add(e);
        return withEntries(r, entries);
    }

    /** The same report with other entries. */
    static Report withEntries(Report r, List<Report.Entry> entries) {
        return new Report(r.toolName(), r.toolVersion(), r.tenantName(), r.files(), r.snapshotSha256(), List.copyOf(entries),
                r.catalog(), r.deployments(), r.failOn(), r.failOnNewOnly(), r.fixed(), r.baseline(), r.notes(), r.overrides(),
                r.timingsNanos(), r.timestamp(), r.configFile(), r.configFromWorkingFolder(), r.hidden(), r.outputs(),
                r.hiddenUnverified());
    }

    static String block(String html) {
        int start = html.indexOf(OPEN);
        assertTrue(start >= 0, "data block");
        int end = html.indexOf("</script>", start);
        return html.substring(start + OPEN.length(), end);
    }

    static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    @Test
    void theDataBlockCannotBeClosedByTenantTextAndReadsBackExact() throws Exception {
        Report r = cases.get("hostile");
        String html = RendererGoldenTest.render("html", r);
        String block = block(html);
        assertFalse(block.contains("<"), block);
        assertFalse(block.contains(">"), block);
        assertFalse(block.contains("&"), block);
        assertTrue(block.contains("\\u003Cscript\\u003Ealert('t')\\u003C/script\\u003E \\u0026 \\\"Co\\\""), block);
        JsonNode data = JSON.readTree(block);
        assertEquals(r.entries().size(), data.get("findings").size());
        List<String> messages = new ArrayList<>();
        for (JsonNode f : data.get("findings")) messages.add(f.get(4).asText());
        List<String> expected = new ArrayList<>();
        for (HtmlFindings.Group g : HtmlFindings.groups(r)) for (Report.Entry e : g.entries()) expected.add(Text.inert(e.finding().message()));
        assertEquals(expected, messages);
        assertTrue(messages.stream().anyMatch(m -> m.contains("</td><img src=x onerror=alert(1)>")), messages.toString());
    }

    @Test
    void oneGroupPerRuleWithItsCountAndTheFirstRowsStatic() throws Exception {
        Report r = repeated(cases.get("many"), 30);
        String html = RendererGoldenTest.render("html", r);
        Map<String, Integer> perRule = new LinkedHashMap<>();
        for (Report.Entry e : r.entries()) perRule.merge(e.finding().ruleId(), 1, Integer::sum);
        int staticRows = 0;
        for (Map.Entry<String, Integer> e : perRule.entrySet()) {
            String id = e.getKey();
            int n = e.getValue();
            assertTrue(html.contains("<td class=\"num\" id=\"rc-" + id + "\">" + n + "</td>"), id);
            assertTrue(html.contains("<details class=\"group\" id=\"g-" + id + "\" data-rule=\"" + id + "\""), id);
            assertTrue(html.contains("<span class=\"count\">" + n + " findings</span>"), id);
            staticRows += Math.min(n, HtmlFindings.STATIC_ROWS);
            if (n > HtmlFindings.STATIC_ROWS) {
                assertTrue(html.contains((n - HtmlFindings.STATIC_ROWS) + " more findings of this rule: shown with JavaScript"), id);
            }
        }
        assertEquals(perRule.size(), count(html, "<tr data-rule="));
        assertEquals(staticRows, count(html, "<tr( class=\"waived\")? data-severity="));
        assertEquals(r.entries().size(), JSON.readTree(block(html)).get("findings").size());
        assertTrue(html.contains(r.entries().size() + " of " + r.entries().size() + " shown"));
    }

    @Test
    void groupsPutTheMostSevereFirstAndTheDataFollowsTheirOrder() throws Exception {
        Report r = cases.get("many");
        List<HtmlFindings.Group> groups = HtmlFindings.groups(r);
        int start = 0;
        for (int i = 0; i < groups.size(); i++) {
            HtmlFindings.Group g = groups.get(i);
            assertEquals(start, g.start());
            start += g.entries().size();
            if (i > 0) assertTrue(groups.get(i - 1).worst().ordinal() <= g.worst().ordinal(), g.ruleId());
        }
        assertEquals(r.entries().size(), start);
        JsonNode data = JSON.readTree(block(RendererGoldenTest.render("html", r)));
        for (int i = 0; i < groups.size(); i++) assertEquals(groups.get(i).ruleId(), data.at("/rules/" + i + "/id").asText());
        int i = 0;
        for (HtmlFindings.Group g : groups) {
            for (Report.Entry e : g.entries()) {
                JsonNode f = data.get("findings").get(i++);
                assertEquals(groups.indexOf(g), f.get(0).asInt());
                assertEquals(e.severity().ordinal(), f.get(1).asInt());
                assertEquals(e.finding().location().toString(), f.get(7).asText());
            }
        }
    }

    @Test
    void longRecipientListsGoToTheirOwnBlockPastTheStaticBudget() throws Exception {
        Report many = cases.get("many");
        List<Report.DeploymentView> deployments = new ArrayList<>();
        while (deployments.size() < 3000) deployments.addAll(many.deployments());
        Report r = new Report(many.toolName(), many.toolVersion(), many.tenantName(), many.files(), many.snapshotSha256(),
                many.entries(), many.catalog(), List.copyOf(deployments), many.failOn(), many.failOnNewOnly(), many.fixed(),
                many.baseline(), many.notes(), many.overrides(), many.timingsNanos(), many.timestamp());
        String html = RendererGoldenTest.render("html", r);
        int inline = 0;
        int budget = HtmlRenderer.STATIC_LIST_ITEMS;
        List<Report.DeploymentView> lazy = new ArrayList<>();
        for (Report.DeploymentView d : deployments) {
            int items = (d.audience().everyone() ? 0 : d.audience().recipients().size()) + d.audience().excluded().size();
            if (items <= budget) {
                budget -= items;
                inline++;
            } else {
                lazy.add(d);
            }
        }
        assertTrue(!lazy.isEmpty() && inline > 0, "both kinds: " + inline + " static, " + lazy.size() + " built when opened");
        assertEquals(lazy.size(), count(html, "<details data-list=\""));
        int start = html.indexOf("<script type=\"application/json\" id=\"d-data\">");
        String block = html.substring(html.indexOf('>', start) + 1, html.indexOf("</script>", start));
        assertFalse(block.contains("<"), block);
        JsonNode lists = JSON.readTree(block);
        assertEquals(lazy.size(), lists.size());
        for (int i = 0; i < lazy.size(); i++) {
            var a = lazy.get(i).audience();
            assertEquals(a.everyone() ? 0 : a.recipients().size(), lists.get(i).get(0).size());
            assertEquals(a.excluded().size(), lists.get(i).get(1).size());
            if (!a.excluded().isEmpty()) assertEquals(a.excluded().get(0).userId(), lists.get(i).at("/1/0/0").asText());
        }
        assertEquals(0, count(RendererGoldenTest.render("html", many), "data-list="), "a small report lists every deployment statically");
    }

    @Test
    void helpLinksAreWebAddressesOnly() {
        assertEquals("https://learn.microsoft.com/x", HtmlFindings.link("https://learn.microsoft.com/x"));
        assertEquals(null, HtmlFindings.link("javascript:alert(1)"));
        assertEquals(null, HtmlFindings.link(null));
    }

    @Test
    void theSameReportGivesTheSameBytes() throws Exception {
        Report r = repeated(cases.get("baseline"), 3);
        assertEquals(RendererGoldenTest.render("html", r), RendererGoldenTest.render("html", r));
    }
}
