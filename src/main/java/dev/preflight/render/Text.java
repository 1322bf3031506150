package dev.preflight.render;

/** Text hygiene shared by renderers. */
public final class Text {
    private Text() {
    }

    /** Removes terminal control characters (ESC, C0 and C1 controls but tab and newline) from tenant text. */
    public static String inert(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0)) continue;
            b.append(c);
        }
        return b.toString();
    }

    /** Like {@link #inert} and on one line. */
    public static String oneLine(String s) {
        return inert(s).replace('\n', ' ').replace('\t', ' ');
    }
}
