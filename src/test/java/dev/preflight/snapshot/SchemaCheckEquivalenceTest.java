package dev.preflight.snapshot;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link SchemaCheck} walks the tree itself; {@link LibrarySchemaCheck} is how snapshots were checked before (networknt
 * on a JSON copy). Both must find the same problems, worded the same, at the same places: on every snapshot file of
 * the project and on many mutations of them (a value of another type, length or text; a key dropped or added).
 */
class SchemaCheckEquivalenceTest {
    private final SchemaCheck check = SchemaCheck.shared();
    private final LibrarySchemaCheck library = new LibrarySchemaCheck();
    private final YamlReader yaml = new YamlReader();
    private int compared;
    private int withProblems;

    @Test
    void theSameProblemsOnEverySnapshotFileAndItsMutations() throws IOException {
        List<Path> files = dev.preflight.TestSupport.yamlFiles();
        Random random = new Random(20261201);
        int documents = 0;
        for (Path f : files) {
            YNode root;
            try {
                root = Secrets.redact(yaml.read(new StringReader(Files.readString(f)), f.toString())).root();
            } catch (InputException | IOException e) {
                continue; // not a parseable file (the hostile-input fixtures)
            }
            if (!(root instanceof YNode.YMap map) || !map.containsKey("schemaVersion")) continue;
            documents++;
            compare(root, f + " as written");
            List<Slot> slots = new ArrayList<>();
            slots(root, slots);
            // Every slot of a small file; a sample of a large one.
            int budget = 1000;
            for (int i = 0; i < slots.size() && budget > 0; i++) {
                if (slots.size() > budget && random.nextInt(slots.size()) >= budget) continue;
                budget--;
                mutate(root, slots.get(i), f.toString(), random);
            }
        }
        assertTrue(documents > 20, "snapshot files compared: " + documents);
        System.out.println("schema check equivalence: " + compared + " trees compared, " + withProblems + " with problems");
        assertTrue(withProblems > 5000, "mutations with problems: " + withProblems + " of " + compared);
    }

    @Test
    void theSameProblemsOnHandWrittenEdgeCases() throws Exception {
        String[] docs = {
            "schemaVersion: 1\nusers: [{id: 5, upn: 3.5, displayName: null, accountState: 7, licenses: x, clients: [{app: word, platform: mac, version: true}]}]",
            "schemaVersion: 1\nusers: [{id: ''}]\ngaps: [{fact: f, reason: r, origin: {file: f, line: 0}}, {fact: f, reason: r, origin: {file: f, line: 1.0}}, {fact: f, reason: r, origin: {file: f, line: 2.5}}]",
            "schemaVersion: 1\nusers: [{id: " + "x".repeat(513) + "}]\nsnapshot: {takenAt: 2020}\ngroups: [{id: g, members: [{}, {user: a, group: b}]}]",
            "schemaVersion: 1.5\n", "schemaVersion: '1'\n", "schemaVersion: null\n", "schemaVersion: 1.0\nusers: {}\ntenant: []\nskus: [{}]",
            "schemaVersion: 1\napps: [{id: a, manifestVersion: [1], latestManifestVersion: {a: 1}, hosts: [5, x]}]",
            "schemaVersion: 1\nuserz: []\nusers: [{id: a, mailbox: {tpye: x}, clients: [{app: null, platform: {a: 1}, edtion: x}]}]",
            "schemaVersion: 1\nusers: [{id: a, password=hunter2hunter2: 1, secret=abcdefghijkl: 2}]",
            "schemaVersion: 1\ngroups: [{id: g, members: [{password=hunter2hunter2: a, secret=abcdefghijkl: b}, {password=hunter2hunter2: a}]}]",
            "schemaVersion: 1\nusers: [{id: a, assignedAt: '2024-01-01T10:00'}, {id: b, assignedAt: \"2024-01-01\\n\"}, {id: c, assignedAt: 2024-13-45}]",
            "schemaVersion: 1\nskus: [{skuPartNumber: " + "\uD83D\uDE00".repeat(512) + "}, {skuPartNumber: " + "\uD83D\uDE00".repeat(513) + "}]",
            "schemaVersion: 1\nsnapshot: {source: 12345678901234567890123}\ngaps: [{fact: f, reason: r, origin: {file: f, line: 1e3}}, {fact: f, reason: r, origin: {file: f, line: 0.5}}]",
            "schemaVersion: 1\nadmins: [{user: u, roles: [x, 5, [1]], other: 1}]\nusers: [[1], 3, null]",
            "schemaVersion: 1\ntenant: {name: 5, exchangeOnline: yes, storeSelfInstall: 'true', cloud: worldwide, id: ''}",
            "schemaVersion: 1\ntenant: null\nusers: null\nxyz: 1\n",
            "schemaVersion: 1\ngroups: [{id: g, members: [{user: 5}, {contact: ''}, {device: d, foo: 1}, 7]}]",
            "schemaVersion: 1\nusers: [{id: a, licenses: [x, 1, null, {a: b}], clients: [{app: word}, {platform: mac}, {}]}]",
            "schemaVersion: 1\noperations: [{id: o, action: deploy, parameters: {Members: [a, 1], Foo: 2, Add: 1}}]",
            "schemaVersion: 1\nusers: [{id: a, 'key.with.dots': 1, 'sl/ash~t': 2}]",
            "schemaVersion: 1\ngaps: [{fact: f, reason: r, origin: {file: f, line: 0x10}}, {fact: f, reason: r, origin: {file: f, line: -3}}]",
        };
        for (String d : docs) {
            YNode root = Secrets.redact(yaml.read(new StringReader(d), "f.yaml")).root();
            compare(root, d);
        }
        assertTrue(withProblems >= docs.length - 1, withProblems + " of " + docs.length);
    }

