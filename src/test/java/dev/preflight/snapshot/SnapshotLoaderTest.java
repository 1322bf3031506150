package dev.preflight.snapshot;

import dev.preflight.model.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotLoaderTest {
    @TempDir
    Path tmp;

    private final SnapshotLoader loader = new SnapshotLoader();

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private List<String> problems(Path p) {
        InputException e = assertThrows(InputException.class, () -> loader.load(p));
        return e.problems().stream().map(pr -> pr.toString().replace(tmp.toString() + "/", "")).toList();
    }

    @Test
    void entitiesKeepTheirFileAndLine() throws Exception {
        Path p = write("t.yaml", "schemaVersion: 1\nusers:\n  - id: a\n  - id: b\n    upn: b@x.com\ngroups:\n  - { id: g, type: distribution, members: [ { user: b@x.com } ] }\n");
        Snapshot s = loader.load(p);
        assertEquals(3, s.users().get(0).location().line());
        assertEquals(5, s.users().get(0).location().column());
        assertEquals(4, s.users().get(1).location().line());
        assertEquals("b", s.groups().get(0).members().get(0).ref(), "UPN resolves to the user id");
        assertTrue(s.integrityIssues().isEmpty());
    }

    @Test
    void aFolderIsMergedInPathOrder() throws Exception {
        write("snap/b-users.yaml", "schemaVersion: 1\nusers:\n  - id: u2\n");
        write("snap/a-users.yml", "schemaVersion: 1\nusers:\n  - id: u1\ngroups:\n  - { id: g, members: [ { user: u2 } ] }\n");
        write("snap/notes.txt", "not yaml");
        Snapshot s = loader.load(tmp.resolve("snap"));
        assertEquals(List.of("u1", "u2"), s.users().stream().map(u -> u.id()).toList());
        assertEquals(2, s.files().size());
        assertTrue(s.integrityIssues().isEmpty(), "a reference into another file resolves");
    }

    @Test
    void singleSectionsMayAppearOnce() throws IOException {
        write("snap/a.yaml", "schemaVersion: 1\ntenant: { id: t }\n");
        write("snap/b.yaml", "schemaVersion: 1\ntenant: { id: t }\n");
        assertEquals(List.of("snap/b.yaml:2:9: section 'tenant' is given twice (also at snap/a.yaml:2:9)"),
                problems(tmp.resolve("snap")));
    }

    @Test
    void duplicateIdsAndDanglingReferencesAreFindingsNotErrors() throws Exception {
        Path p = write("t.yaml", "schemaVersion: 1\nusers:\n  - id: a\n  - id: a\ngroups:\n  - { id: g, members: [ { user: zed } ] }\n");
        Snapshot s = loader.load(p);
        assertEquals(1, s.users().size());
        assertEquals(List.of("DATA-002", "DATA-001"), s.integrityIssues().stream().map(i -> i.ruleId()).sorted((x, y) -> y.compareTo(x)).toList());
    }

    @Test
    void emptyFile() throws IOException {
        assertEquals(List.of("e.yaml:1:1: empty file: a snapshot file needs at least 'schemaVersion: 1'"), problems(write("e.yaml", "")));
    }

    @Test
    void futureSchemaVersion() throws IOException {
        assertEquals(List.of("f.yaml:1:16: schemaVersion 2 is newer than this Preflight supports (1); upgrade Preflight"),
                problems(write("f.yaml", "schemaVersion: 2\n")));
    }

    @Test
    void duplicateKeysAreReportedWithBothPlaces() throws IOException {
        assertEquals(List.of("d.yaml:3:1: duplicate key 'tenant' (first at line 2)"),
                problems(write("d.yaml", "schemaVersion: 1\ntenant: { id: a }\ntenant: { id: b }\n")));
    }

    @Test
    void aliasesAreRefused() throws IOException {
        List<String> p = problems(write("a.yaml", "schemaVersion: 1\ntenant: &t { id: a }\nusers:\n  - *t\n"));
        assertEquals(1, p.size());
        assertTrue(p.get(0).startsWith("a.yaml:4:5: YAML aliases"), p.get(0));
    }

    @Test
    void tabsAreASyntaxErrorWithPosition() throws IOException {
        List<String> p = problems(write("tab.yaml", "schemaVersion: 1\ntenant:\n\tid: a\n"));
        assertEquals(1, p.size());
        assertTrue(p.get(0).matches("tab\\.yaml:3:\\d+: .*"), p.get(0));
    }

    @Test
    void nonUtf8AndBinaryFiles() throws IOException {
        Path latin = tmp.resolve("latin.yaml");
        Files.write(latin, new byte[]{'s', 'c', 'h', 'e', 'm', 'a', 'V', 'e', 'r', 's', 'i', 'o', 'n', ':', ' ', '1', '\n', '#', ' ', (byte) 0xE9, '\n'});
        assertEquals(List.of("latin.yaml:2:3: not UTF-8: byte 0xE9 at offset 19; save the file as UTF-8"), problems(latin));
        Path bin = tmp.resolve("bin.yaml");
        Files.write(bin, new byte[]{1, 2, 0, 4});
        assertEquals(List.of("bin.yaml:1:3: binary file (NUL byte), not a YAML snapshot"), problems(bin));
    }

    @Test
    void badDatesAndVersions() throws IOException {
        List<String> p = problems(write("v.yaml", "schemaVersion: 1\nsnapshot: { takenAt: 2026-02-30T00:00:00Z }\n"
                + "users:\n  - id: a\n    clients:\n      - { app: word, platform: windows, version: latest }\n"));
        assertEquals(List.of("v.yaml:2:22: takenAt: '2026-02-30T00:00:00Z' is not a valid date or date-time",
                "v.yaml:6:50: version: 'latest' is not a version (expected e.g. 16.0.4494.1000, Version 2108 (Build 14326.20404), 2.75.0 or 1704)"), p);
    }

    @Test
    void aFolderWithoutSnapshotFiles() throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        assertEquals(List.of("empty: folder has no snapshot files (*.yaml or *.yml)"), problems(tmp.resolve("empty")));
    }

    @Test
    void oversizedFilesAreRefusedBeforeReading() throws IOException {
        Path big = write("big.yaml", "schemaVersion: 1\n# " + "x".repeat(2000) + "\n");
        InputException e = assertThrows(InputException.class, () -> new SnapshotLoader(1000).load(big));
        assertTrue(e.problems().get(0).message().startsWith("file is 2020 bytes, over the limit of 1000"), e.problems().toString());
    }

    @Test
    void theCompleteExampleOfTheFormatDocLoadsCleanly() throws Exception {
        String doc = Files.readString(Path.of("docs/snapshot-format.md"));
        int start = doc.indexOf("```yaml\n", doc.indexOf("## A complete example")) + "```yaml\n".length();
        String yaml = doc.substring(start, doc.indexOf("```", start));
        Snapshot s = loader.load(write("example.yaml", yaml));
        assertEquals("Fabrikam", s.tenant().name());
        assertEquals(3, s.users().size());
        assertTrue(s.integrityIssues().isEmpty(), s.integrityIssues().toString());
        assertEquals(1, s.operations().size());
        assertEquals(1, s.dynamicsUsers().size());
    }

    @Test
    void versionsWrittenAsNumbersKeepTheirText() throws Exception {
        Snapshot s = loader.load(write("n.yaml", "schemaVersion: 1\nusers:\n  - id: a\n    clients:\n      - { app: word, platform: mac, version: 15.30 }\n"));
        assertEquals("15.30", s.users().get(0).clients().get(0).version());
    }

    @Test
    void aFolderParsedOnSeveralThreadsGivesWhatOneThreadGives() throws Exception {
        for (int i = 0; i < 7; i++) {
            write("par/u" + i + ".yaml", "schemaVersion: 1\nusers:\n  - { id: u" + i + ", upn: u" + i + "@x.com, displayName: 'password: hunter2hunter2' }\n"
                    + "groups:\n  - { id: g" + i + ", members: [ { user: u" + ((i + 1) % 7) + "@x.com }, { group: g" + ((i + 3) % 7) + " } ] }\n");
        }
        Snapshot one = new SnapshotLoader().parallel(1, Long.MAX_VALUE).load(tmp.resolve("par"));
        Snapshot three = new SnapshotLoader().parallel(3, 0).load(tmp.resolve("par"));
        assertEquals(one, three);
        assertEquals(7, three.users().size());
        assertEquals(List.of("u0", "u1", "u2", "u3", "u4", "u5", "u6"), three.users().stream().map(u -> u.id()).toList());
        assertEquals(7, three.warnings().size(), "the secret in each file, in file order");

        // Problems in several files: every one, in file order, the same as one file after the other.
        write("par/u2.yaml", "schemaVersion: 1\nusers:\n  - { id: u2, colour: red }\n");
        write("par/u4.yaml", "schemaVersion: 1\nusers: [ { id: u4 }\n");
        write("par/u5.yaml", "schemaVersion: 1\nusers:\n  - { id: u5, id: again }\n");
        List<String> sequential = problemsOf(new SnapshotLoader().parallel(1, Long.MAX_VALUE));
        List<String> parallel = problemsOf(new SnapshotLoader().parallel(3, 0));
        assertEquals(sequential, parallel);
        assertEquals(List.of("par/u2.yaml:3:15: users[0]: unknown key 'colour'", "par/u4.yaml", "par/u5.yaml:3:15: duplicate key 'id' (first at line 3)"),
                parallel.stream().map(p -> p.startsWith("par/u2.yaml") ? p.substring(0, p.indexOf(';')) : p.startsWith("par/u4.yaml") ? "par/u4.yaml" : p).toList());
    }

    private List<String> problemsOf(SnapshotLoader l) {
        InputException e = assertThrows(InputException.class, () -> l.load(tmp.resolve("par")));
        return e.problems().stream().map(pr -> pr.toString().replace(tmp.toString() + "/", "")).toList();
    }
}
