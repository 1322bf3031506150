package dev.preflight.snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: every mapping key of a parsed snapshot, at any depth (sections, keys of list items, keys of nested
 * mappings), and a copy of the tree with one of them removed. The original tree is never changed.
 */
public final class KeyRemoval {

    /**
     * One mapping key: {@code path} as written ({@code users[0].mailbox.type}), {@code fact} the same path without
     * list indexes ({@code users[].mailbox.type}), as the snapshot format and DATA-004 name facts.
     */
    public record Key(String path, String fact, List<Integer> steps) {
    }

    private KeyRemoval() {
    }

    public static List<Key> keys(YNode root) {
        List<Key> out = new ArrayList<>();
        collect(root, "", "", new ArrayList<>(), out);
        return out;
    }

    private static void collect(YNode node, String path, String fact, List<Integer> steps, List<Key> out) {
        if (node instanceof YNode.YMap m) {
            for (int i = 0; i < m.size(); i++) {
                String k = m.keyAt(i);
                String p = path.isEmpty() ? k : path + "." + k;
                String f = fact.isEmpty() ? k : fact + "." + k;
                List<Integer> s = new ArrayList<>(steps);
                s.add(i);
                out.add(new Key(p, f, List.copyOf(s)));
                collect(m.valueAt(i), p, f, s, out);
            }
        } else if (node instanceof YNode.YList l) {
            List<YNode> items = l.items();
            for (int i = 0; i < items.size(); i++) {
                List<Integer> s = new ArrayList<>(steps);
                s.add(i);
                collect(items.get(i), path + "[" + i + "]", fact + "[]", s, out);
            }
        }
    }

    /** A copy of {@code root} without the key {@code key} (the last step indexes a mapping entry). */
    public static YNode without(YNode root, Key key) {
        return copy(root, key.steps(), 0);
    }

    private static YNode copy(YNode node, List<Integer> steps, int depth) {
        boolean onPath = depth < steps.size();
        if (node instanceof YNode.YMap m) {
            YNode.YMap c = new YNode.YMap(m.location().file(), m.location().line(), m.location().column());
            for (int i = 0; i < m.size(); i++) {
                boolean here = onPath && steps.get(depth) == i;
                if (here && depth == steps.size() - 1) continue;
                YNode.Entry e = m.entryAt(i);
                YNode v = here ? copy(e.value(), steps, depth + 1) : copy(e.value(), List.of(), 0);
                c.put(e.key(), e.keyLocation().line(), e.keyLocation().column(), v);
            }
            c.trim();
            return c;
        }
        if (node instanceof YNode.YList l) {
            YNode.YList c = new YNode.YList(l.location().file(), l.location().line(), l.location().column());
            List<YNode> items = l.items();
            for (int i = 0; i < items.size(); i++) {
                boolean here = onPath && steps.get(depth) == i;
                c.add(here ? copy(items.get(i), steps, depth + 1) : copy(items.get(i), List.of(), 0));
            }
            c.trim();
            return c;
        }
        return node;
    }
}
