package dev.preflight.snapshot;

import dev.preflight.model.Location;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML node that remembers where it was written. */
public sealed interface YNode permits YNode.YMap, YNode.YList, YNode.YScalar {

    Location location();

    /** A mapping; keys keep their own locations, in file order. */
    record YMap(LinkedHashMap<String, Entry> entries, Location location) implements YNode {
        public YNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        public Map<String, Entry> map() { return entries; }
    }

    /** One key of a mapping. */
    record Entry(String key, Location keyLocation, YNode value) {
    }

    record YList(List<YNode> items, Location location) implements YNode {
    }

    /**
     * A scalar: {@code value} is a String, Boolean, Integer, Long, BigInteger, Double, BigDecimal, or null;
     * {@code raw} is the text as written (so a version 15.30 keeps its trailing zero).
     */
    record YScalar(Object value, String raw, Location location) implements YNode {
        public String text() { return value == null ? null : value instanceof String s ? s : raw; }
    }
}
