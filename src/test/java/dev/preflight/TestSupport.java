package dev.preflight;

import dev.preflight.engine.RuleBase;
import dev.preflight.engine.RuleBaseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Shared, expensive test fixtures: the bundled rule base is compiled once per test JVM. */
public final class TestSupport {
    private static RuleBase bundled;

    private TestSupport() {
    }

    public static synchronized RuleBase bundledRules() {
        if (bundled == null) {
            try {
                bundled = RuleBase.build(List.of());
            } catch (RuleBaseException e) {
                throw new AssertionError("bundled rules do not compile:\n" + e.getMessage(), e);
            }
        }
        return bundled;
    }

    /** Every YAML file of the samples and the test resources, sorted by path. */
    public static List<Path> yamlFiles() {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("samples", "src/test/resources")) {
            try (Stream<Path> s = Files.walk(Path.of(dir))) {
                s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
