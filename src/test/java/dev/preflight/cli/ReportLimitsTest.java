package dev.preflight.cli;

import dev.preflight.bench.Generator;
import dev.preflight.render.GithubRenderer;
import dev.preflight.render.Markdown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 10,000-user tenant: the Markdown report fits GitHub's 65,536-character comment and the github format GitHub's
 * 10 annotations per kind and step, each with the most severe first, a count of the rest and where the full report is.
 */
class ReportLimitsTest {

    @Test
    void aTenThousandUserTenantFitsWhereItIsRead(@TempDir Path tmp) throws Exception {
        Path snapshot = tmp.resolve("tenant");
        new Generator(10_000, 1L).write(snapshot);
        Path md = tmp.resolve("preflight.md");
        Path gh = tmp.resolve("preflight.github.txt");
        Path html = tmp.resolve("preflight.html");
        Cli r = Cli.run("check", snapshot.toString(), "--format", "markdown=" + md, "--format", "github=" + gh,
                "--format", "html=" + html, "--format", "json=" + tmp.resolve("preflight.json"));
        assertEquals(1, r.code(), r.err());

        String markdown = Files.readString(md);
        assertTrue(markdown.length() <= Markdown.LIMIT, "markdown is " + markdown.length() + " characters");
        assertTrue(markdown.codePointCount(0, markdown.length()) <= 65_536);
        Matcher all = Pattern.compile("<details><summary>All (\\d+) findings</summary>").matcher(markdown);
        assertTrue(all.find(), markdown.substring(0, 2000));
        int total = Integer.parseInt(all.group(1));
        assertTrue(total > 500, "the tenant has many findings: " + total);
        Matcher rest = Pattern.compile("_\\.\\.\\. and (\\d+) more not shown here \\(GitHub's comment limit\\); see (.+)\\._").matcher(markdown);
        assertTrue(rest.find(), markdown.substring(markdown.length() - 2000));
        int rows = (int) markdown.substring(all.start(), rest.start()).lines().filter(l -> l.startsWith("| error") || l.startsWith("| warning")
                || l.startsWith("| info")).count();
        assertEquals(total, rows + Integer.parseInt(rest.group(1)), "shown rows and the count of the rest add up");
        assertEquals("`" + html + "`, `" + tmp.resolve("preflight.json") + "`", rest.group(2), "the cut formats are not the full report");
        String top = markdown.substring(markdown.indexOf("### Top findings"), all.start());
        assertEquals(10, top.lines().filter(l -> l.startsWith("| error | ")).count(), "the top ten are errors: " + top);

        List<String> lines = Files.readAllLines(gh);
        for (String kind : new String[]{"error", "warning", "notice"}) {
            long n = lines.stream().filter(l -> l.startsWith("::" + kind + " ")).count();
            assertTrue(n <= GithubRenderer.PER_KIND, kind + ": " + n);
        }
        assertEquals(GithubRenderer.PER_KIND, lines.stream().filter(l -> l.startsWith("::error ")).count(), "the errors come first");
        String summary = lines.get(lines.size() - 1);
        assertTrue(summary.startsWith("::notice title=Preflight summary::"), summary);
        assertTrue(summary.contains("%0ANot annotated (GitHub shows 10 annotations of each kind per step; the most severe are above): "), summary);
        assertTrue(summary.endsWith("%0AFull report: " + html + ", " + tmp.resolve("preflight.json")), summary);
        assertTrue(lines.size() <= 3 * GithubRenderer.PER_KIND, "at most 30 annotations: " + lines.size());
    }
}
