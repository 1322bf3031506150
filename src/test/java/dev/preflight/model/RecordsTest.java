package dev.preflight.model;

import dev.preflight.engine.Finding;
import dev.preflight.licensing.LicenseProfile;
import dev.preflight.version.Version;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The records that write equals and hashCode out (see {@link Records}) behave as the generated methods would, over
 * every component they have now: a component added later and left out of either method fails here.
 */
class RecordsTest {
    static final List<Class<? extends Record>> WRITTEN_OUT = List.of(Mailbox.class, DynamicsMailbox.class,
            LicenseProfile.class, Member.class, Location.class, OfficeClient.class, Finding.class);

    private final Random random = new Random(7);

    @Test
    void equalsAndHashCodeAreTheGeneratedOnes() throws Exception {
        for (Class<? extends Record> type : WRITTEN_OUT) {
            assertEquals(type, type.getDeclaredMethod("equals", Object.class).getDeclaringClass(), type.getName());
            assertEquals(type, type.getDeclaredMethod("hashCode").getDeclaringClass(), type.getName());
            RecordComponent[] components = type.getRecordComponents();
            for (int round = 0; round < 20; round++) {
                Object[] values = values(components);
                Record a = make(type, values);
                Record same = make(type, values.clone());
                assertEquals(a, same, type.getName());
                assertEquals(generatedHash(values), a.hashCode(), type.getName());
                assertEquals(a.hashCode(), same.hashCode(), type.getName());
                assertTrue(!a.equals(null) && !a.equals(new Object()), type.getName());
                for (int i = 0; i < components.length; i++) {
                    Object[] changed = values.clone();
                    Object other;
                    do {
                        other = value(components[i].getType());
                    } while (Objects.equals(other, values[i]));
                    changed[i] = other;
                    assertNotEquals(a, make(type, changed), type.getName() + "." + components[i].getName());
                    if (!components[i].getType().isPrimitive()) {
                        changed[i] = null;
                        Record withNull = make(type, changed);
                        assertNotEquals(a, withNull, type.getName() + "." + components[i].getName());
                        assertEquals(generatedHash(changed), withNull.hashCode(), type.getName());
                    }
                }
            }
        }
    }

    /** What java.lang.runtime.ObjectMethods computes: 31 * h + the component's hash, from 0, in declaration order. */
    private static int generatedHash(Object[] values) {
        int h = 0;
        for (Object v : values) h = 31 * h + Objects.hashCode(v);
        return h;
    }

    private static Record make(Class<? extends Record> type, Object[] values) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) types[i] = components[i].getType();
        Constructor<? extends Record> c = type.getDeclaredConstructor(types);
        return c.newInstance(values);
    }

    private Object[] values(RecordComponent[] components) throws Exception {
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) values[i] = value(components[i].getType());
        return values;
    }

    @SuppressWarnings("unchecked")
    private Object value(Class<?> type) throws Exception {
        if (type == String.class) return "s" + random.nextInt(1000);
        if (type == Boolean.class || type == boolean.class) return random.nextBoolean();
        if (type == int.class || type == Integer.class) return random.nextInt(1000) - 500;
        if (type == long.class || type == Long.class) return random.nextLong();
        if (type == List.class) return List.of("e" + random.nextInt(1000));
        if (type == Version.class) return Version.parse("16.0." + random.nextInt(100000) + "." + random.nextInt(1000));
        if (type.isRecord()) {
            Class<? extends Record> r = (Class<? extends Record>) type;
            return make(r, values(r.getRecordComponents()));
        }
        throw new AssertionError("no value for a component of type " + type.getName() + ": add one here");
    }
}
