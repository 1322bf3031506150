package dev.preflight.snapshot;

import dev.preflight.fuzz.LoaderFuzzTest;
import dev.preflight.model.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loader checks and binds the items of {@code users} and {@code groups} one at a time while a file is read
 * ({@link SnapshotLoader.Streamed}). That must change nothing but memory: on every snapshot file of the project, on
 * many mutations of the samples, and on the cases built for it below, the streamed load gives the same snapshot (or
 * the same problems, in the same order, worded the same) as reading each file as a whole tree first.
 * {@code -Dpreflight.streamed.mutations=N -Dpreflight.streamed.seed=S} run more or other mutations.
 */
class StreamedLoadTest {

    /** The snapshot's text, or the problems' lines: what a load ends in. */
    private static String outcome(SnapshotLoader loader, Path input) {
        try {
            Snapshot s = loader.load(input);
            return "snapshot " + s;
        } catch (InputException e) {
            StringBuilder b = new StringBuilder("problems\n");
            for (Problem p : e.problems()) b.append(p).append('\n');
            return b.toString();
        }
    }

    private static void same(Path input) {
        String streamed = outcome(new SnapshotLoader(), input);
        String whole = outcome(new SnapshotLoader().streaming(false), input);
        assertEquals(whole, streamed, input.toString());
    }

    @Test
    void everySnapshotFileOfTheProjectLoadsTheSame() throws IOException {
        List<Path> files = dev.preflight.TestSupport.yamlFiles();
        int snapshots = 0;
        for (Path f : files) {
            same(f);
            if (outcome(new SnapshotLoader(), f).startsWith("snapshot")) snapshots++;
        }
        for (String sample : List.of("samples/contoso", "samples/fabrikam", "samples/litware")) same(Path.of(sample));
        assertTrue(files.size() > 100 && snapshots > 15, files.size() + " files, " + snapshots + " snapshots");
    }

    @Test
    void everySnapshotOfTheRuleFixturesLoadsTheSame(@TempDir Path tmp) throws IOException {
        List<Path> fixtures;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/rules"))) {
            fixtures = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        int n = 0;
        for (Path fx : fixtures) {
            // Each case's snapshot as written in the fixture (the block under "snapshot:", dedented).
            List<String> lines = Files.readAllLines(fx, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (!l.strip().equals("snapshot:")) continue;
                int indent = l.indexOf('s') + 2;
                StringBuilder b = new StringBuilder();
                int j = i + 1;
                for (; j < lines.size(); j++) {
                    String m = lines.get(j);
                    if (!m.isBlank() && (m.length() - m.stripLeading().length()) < indent) break;
                    b.append(m.length() >= indent ? m.substring(indent) : "").append('\n');
                }
                Path input = tmp.resolve(fx.getFileName() + "-" + (i + 1) + ".yaml");
                Files.writeString(input, b.toString(), StandardCharsets.UTF_8);
                same(input);
                n++;
            }
        }
        assertTrue(n > 300, n + " fixture snapshots");
    }

    @Test
    void mutatedSamplesLoadTheSame(@TempDir Path tmp) throws IOException {
        List<Path> seeds = new ArrayList<>();
        for (String sample : List.of("samples/contoso", "samples/fabrikam")) {
            try (Stream<Path> s = Files.walk(Path.of(sample))) {
                s.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(seeds::add);
            }
        }
        Random random = new Random(Long.getLong("preflight.streamed.seed", 20261201L));
        int n = Integer.getInteger("preflight.streamed.mutations", 1500);
        int problems = 0;
        for (int i = 0; i < n; i++) {
            Path seed = seeds.get(random.nextInt(seeds.size()));
            Path input = tmp.resolve("m" + i + ".yaml");
            Files.writeString(input, LoaderFuzzTest.mutate(Files.readString(seed, StandardCharsets.UTF_8), random), StandardCharsets.UTF_8);
            same(input);
            if (outcome(new SnapshotLoader(), input).startsWith("problems")) problems++;
        }
        assertTrue(problems > n / 5 && problems < n * 14 / 15, problems + " of " + n + " with problems");
    }

