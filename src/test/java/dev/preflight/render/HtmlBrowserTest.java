package dev.preflight.render;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The HTML report as a person sees it, in headless Chromium: it loads with no console message (a CSP
 * violation or a script error would log one), the filters work (preset through the address), hostile text stays
 * text, and a screenshot is left in target/ as a build artifact. On a machine without Chromium the test is
 * skipped with a message; under CI (CI=true) a missing Chromium fails it, so CI never passes without the browser.
 */
class HtmlBrowserTest {
    static Path chromium;
    static final Path OUT = Path.of("target/html-report");

    @BeforeAll
    static void findBrowser() throws IOException {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(c))) chromium = Path.of(c);
        }
        if (chromium == null && "true".equals(System.getenv("CI"))) fail("CI must have Chromium (.ci/run installs it)");
        Assumptions.assumeTrue(chromium != null, "Chromium not installed: apt-get install chromium (CI installs it)");
        Files.createDirectories(OUT);
    }

    record Run(String stdout, String stderr) {
    }

    static Run chromium(Path html, String hash, String... extra) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        cmd.addAll(List.of(extra));
        cmd.add(html.toAbsolutePath().toUri() + hash);
        Path out = Files.createTempFile("chromium", ".out");
        Path err = Files.createTempFile("chromium", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish");
        }
        return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    static Path write(String caseName) throws Exception {
        Path html = OUT.resolve(caseName + ".html");
        Files.writeString(html, RendererGoldenTest.render("html", RendererGoldenTest.cases().get(caseName)), StandardCharsets.UTF_8);
        return html;
    }

    static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    static void noConsoleMessages(Run r) {
        List<String> console = r.stderr().lines().filter(l -> l.contains(":CONSOLE")).toList();
        assertTrue(console.isEmpty(), "console messages: " + console);
    }

    static Path write(String name, dev.preflight.report.Report r) throws Exception {
        Path html = OUT.resolve(name + ".html");
        Files.writeString(html, RendererGoldenTest.render("html", r), StandardCharsets.UTF_8);
        return html;
    }

    static String shown(int n, int of) {
        return "id=\"f-shown\" role=\"status\">" + n + " of " + of + " shown";
    }

    /** The rows the script drew (or the static ones) inside the group of a rule, in a dumped DOM. */
    static int rowsOfGroup(String dom, String ruleId) {
        int start = dom.indexOf("<details class=\"group\" id=\"g-" + ruleId + "\"");
        assertTrue(start >= 0, "group " + ruleId);
        int end = dom.indexOf("</tbody>", start);
        return count(dom.substring(start, end), "<tr( class=\"waived\")? data-severity=");
    }

    @Test
    void loadsCleanlyAndCountsEveryFinding() throws Exception {
        var report = RendererGoldenTest.cases().get("many");
        int all = report.entries().size();
        Path html = write("many");
        Run r = chromium(html, "", "--dump-dom");
        noConsoleMessages(r);
        assertTrue(all > 5);
        assertTrue(r.stdout().contains(shown(all, all)), "script ran and counted");
        assertTrue(r.stdout().contains("<div class=\"controls\" id=\"f-controls\">"), "controls shown with script");
        chromium(html, "", "--screenshot=" + OUT.resolve("many.png").toAbsolutePath(), "--window-size=1280,1800");
        assertTrue(Files.size(OUT.resolve("many.png")) > 10_000, "screenshot written");
    }

    @Test
    void severityAreaRuleAndTextFiltersCountEveryGroup() throws Exception {
        var report = RendererGoldenTest.cases().get("many");
        int all = report.entries().size();
        Path html = write("many");
        long errors = report.entries().stream().filter(e -> e.severity() == dev.preflight.engine.Severity.ERROR).count();
        Run bySeverity = chromium(html, "#severity=error", "--dump-dom");
        noConsoleMessages(bySeverity);
        assertTrue(bySeverity.stdout().contains(shown((int) errors, all)), bySeverity.stdout());

        long grp001 = report.entries().stream().filter(e -> e.finding().ruleId().equals("GRP-001")).count();
        Run byRule = chromium(html, "#rule=GRP-001", "--dump-dom");
        assertTrue(byRule.stdout().contains(shown((int) grp001, all)), byRule.stdout());
        assertTrue(byRule.stdout().contains("<details class=\"group\" id=\"g-GRP-001\" data-rule=\"GRP-001\""), "group kept");
        assertEquals(grp001, rowsOfGroup(byRule.stdout(), "GRP-001"), "a rule filter opens its group and draws its rows");

        long ten = report.entries().stream().filter(e -> e.finding().ruleId().startsWith("TEN-")).count();
        Run byArea = chromium(html, "#area=TEN", "--dump-dom");
        assertTrue(byArea.stdout().contains(shown((int) ten, all)), byArea.stdout());

        Run byText = chromium(html, "#q=west%20coast", "--dump-dom");
        Matcher m = Pattern.compile("id=\"f-shown\" role=\"status\">(\\d+) of").matcher(byText.stdout());
        assertTrue(m.find());
        int n = Integer.parseInt(m.group(1));
        assertTrue(n >= 1 && n < all, "search narrows the findings: " + n);
    }

    @Test
    void aLargeGroupDrawsAPageAndOffersTheRest() throws Exception {
        var report = HtmlFindingsTest.repeated(RendererGoldenTest.cases().get("many"), 300);
        int all = report.entries().size();
        long grp001 = report.entries().stream().filter(e -> e.finding().ruleId().equals("GRP-001")).count();
        assertTrue(grp001 > 400, "a group larger than two pages: " + grp001);
        Path html = write("large", report);
        Run closed = chromium(html, "", "--dump-dom");
        noConsoleMessages(closed);
        assertTrue(closed.stdout().contains(shown(all, all)));
        assertEquals(HtmlFindings.STATIC_ROWS, rowsOfGroup(closed.stdout(), "GRP-001"), "a closed group keeps its static rows");
        Run open = chromium(html, "#rule=GRP-001", "--dump-dom");
        noConsoleMessages(open);
        assertEquals(200, rowsOfGroup(open.stdout(), "GRP-001"), "one page drawn");
        assertTrue(open.stdout().contains("<button type=\"button\">Show 200 more (" + (grp001 - 200) + " not shown yet)</button>"),
                open.stdout());
    }

    @Test
    void aMalformedEscapeInTheAddressDoesNotStopTheFilters() throws Exception {
        var report = RendererGoldenTest.cases().get("many");
        int all = report.entries().size();
        long errors = report.entries().stream().filter(e -> e.severity() == dev.preflight.engine.Severity.ERROR).count();
        Path html = write("many");
        Run r = chromium(html, "#rule=%E0%A4%A&severity=error", "--dump-dom");
        noConsoleMessages(r);
        assertTrue(r.stdout().contains(shown((int) errors, all)), "the severity preset after it still applies");
    }

    @Test
    void theReadinessSectionShowsEachDeploymentAndItsUsers() throws Exception {
        Path html = write("ready");
        Run r = chromium(html, "", "--dump-dom");
        noConsoleMessages(r);
        String dom = r.stdout();
        assertEquals(3, count(dom, "<details class=\"readiness\""), "one folded table per deployment");
        assertTrue(dom.contains("<tr data-deployment=\"crm-team\"><td>crm-team</td><td>CRM for Outlook</td><td class=\"num\">8</td>"
                + "<td class=\"num\">4</td><td class=\"num error\">3</td><td class=\"num warning\">1</td></tr>"), dom);
        assertEquals(3 + 1, count(dom, "<tr data-state=\"blocked\""), "Ben, Dan, Hal; Gus in the Excel deployment");
        // Opened (as printing opens them), the users' tables are on the page.
        Path open = OUT.resolve("ready-open.html");
        Files.writeString(open, Files.readString(html, StandardCharsets.UTF_8).replace("<details class=\"readiness\"",
                "<details open class=\"readiness\""), StandardCharsets.UTF_8);
        noConsoleMessages(chromium(open, "", "--dump-dom"));
        chromium(open, "", "--screenshot=" + OUT.resolve("ready.png").toAbsolutePath(), "--window-size=1280,2600");
        assertTrue(Files.size(OUT.resolve("ready.png")) > 10_000, "screenshot written");
    }

    @Test
    void hostileTextStaysTextAndNothingExecutes() throws Exception {
        Path html = write("hostile");
        Run r = chromium(html, "#q=script", "--dump-dom");
        noConsoleMessages(r);
        assertFalse(r.stdout().contains("<script>alert"), "tenant markup is escaped");
        assertFalse(r.stdout().contains("<img src=\"x\""), "no injected element");
        chromium(html, "", "--screenshot=" + OUT.resolve("hostile.png").toAbsolutePath(), "--window-size=1280,1200");
    }
}