    @Test
    void redactingWhileReadingFindsWhatTheWalkOverTheTreeFinds() throws Exception {
        String[] docs = {
            "schemaVersion: 1\nusers: [{id: a, password=hunter2hunter2: 1, secret=abcdefghijkl: {x: 'Bearer abcdefghijklmnopqrstuvwxyz'}}]",
            "schemaVersion: 1\ntenant: {name: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig', id: t}\napps: [{id: 'AKIAABCDEFGHIJKLMNOP'}, "
                    + "{id: b, manifest: 'https://user:pw@host.example/x'}]\n",
            "schemaVersion: 1\nusers: [{id: a, displayName: 'xoxb-1234567890-abc'}, [ '-----BEGIN RSA PRIVATE KEY-----' ]]",
        };
        List<String> texts = new ArrayList<>(List.of(docs));
        try (Stream<Path> s = Files.walk(Path.of("samples"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) texts.add(Files.readString(f));
        }
        int found = 0;
        for (String t : texts) {
            Secrets.Result walked = Secrets.redact(yaml.read(new StringReader(t), "f.yaml"));
            Secrets.Result read = yaml.readRedacted(new StringReader(t), "f.yaml");
            assertEquals(walked.found(), read.found(), t);
            assertEquals(LibrarySchemaCheck.toJson(walked.root()), LibrarySchemaCheck.toJson(read.root()), t);
            found += read.found().size();
        }
        assertTrue(found >= 8, "secrets found: " + found);
    }

    private void compare(YNode root, String what) {
        List<Problem> expected = library.check(root);
        assertEquals(expected, check.check(root), what);
        compared++;
        if (!expected.isEmpty()) withProblems++;
    }

    /** A place in the tree a value can be put: entry {@code index} of a mapping or item {@code index} of a list. */
    private record Slot(YNode parent, int index) {
    }

    private static void slots(YNode node, List<Slot> out) {
        if (node instanceof YNode.YMap map) {
            for (int i = 0; i < map.size(); i++) {
                out.add(new Slot(map, i));
                slots(map.valueAt(i), out);
            }
        } else if (node instanceof YNode.YList list) {
            for (int i = 0; i < list.items().size(); i++) {
                out.add(new Slot(list, i));
                slots(list.items().get(i), out);
            }
        }
    }

    private static final List<Supplier<YNode>> VALUES = List.of(
            () -> scalar(null), () -> scalar(true), () -> scalar(0), () -> scalar(1), () -> scalar(-1), () -> scalar(7L),
            () -> scalar(2.5), () -> scalar(1.0), () -> scalar(new BigInteger("123456789012345678901234567890")),
            () -> scalar(new BigDecimal("3.0")), () -> scalar(""), () -> scalar("x"), () -> scalar("word"), () -> scalar("user"),
            () -> scalar("x".repeat(600)), () -> scalar("y".repeat(5000)), () -> scalar("2026-01-01"), () -> scalar("2026-01-01T10:00:00Z"),
            () -> scalar("yesterday"), () -> scalar("\uD83D\uDE00".repeat(513)), () -> scalar("1"), () -> scalar("ReadItem"),
            () -> new YNode.YMap("m.yaml", 9, 9), () -> new YNode.YList("m.yaml", 9, 9),
            () -> map("user", scalar("a")), () -> map("user", scalar("a"), "group", scalar("g")), () -> map("zzz", scalar(1)),
            () -> map("file", scalar("f"), "line", scalar(0)), () -> list(scalar(1)), () -> list(scalar("x")), () -> list(map("id", scalar("i"))),
            SchemaCheckEquivalenceTest::redactedTwice);

    private void mutate(YNode root, Slot slot, String file, Random random) {
        // Another value in the slot: a few of the kinds each time.
        for (int k = 0; k < 6; k++) {
            YNode value = VALUES.get(random.nextInt(VALUES.size())).get();
            YNode before = replace(slot, value);
            compare(root, file + ": " + slot + " := " + value);
            replace(slot, before);
        }
        // A key dropped, and an unknown key added, in the mapping that holds the slot.
        if (slot.parent() instanceof YNode.YMap map && slot.index() == 0) {
            Slot holder = holder(root, map);
            if (holder != null) {
                YNode.YMap dropped = new YNode.YMap("m.yaml", 8, 8);
                YNode.YMap added = new YNode.YMap("m.yaml", 8, 8);
                int drop = random.nextInt(map.size());
                for (int i = 0; i < map.size(); i++) {
                    if (i != drop) dropped.put(map.keyAt(i), 8, 8 + i, map.valueAt(i));
                    added.put(map.keyAt(i), 8, 8 + i, map.valueAt(i));
                }
                added.put(random.nextBoolean() ? "idd" : "origin", 8, 99, scalar("x"));
                for (YNode changed : List.of(dropped, added)) {
                    YNode before = replace(holder, changed);
                    compare(root, file + ": " + holder + " := a mapping changed");
                    replace(holder, before);
                }
            }
        }
    }

    private static Slot holder(YNode node, YNode child) {
        List<Slot> all = new ArrayList<>();
        slots(node, all);
        for (Slot s : all) if (value(s) == child) return s;
        return null;
    }

    private static YNode value(Slot s) {
        return s.parent() instanceof YNode.YMap m ? m.valueAt(s.index()) : ((YNode.YList) s.parent()).items().get(s.index());
    }

    private static YNode replace(Slot s, YNode value) {
        YNode before = value(s);
        if (s.parent() instanceof YNode.YMap m) m.replace(s.index(), value);
        else ((YNode.YList) s.parent()).replace(s.index(), value);
        return before;
    }

    private static YNode scalar(Object v) {
        return new YNode.YScalar(v, null, "m.yaml", 7, 7);
    }

    private static YNode.YMap map(Object... kv) {
        YNode.YMap m = new YNode.YMap("m.yaml", 6, 6);
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], 6, 6 + i, (YNode) kv[i + 1]);
        return m;
    }

    private static YNode.YList list(YNode... items) {
        YNode.YList l = new YNode.YList("m.yaml", 5, 5);
        for (YNode i : items) l.add(i);
        return l;
    }

    /** Two keys redacted alike: the JSON copy kept one of them, with the last value. */
    private static YNode redactedTwice() {
        YNode.YMap m = map("a", scalar(1), "b", map("user", scalar(2)), "c", scalar("x"));
        m.renameKey(0, Secrets.REDACTED);
        m.renameKey(1, Secrets.REDACTED);
        return m;
    }
}
