package dev.preflight.snapshot;

import dev.preflight.model.Location;
import dev.preflight.render.Text;

/**
 * An input problem a person can fix: where, and what is wrong. Printed on one line with every control, BiDi and
 * zero-width character shown as {@code <U+001B>}: a key, value or file name in it cannot act on the terminal.
 */
public record Problem(Location location, String message) implements Comparable<Problem> {
    @Override
    public String toString() {
        return Text.visible(location + ": " + message);
    }

    @Override
    public int compareTo(Problem o) {
        int c = location.compareTo(o.location);
        return c != 0 ? c : message.compareTo(o.message);
    }
}