    private static Path write(Path dir, String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void problemsInItemsAndElsewhereComeAsTheyDidFromTheWholeTree(@TempDir Path tmp) throws IOException {
        // A bad item, a bad date in a good item (a binding problem, not reported while the file has schema problems),
        // an unknown key at the top after the section, a secret in an item.
        Path mixed = write(tmp, "mixed.yaml",
                "schemaVersion: 1",
                "users:",
                "  - id: u1",
                "    assignedAt: 2026-02-30",
                "  - id: u2",
                "    mailbox: {type: nonsense}",
                "  - id: u3",
                "    password: hunter2",
                "groups:",
                "  - id: g1",
                "    members: [{user: u1}, {nobody: x}]",
                "  - 7",
                "extra: 1");
        String streamed = outcome(new SnapshotLoader(), mixed);
        assertTrue(streamed.contains("users[1].mailbox.type") && streamed.contains("unknown key 'extra'") && streamed.contains("groups[1]"), streamed);
        same(mixed);
        // Only binding problems: reported, sorted.
        same(write(tmp, "dates.yaml", "schemaVersion: 1", "users:", "  - id: u1", "    assignedAt: 2026-02-30",
                "    clients: [{app: outlook, platform: windows, version: 'x.y'}]", "groups:", "  - id: g1", "    members: [{user: u9}]"));
        // The section given twice: its second value is a duplicate key, and is not streamed.
        same(write(tmp, "twice.yaml", "schemaVersion: 1", "users:", "  - id: u1", "users:", "  - id: u2", "    mailbox: 3"));
        // No schemaVersion, or a newer one, written after the items: only that is reported.
        same(write(tmp, "late.yaml", "users:", "  - id: u1", "    mailbox: 3", "schemaVersion: 2"));
        same(write(tmp, "none.yaml", "users:", "  - mailbox: 3"));
        // A section that is no list, a list of lists, an empty list, a syntax error after good items.
        same(write(tmp, "map.yaml", "schemaVersion: 1", "users: {id: u1}", "groups: [[1, 2]]"));
        same(write(tmp, "empty.yaml", "schemaVersion: 1", "users: []", "groups: []"));
        same(write(tmp, "broken.yaml", "schemaVersion: 1", "users:", "  - id: u1", "  - id: [u2"));
    }

    @Test
    void theBytesAreCheckedAsWhenTheFileWasReadWhole(@TempDir Path tmp) throws IOException {
        byte[] big = ("schemaVersion: 1\nusers:\n" + "  - id: u\u00e9\n".repeat(20000)).getBytes(StandardCharsets.UTF_8);
        List<byte[]> inputs = new ArrayList<>();
        inputs.add(new byte[0]);
        inputs.add("\uFEFFschemaVersion: 1\nusers: [{id: a}]\n".getBytes(StandardCharsets.UTF_8));
        inputs.add("schemaVersion: 1\nusers: [{id: caf\u00e9}]\n".getBytes(StandardCharsets.ISO_8859_1)); // Latin-1
        inputs.add("schemaVersion: 1\nusers: [{id: \u00e9}]\n\u0000".getBytes(StandardCharsets.ISO_8859_1)); // bad byte, then NUL
        byte[] cut = "schemaVersion: 1\nusers: [{id: a}]\n# \u00e9".getBytes(StandardCharsets.UTF_8);
        inputs.add(java.util.Arrays.copyOf(cut, cut.length - 1)); // half a character at the end
        for (int at : new int[] {65535, 65536, 65537, big.length - 3}) {
            byte[] b = big.clone();
            b[at] = (byte) 0xC3; // a lead byte followed by no continuation where the two-byte é is split or not
            b[at + 1] = (byte) 0x41;
            inputs.add(b);
            byte[] z = big.clone();
            z[at] = 0;
            inputs.add(z);
        }
        inputs.add(big);
        int i = 0;
        for (byte[] b : inputs) {
            Path f = tmp.resolve("b" + i++ + ".yaml");
            Files.write(f, b);
            same(f);
        }
        String latin = outcome(new SnapshotLoader(), tmp.resolve("b2.yaml"));
        assertEquals("problems\n" + tmp.resolve("b2.yaml") + ":2:17: not UTF-8: byte 0xE9 at offset 33; save the file as UTF-8\n", latin);
        assertTrue(outcome(new SnapshotLoader(), tmp.resolve("b3.yaml")).contains("binary file (NUL byte)"));
        assertTrue(outcome(new SnapshotLoader(), tmp.resolve(("b" + (inputs.size() - 1)) + ".yaml")).startsWith("snapshot"));
    }

    @Test
    void aFolderParsedOnSeveralThreadsLoadsTheSame(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("folder"));
        write(dir, "a.yaml", "schemaVersion: 1", "groups:", "  - id: g1", "    members: [{user: u2}, {group: g2}]",
                "deployments:", "  - id: d1", "    app: a1", "    targets: [{group: g1}]");
        write(dir, "b.yaml", "schemaVersion: 1", "users:", "  - id: u1", "    assignedAt: 2026-01-01", "groups:", "  - id: g2",
                "    members: [{user: u1}, {user: u3}]", "apps:", "  - id: a1", "    name: A", "    kind: office-add-in");
        write(dir, "c.yaml", "schemaVersion: 1", "users:", "  - id: u2", "  - id: u1");
        for (int threads : new int[] {1, 2, 3}) {
            String streamed = outcome(new SnapshotLoader().parallel(threads, 0), dir);
            String whole = outcome(new SnapshotLoader().parallel(threads, 0).streaming(false), dir);
            assertEquals(whole, streamed, threads + " threads");
            assertTrue(streamed.contains("u3"), streamed); // the group names a user no file gives
        }
        write(dir, "d.yaml", "schemaVersion: 1", "users:", "  - id: u4", "    mailbox: {type: nonsense}");
        assertEquals(outcome(new SnapshotLoader().parallel(2, 0).streaming(false), dir), outcome(new SnapshotLoader().parallel(2, 0), dir));
    }
}
