package dev.preflight.snapshot;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.StreamReader;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Arrays;

/**
 * The character source of the YAML scanner, with the same contract as SnakeYAML's {@link StreamReader}, whose
 * buffer handling is quadratic on a long token: it reads 1,023 characters at a time and each time copies the whole
 * unconsumed window, so a 10 MB scalar (one token the scanner peeks across before it moves) costs about 10,000
 * copies of up to 10 MB. Here the window grows by doubling and is compacted only when the consumed part is at
 * least half of it, so every character is copied a bounded number of times: the cost is linear in the input.
 * <p>
 * A character YAML does not allow (a control character such as NUL) is reported at its own line and column.
 */
final class WindowReader extends StreamReader {
    private static final int CHUNK = 64 * 1024;
    private static final String NAME = "'reader'";

    private final Reader in;
    private final char[] chunk = new char[CHUNK + 1];
    private int[] window = new int[1024];
    private int length;
    private int pointer;
    private boolean eof;
    private int index;
    private int documentIndex;
    private int line;
    private int column;
    /** Code points copied into the window, for the test that proves the cost is linear. */
    private long copied;

    WindowReader(Reader in) {
        super(new StringReader(""));
        this.in = in;
    }

    long copied() {
        return copied;
    }

    /** The last mark made: the scanner often asks twice at one place (a token's start and its simple key). */
    private Mark mark;

    @Override
    public Mark getMark() {
        Mark m = mark;
        if (m == null || m.getIndex() != index) mark = m = new Mark(NAME, index, line, column, window, pointer);
        return m;
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int n) {
        for (int i = 0; i < n && available(0); i++) {
            int c = window[pointer++];
            index++;
            documentIndex++;
            if (breaksLine(c) || (c == '\r' && available(0) && window[pointer] != '\n')) {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    private static boolean breaksLine(int c) {
        return c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    @Override
    public int peek() {
        return available(0) ? window[pointer] : '\0';
    }

    @Override
    public int peek(int ahead) {
        return available(ahead) ? window[pointer + ahead] : '\0';
    }

    @Override
    public String prefix(int n) {
        if (n == 0) return "";
        return new String(window, pointer, available(n) ? n : Math.min(n, length - pointer));
    }

    @Override
    public String prefixForward(int n) {
        String prefix = prefix(n);
        pointer += n;
        index += n;
        documentIndex += n;
        column += n; // a prefix never holds a line break
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getIndex() {
        return index;
    }

    @Override
    public int getLine() {
        return line;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    /** True when the code point {@code ahead} of the pointer is read (reading more as needed). */
    private boolean available(int ahead) {
        while (!eof && pointer + ahead >= length) fill();
        return pointer + ahead < length;
    }

    private void fill() {
        int read;
        try {
            read = in.read(chunk, 0, CHUNK);
            if (read > 0 && Character.isHighSurrogate(chunk[read - 1]) && in.read(chunk, read, 1) == 1) read++;
        } catch (IOException e) {
            throw new YAMLException(e);
        }
        if (read <= 0) {
            eof = true;
            return;
        }
        if (length + read > window.length) {
            if (pointer >= window.length / 2 && length - pointer + read <= window.length) {
                System.arraycopy(window, pointer, window, 0, length - pointer);
            } else {
                int[] bigger = new int[Math.max(window.length * 2, length - pointer + read)];
                System.arraycopy(window, pointer, bigger, 0, length - pointer);
                window = bigger;
            }
            copied += length - pointer;
            mark = null; // its pointer is into the window as it was
            length -= pointer;
            pointer = 0;
        }
        for (int i = 0; i < read; ) {
            int c = Character.codePointAt(chunk, i, read);
            if (!isPrintable(c)) {
                throw notAllowed(c, length);
            }
            window[length++] = c;
            i += Character.charCount(c);
        }
    }

    /** The error for a character YAML does not allow at window position {@code at}, located where it is. */
    private MarkedYAMLException notAllowed(int c, int at) {
        int l = line;
        int col = column;
        for (int i = pointer; i < at; i++) {
            int ch = window[i];
            if (breaksLine(ch) || (ch == '\r' && (i + 1 >= at || window[i + 1] != '\n'))) {
                l++;
                col = 0;
            } else if (ch != 0xFEFF) {
                col++;
            }
        }
        String what = c == 0 ? "a NUL character (binary data)" : String.format("the control character U+%04X", c);
        Mark mark = new Mark(NAME, index + at - pointer, l, col, new int[0], 0);
        return new Refused(what + " is not allowed in YAML", mark);
    }

    /** A located refusal, reported by {@link YamlReader} as {@code file:line:col: message}. */
    static final class Refused extends MarkedYAMLException {
        Refused(String problem, Mark mark) {
            super(null, null, problem, mark);
        }
    }
}
