package dev.preflight.model;

import java.util.Objects;

/**
 * The hash a record's generated {@code hashCode} gives (0, then 31 times the hash so far plus each component's
 * {@link Objects#hashCode}, in declaration order; a boxed primitive hashes as the primitive does), for the records
 * that write {@code equals} and {@code hashCode} out: the generated methods are linked by a method-handle bootstrap
 * on their first call, which a cold start pays for each record the engine compares. Written out they behave the
 * same (same values, so the same hash order), which {@code RecordsTest} checks against each record's components.
 */
public final class Records {
    private Records() {
    }

    public static int hash(Object... components) {
        int h = 0;
        for (Object c : components) h = h * 31 + Objects.hashCode(c);
        return h;
    }
}
