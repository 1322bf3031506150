package dev.preflight.snapshot;

import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The YAML reader against input built to hurt it: several documents, huge scalars, control characters. */
class HostileYamlTest {
    private static String first(InputException e) {
        return e.problems().get(0).toString();
    }

    @Test
    void aSecondDocumentIsRefusedAtItsMarker() {
        String text = "schemaVersion: 1\ntenant: {id: t, name: T, cloud: worldwide}\n---\nschemaVersion: 1\nusers: [{id: u}]\n";
        InputException e = assertThrows(InputException.class, () -> new YamlReader().read(new StringReader(text), "m.yaml"));
        assertEquals("m.yaml:3:1: a second YAML document starts here; a snapshot file holds one document"
                + " (put each part in its own file of a snapshot folder)", first(e));
    }

    @Test
    void anEmptySecondDocumentIsRefusedToo() {
        InputException e = assertThrows(InputException.class,
                () -> new YamlReader().read(new StringReader("---\nschemaVersion: 1\n---\n"), "m.yaml"));
        assertTrue(first(e).startsWith("m.yaml:3:1: a second YAML document starts here"), first(e));
    }

    /** Half a character (a \\uD800 escape alone) is refused where it is written, in a value and in a key. */
    @Test
    void aLoneSurrogateIsRefusedAtItsPlace() throws Exception {
        String value = "schemaVersion: 1\ntenant: {id: t, name: \"Con\\uD800toso\"}\n";
        InputException e = assertThrows(InputException.class, () -> new YamlReader().read(new StringReader(value), "s.yaml"));
        assertEquals("s.yaml:2:23: \\uD800 is half of a character (a lone surrogate); write the character itself,"
                + " or both halves of its escape", first(e));
        String key = "schemaVersion: 1\n\"k\\uDC00\": x\n";
        InputException k = assertThrows(InputException.class, () -> new YamlReader().read(new StringReader(key), "k.yaml"));
        assertTrue(first(k).startsWith("k.yaml:2:1: \\uDC00 is half of a character"), first(k));
        // both halves of an escape are one character, and read as it
        YNode.YMap ok = (YNode.YMap) new YamlReader().read(new StringReader("name: \"a\\uD83D\\uDE00b\"\n"), "ok.yaml");
        assertEquals("a\uD83D\uDE00b", ((YNode.YScalar) ok.get("name")).value());
    }

    @Test
    void oneDocumentWithItsMarkersIsRead() throws Exception {
        YNode root = new YamlReader().read(new StringReader("---\nschemaVersion: 1\n...\n"), "one.yaml");
        assertEquals(1, ((Number) ((YNode.YScalar) ((YNode.YMap) root).get("schemaVersion")).value()).intValue());
    }

    /** A 20 MB quoted value: the buffer copies at most about twice the input (it took minutes, quadratically). */
    @Test
    void aTwentyMegabyteQuotedValueCostsLinearWork() throws Exception {
        int n = 20 * 1024 * 1024;
        String text = "schemaVersion: 1\nvalue: \"" + "x".repeat(n) + "\"\nplain: " + "y".repeat(n) + "\n";
        long[] copied = new long[1];
        YNode.YMap root = (YNode.YMap) new YamlReader().read(new StringReader(text), "big.yaml", copied);
        assertEquals(n, ((String) ((YNode.YScalar) root.get("value")).value()).length());
        assertEquals(n, ((String) ((YNode.YScalar) root.get("plain")).value()).length());
        assertTrue(copied[0] <= 2L * text.length(), "characters copied: " + copied[0] + " for " + text.length());
    }

    @Test
    void aNulAfterTheFirstBlockIsReportedAtItsLine() {
        StringBuilder b = new StringBuilder("schemaVersion: 1\n");
        for (int i = 0; i < 600; i++) b.append("# filler line ").append(i).append('\n');
        b.append("users:\n  - { id: u, displayName: \"a\u0000b\" }\n");
        String text = b.toString();
        assertTrue(text.indexOf('\u0000') > 8192);
        InputException e = assertThrows(InputException.class, () -> SnapshotLoader.decodeUtf8(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "nul.yaml"));
        assertEquals("nul.yaml:603:29: binary file (NUL byte), not a YAML snapshot", first(e));
        // and the YAML reader on its own (e.g. a file that is not decoded by the loader) says the same place
        InputException y = assertThrows(InputException.class, () -> new YamlReader().read(new StringReader(text), "nul.yaml"));
        assertEquals("nul.yaml:603:29: a NUL character (binary data) is not allowed in YAML", first(y));
    }

    @Test
    void anotherControlCharacterIsReportedAtItsPlace() {
        String text = "schemaVersion: 1\n" + "a: b\n".repeat(20000) + "c: \"x\u0007y\"\n";
        InputException e = assertThrows(InputException.class, () -> new YamlReader().read(new StringReader(text), "bell.yaml"));
        assertEquals("bell.yaml:20002:6: the control character U+0007 is not allowed in YAML", first(e));
    }
}
