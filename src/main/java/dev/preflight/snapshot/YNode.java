package dev.preflight.snapshot;

import dev.preflight.model.Location;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A YAML node that remembers where it was written. Compact on purpose: a 100k-user snapshot has millions of
 * nodes, so positions are plain ints, mappings are parallel arrays (keys are few and shared), and a
 * {@link Location} object is made only when asked for.
 */
public sealed interface YNode permits YNode.YMap, YNode.YList, YNode.YScalar {

    Location location();

    /** A mapping; keys keep their own positions, in file order. */
    final class YMap implements YNode {
        private final String file;
        private final int line;
        private final int column;
        private String[] keys = new String[8];
        private YNode[] values = new YNode[8];
        private int[] keyLines = new int[8];
        private int[] keyColumns = new int[8];
        private int size;

        YMap(String file, int line, int column) {
            this.file = file;
            this.line = line;
            this.column = column;
        }

        /** Adds an entry; returns the index of an earlier entry with the same key, or -1. */
        int put(String key, int keyLine, int keyColumn, YNode value) {
            int earlier = index(key);
            if (earlier >= 0) return earlier;
            if (size == keys.length) {
                int n = size * 2;
                keys = Arrays.copyOf(keys, n);
                values = Arrays.copyOf(values, n);
                keyLines = Arrays.copyOf(keyLines, n);
                keyColumns = Arrays.copyOf(keyColumns, n);
            }
            keys[size] = key;
            values[size] = value;
            keyLines[size] = keyLine;
            keyColumns[size] = keyColumn;
            size++;
            return -1;
        }

        void trim() {
            if (size < keys.length) {
                keys = Arrays.copyOf(keys, size);
                values = Arrays.copyOf(values, size);
                keyLines = Arrays.copyOf(keyLines, size);
                keyColumns = Arrays.copyOf(keyColumns, size);
            }
        }

        private int index(String key) {
            for (int i = 0; i < size; i++) if (keys[i].equals(key)) return i;
            return -1;
        }

        void replace(int i, YNode value) {
            values[i] = value;
        }

        /** Gives entry {@code i} another key (e.g. a redacted one); its position stays. */
        void renameKey(int i, String key) {
            keys[i] = key;
        }

        String keyAt(int i) {
            return keys[i];
        }

        YNode valueAt(int i) {
            return values[i];
        }

        public YNode get(String key) {
            int i = index(key);
            return i < 0 ? null : values[i];
        }

        public boolean containsKey(String key) {
            return index(key) >= 0;
        }

        /** The entry for {@code key}, or null. */
        public Entry entry(String key) {
            int i = index(key);
            return i < 0 ? null : entryAt(i);
        }

        Entry entryAt(int i) {
            return new Entry(keys[i], new Location(file, keyLines[i], keyColumns[i]), values[i]);
        }

        public int size() {
            return size;
        }

        public Set<String> keys() {
            return new LinkedHashSet<>(Arrays.asList(keys).subList(0, size));
        }

        /** The entries in file order (made on demand). */
        public List<Entry> entries() {
            List<Entry> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) out.add(entryAt(i));
            return out;
        }

        @Override
        public Location location() {
            return new Location(file, line, column, origin());
        }

        /** The entity's {@code origin: {file, pointer | line}} as {@code preflight import} writes it, or null. */
        private dev.preflight.model.Origin origin() {
            int i = index("origin");
            if (i < 0 || !(values[i] instanceof YMap)) i = index("importedFrom"); // apps: origin is store | custom
            if (i < 0 || !(values[i] instanceof YMap o)) return null;
            String f = o.get("file") instanceof YScalar s ? s.text() : null;
            if (f == null) return null;
            String pointer = o.get("pointer") instanceof YScalar s ? s.text() : null;
            int l = o.get("line") instanceof YScalar s && s.value() instanceof Number n ? n.intValue() : 0;
            return new dev.preflight.model.Origin(f, pointer, l);
        }
    }

    /** One key of a mapping. */
    record Entry(String key, Location keyLocation, YNode value) {
    }

    final class YList implements YNode {
        private final String file;
        private final int line;
        private final int column;
        private YNode[] items;
        private int size;

        YList(String file, int line, int column) {
            this.file = file;
            this.line = line;
            this.column = column;
            this.items = new YNode[4];
        }

        void add(YNode node) {
            if (size == items.length) items = Arrays.copyOf(items, size * 2);
            items[size++] = node;
        }

        void trim() {
            if (size < items.length) items = Arrays.copyOf(items, size);
        }

        void replace(int i, YNode node) {
            items[i] = node;
        }

        public List<YNode> items() {
            return new AbstractList<>() {
                @Override
                public YNode get(int i) {
                    return items[i];
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }

        @Override
        public Location location() {
            return new Location(file, line, column);
        }
    }

    /**
     * A scalar: {@code value} is a String, Boolean, Integer, Long, BigInteger, Double, BigDecimal, or null;
     * {@code raw} is the text as written when it differs from the value's (so a version 15.30 keeps its zero).
     */
    final class YScalar implements YNode {
        private final Object value;
        private final String raw;
        private final String file;
        private final int line;
        private final int column;

        YScalar(Object value, String raw, String file, int line, int column) {
            this.value = value;
            this.raw = raw;
            this.file = file;
            this.line = line;
            this.column = column;
        }

        public Object value() {
            return value;
        }

        /** The text as written. */
        public String raw() {
            return raw != null ? raw : value == null ? null : value.toString();
        }

        public String text() {
            return value == null ? null : value instanceof String s ? s : raw();
        }

        @Override
        public Location location() {
            return new Location(file, line, column);
        }
    }
}
