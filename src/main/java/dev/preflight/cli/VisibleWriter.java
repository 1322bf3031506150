package dev.preflight.cli;

import dev.preflight.render.Text;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Standard error as Preflight writes it: every control character but newline and tab, and every BiDi or zero-width
 * character, is shown as {@code <U+001B>}. Whatever a message quotes (a key, a value, a file name, an argument)
 * cannot clear the screen, set the window title, make a link or reorder the line.
 */
final class VisibleWriter extends FilterWriter {
    VisibleWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        char ch = (char) c;
        if (ch == '\n' || ch == '\t' || !(ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch < 0xa0) || Text.deceptive(ch))) out.write(c);
        else out.write(Text.visible(String.valueOf(ch)));
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) write(buf[i]);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) write(s.charAt(i));
    }
}
