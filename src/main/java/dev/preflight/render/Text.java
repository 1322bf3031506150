package dev.preflight.render;

/** Text hygiene shared by renderers. */
public final class Text {
    private Text() {
    }

    /**
     * Removes terminal control characters (ESC, C0 and C1 controls but tab and newline) from tenant text, and shows
     * the invisible characters that make text read other than it is written (BiDi overrides and isolates,
     * zero-width characters) as {@code <U+202E>}.
     */
    public static String inert(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0)) continue;
            if (deceptive(c)) codePoint(b, c);
            else b.append(c);
        }
        return b.toString();
    }

    /** Like {@link #inert} and on one line. */
    public static String oneLine(String s) {
        return inert(s).replace('\n', ' ').replace('\t', ' ');
    }

    /**
     * For messages on a terminal (errors, notes): every control character, line break and deceptive character is
     * shown as {@code <U+001B>}, so a key, value or file name can neither move the cursor, set a title or link,
     * reorder the line, nor hide in it; the message stays on one line.
     */
    public static String visible(String s) {
        if (s == null) return "";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean hide = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || deceptive(c);
            if (hide && b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (b == null) continue;
            if (hide) codePoint(b, c);
            else b.append(c);
        }
        return b == null ? s : b.toString();
    }

    /**
     * Invisible characters that change how text reads: BiDi embeddings, overrides, isolates and marks
     * (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069) and zero-width ones (U+180E, U+200B-U+200D, U+2060-U+2064,
     * U+FEFF).
     */
    public static boolean deceptive(char c) {
        return c == 0x061C || c == 0x180E || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
    }

    private static void codePoint(StringBuilder b, char c) {
        b.append(String.format("<U+%04X>", (int) c));
    }
}
