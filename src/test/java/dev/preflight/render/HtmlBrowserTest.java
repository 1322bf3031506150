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

    @Test
    void loadsCleanlyAndShowsEveryFinding() throws Exception {
        Path html = write("many");
        Run r = chromium(html, "", "--dump-dom");
        noConsoleMessages(r);
        int rows = count(r.stdout(), "<tr data-severity=");
        assertTrue(rows > 5, r.stdout());
        assertTrue(r.stdout().contains("id=\"f-shown\">" + rows + " of " + rows + " shown"), "script ran and counted");
        chromium(html, "", "--screenshot=" + OUT.resolve("many.png").toAbsolutePath(), "--window-size=1280,1800");
        assertTrue(Files.size(OUT.resolve("many.png")) > 10_000, "screenshot written");
    }

    @Test
    void severityAreaRuleAndTextFiltersHideTheOtherRows() throws Exception {
        Path html = write("many");
        String dom = chromium(html, "", "--dump-dom").stdout();
        int rows = count(dom, "<tr data-severity=");
        int errors = count(dom, "<tr data-severity=\"error\"");
        Run bySeverity = chromium(html, "#severity=error", "--dump-dom");
        noConsoleMessages(bySeverity);
        assertEquals(rows - errors, count(bySeverity.stdout(), "<tr data-severity=\"[a-z]+\"[^>]*hidden"));
        assertTrue(bySeverity.stdout().contains(errors + " of " + rows + " shown"));

        int grp001 = count(dom, "data-rule=\"GRP-001\"");
        Run byRule = chromium(html, "#rule=GRP-001", "--dump-dom");
        assertTrue(byRule.stdout().contains(grp001 + " of " + rows + " shown"), byRule.stdout());

        Run byArea = chromium(html, "#area=TEN", "--dump-dom");
        assertTrue(byArea.stdout().contains(count(dom, "data-area=\"TEN\"") + " of " + rows + " shown"));

        Run byText = chromium(html, "#q=west%20coast", "--dump-dom");
        int shown = rows - count(byText.stdout(), "<tr data-severity=\"[a-z]+\"[^>]*hidden");
        assertTrue(shown >= 1 && shown < rows, "search narrows the table: " + shown);
    }

    @Test
    void aMalformedEscapeInTheAddressDoesNotStopTheFilters() throws Exception {
        Path html = write("many");
        String dom = chromium(html, "", "--dump-dom").stdout();
        int rows = count(dom, "<tr data-severity=");
        int errors = count(dom, "<tr data-severity=\"error\"");
        Run r = chromium(html, "#rule=%E0%A4%A&severity=error", "--dump-dom");
        noConsoleMessages(r);
        assertTrue(r.stdout().contains(errors + " of " + rows + " shown"), "the severity preset after it still applies");
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
        Run r = chromium(html, "", "--dump-dom");
        noConsoleMessages(r);
        assertFalse(r.stdout().contains("<script>alert"), "tenant markup is escaped");
        assertFalse(r.stdout().contains("<img src=\"x\""), "no injected element");
        chromium(html, "", "--screenshot=" + OUT.resolve("hostile.png").toAbsolutePath(), "--window-size=1280,1200");
    }
}
