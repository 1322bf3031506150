package dev.preflight.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher {@code ./preflight} with its start-up cache (a class-data-sharing archive on JDK 17, an AOT cache on
 * JDK 24+), on a copy of the clone: the built jar, the launcher and the bundled sample. Whatever happens to the cache
 * (absent, cut short, overwritten, not makeable, made by several launches at once), a run prints what the jar prints.
 */
class LauncherIT {

    @TempDir
    Path clone;
    private String expected;

    @BeforeEach
    void copyTheClone() throws Exception {
        Files.copy(Path.of("preflight"), clone.resolve("preflight"));
        Files.setPosixFilePermissions(clone.resolve("preflight"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(clone.resolve("target"));
        Path jar = JarIT.jar();
        Files.copy(jar, clone.resolve("target").resolve(jar.getFileName()));
        Path sample = Files.createDirectories(clone.resolve("samples/contoso"));
        try (Stream<Path> s = Files.list(Path.of("samples/contoso"))) {
            for (Path f : s.filter(Files::isRegularFile).toList()) Files.copy(f, sample.resolve(f.getFileName()));
        }
        JarIT.Run direct = JarIT.run(clone, "check", "samples/contoso", "--fail-on", "none");
        assertEquals(0, direct.code(), direct.err());
        expected = direct.out();
        assertTrue(expected.contains("tenant 'Contoso'"), expected);
    }

    private JarIT.Run launch(Path javaHome) throws Exception {
        Path out = Files.createTempFile("launch-out", ".txt");
        Path err = Files.createTempFile("launch-err", ".txt");
        ProcessBuilder b = new ProcessBuilder(clone.resolve("preflight").toString(), "check", "samples/contoso", "--fail-on", "none")
                .directory(clone.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        b.environment().put("JAVA_HOME", javaHome.toString());
        b.environment().remove("PREFLIGHT_JAVA_OPTS");
        Process p = b.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "launcher timed out");
        return new JarIT.Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private JarIT.Run launch() throws Exception {
        return launch(Path.of(System.getProperty("java.home")));
    }

    private void assertRunsAsTheJar(JarIT.Run r) {
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertEquals(expected, r.out());
    }

    /** The files the launcher left in target/ besides the jar. */
    private List<String> cacheFiles() throws IOException {
        try (Stream<Path> s = Files.list(clone.resolve("target"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".jar")).sorted().toList();
        }
    }

    /** The one cache, named preflight-RELEASE.BYTES.jsa (or .aot), which is its size. */
    private Path theCache() throws IOException {
        List<String> files = cacheFiles();
        assertEquals(1, files.size(), files.toString());
        String name = files.get(0);
        assertTrue(name.matches("preflight-.+\\.[1-9][0-9]*\\.(jsa|aot)"), name);
        Path cache = clone.resolve("target").resolve(name);
        String[] parts = name.split("\\.");
        assertEquals(Long.parseLong(parts[parts.length - 2]), Files.size(cache), name);
        return cache;
    }

    @Test
    void theFirstRunMakesTheCacheAndTheNextUsesIt() throws Exception {
        assertRunsAsTheJar(launch());
        Path cache = theCache();
        long made = Files.getLastModifiedTime(cache).toMillis();
        assertRunsAsTheJar(launch());
        assertEquals(cache, theCache());
        assertEquals(made, Files.getLastModifiedTime(cache).toMillis(), "the cache was made again");
    }

    /** On JDK 17 an archive cut short crashes the JVM that maps it (SIGBUS): the launcher makes a new one instead. */
    @Test
    void aCacheCutShortIsMadeAgain() throws Exception {
        assertRunsAsTheJar(launch());
        Path cache = theCache();
        byte[] bytes = Files.readAllBytes(cache);
        cache.toFile().setWritable(true);
        Files.write(cache, Arrays.copyOf(bytes, bytes.length / 20));
        assertRunsAsTheJar(launch());
        theCache();
        assertRunsAsTheJar(launch());
    }

    /** A cache of the right size that is no cache: the JVM refuses it and starts without. */
    @Test
    void aCacheOverwrittenWithOtherBytesIsIgnored() throws Exception {
        assertRunsAsTheJar(launch());
        Path cache = theCache();
        byte[] junk = new byte[(int) Files.size(cache)];
        new Random(1).nextBytes(junk);
        cache.toFile().setWritable(true);
        Files.write(cache, junk);
        assertRunsAsTheJar(launch());
        assertRunsAsTheJar(launch());
    }

    /** No cache can be made (here the JVM refuses the option): runs go on without, and do not try again until a build. */
    @Test
    void aCacheThatCannotBeMadeIsNotTriedOnEveryRun() throws Exception {
        Path realHome = Path.of(System.getProperty("java.home"));
        Path home = Files.createDirectories(clone.resolve("jdk/bin"));
        Path log = clone.resolve("jdk/trainings.log");
        Files.copy(realHome.resolve("release"), clone.resolve("jdk/release"));
        Path java = home.resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\n"
                + "for a in \"$@\"; do case \"$a\" in -XX:ArchiveClassesAtExit=*|-XX:AOTCacheOutput=*|-XX:AOTMode=record)"
                + " echo training >> '" + log + "'; exit 1;; esac; done\n"
                + "exec '" + realHome.resolve("bin/java") + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertRunsAsTheJar(launch(clone.resolve("jdk")));
        assertRunsAsTheJar(launch(clone.resolve("jdk")));
        assertEquals(List.of("training"), Files.readAllLines(log));
        List<String> files = cacheFiles();
        assertEquals(1, files.size(), files.toString());
        assertTrue(files.get(0).matches("preflight-.+\\.failed"), files.toString());
        // A new build (a jar newer than the marker) tries again.
        Path jar = JarIT.jar();
        Path copied = clone.resolve("target").resolve(jar.getFileName());
        Files.setLastModifiedTime(copied, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertRunsAsTheJar(launch(clone.resolve("jdk")));
        assertEquals(List.of("training", "training"), Files.readAllLines(log));
    }

    /**
     * Three first runs at once: each prints its report, and what stays in target/ is whole caches only (one, or two when
     * one run renamed its cache into place after another had cleared the folder), no half-made file.
     */
    @Test
    void concurrentFirstRunsLeaveOneWholeCache() throws Exception {
        List<Process> runs = new ArrayList<>();
        List<Path> outs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path out = Files.createTempFile("launch-out", ".txt");
            outs.add(out);
            ProcessBuilder b = new ProcessBuilder(clone.resolve("preflight").toString(), "check", "samples/contoso", "--fail-on", "none")
                    .directory(clone.toFile()).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
            b.environment().put("JAVA_HOME", System.getProperty("java.home"));
            runs.add(b.start());
        }
        for (int i = 0; i < runs.size(); i++) {
            assertTrue(runs.get(i).waitFor(300, TimeUnit.SECONDS), "launcher timed out");
            assertEquals(0, runs.get(i).exitValue());
            assertEquals(expected, Files.readString(outs.get(i), StandardCharsets.UTF_8));
        }
        List<String> files = cacheFiles();
        assertTrue(!files.isEmpty() && files.size() <= 2, files.toString());
        for (String name : files) {
            assertTrue(name.matches("preflight-.+\\.[1-9][0-9]*\\.(jsa|aot)"), name);
            String[] parts = name.split("\\.");
            assertEquals(Long.parseLong(parts[parts.length - 2]), Files.size(clone.resolve("target").resolve(name)), name);
        }
        assertRunsAsTheJar(launch());
        assertEquals(files, cacheFiles());
    }
}
