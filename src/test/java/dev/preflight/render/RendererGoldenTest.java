package dev.preflight.render;

import dev.preflight.Preflight;
import dev.preflight.TestSupport;
import dev.preflight.engine.Severity;
import dev.preflight.policy.Baseline;
import dev.preflight.policy.Config;
import dev.preflight.policy.Policy;
import dev.preflight.policy.Waivers;
import dev.preflight.report.Report;
import dev.preflight.snapshot.SnapshotLoader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every renderer against stored expected bytes for the cases of {@code src/test/resources/golden/README.md}.
 * Regenerate on purpose with {@code -Dpreflight.updateGolden=true} and review the diff.
 */
public class RendererGoldenTest {
    static final Path DIR = Path.of("src/test/resources/golden");
    static final LocalDate AS_OF = LocalDate.parse("2026-11-23");
    static final Map<String, String> EXTENSIONS = Map.of("text", "txt", "json", "json", "sarif", "sarif",
            "junit", "xml", "markdown", "md", "github", "github.txt", "csv", "csv", "html", "html", "readiness-csv", "readiness.csv");

    public static Map<String, Report> cases() throws Exception {
        SnapshotLoader loader = new SnapshotLoader();
        Policy plain = Policy.none(AS_OF);
        Map<String, Report> cases = new LinkedHashMap<>();
        cases.put("empty", check(loader, DIR.resolve("empty.yaml"), plain));
        cases.put("one", check(loader, DIR.resolve("one.yaml"), plain));
        cases.put("many", check(loader, Path.of("samples/fabrikam"), plain));
        cases.put("waived", check(loader, Path.of("samples/fabrikam"),
                new Policy(Config.NONE, Waivers.read(DIR.resolve("waivers.yaml")), null, false, AS_OF)));
        cases.put("baseline", check(loader, Path.of("samples/fabrikam"),
                new Policy(Config.NONE, List.of(), Baseline.read(DIR.resolve("previous-report.json")), true, AS_OF)));
        cases.put("hostile", check(loader, DIR.resolve("hostile.yaml"), plain));
        Config config = Config.read(DIR.resolve("config.yaml"), true);
        cases.put("configured", check(loader, Path.of("samples/fabrikam"),
                new Policy(config, Waivers.read(DIR.resolve("waivers.yaml")), null, false, AS_OF), config.failOn()));
        cases.put("ready", check(loader, DIR.resolve("ready.yaml"),
                new Policy(Config.NONE, Waivers.read(DIR.resolve("ready-waivers.yaml")), null, false, AS_OF)));
        return cases;
    }

    static Report check(SnapshotLoader loader, Path snapshot, Policy policy) throws Exception {
        return check(loader, snapshot, policy, Severity.ERROR);
    }

    static Report check(SnapshotLoader loader, Path snapshot, Policy policy, Severity failOn) throws Exception {
        return new Preflight(TestSupport.bundledRules(), loader, policy, null).check(snapshot, failOn, false);
    }

    public static String render(String format, Report r) throws Exception {
        StringWriter w = new StringWriter();
        Renderers.get(format).render(r, w);
        return w.toString();
    }

    @TestFactory
    Stream<DynamicTest> golden() throws Exception {
        boolean update = Boolean.getBoolean("preflight.updateGolden");
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Report> c : cases().entrySet()) {
            for (String format : Renderers.names()) {
                Path expected = DIR.resolve(c.getKey() + "." + EXTENSIONS.get(format));
                tests.add(DynamicTest.dynamicTest(c.getKey() + " as " + format, () -> {
                    String actual = render(format, c.getValue());
                    if (update) Files.writeString(expected, actual, StandardCharsets.UTF_8);
                    assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual,
                            expected + " differs; if intended, regenerate with -Dpreflight.updateGolden=true");
                }));
            }
        }
        return tests.stream();
    }
}
