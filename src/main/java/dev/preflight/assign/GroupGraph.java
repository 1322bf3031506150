package dev.preflight.assign;

import dev.preflight.model.Group;
import dev.preflight.model.Member;
import dev.preflight.model.Snapshot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Group membership as a graph, built once per snapshot: direct user members, nested groups, parents, and the
 * cycles in the nesting. Walks are iterative and visit each group once, so cycles cannot hang them.
 */
public final class GroupGraph {
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, List<String>> parents = new HashMap<>();
    private final List<GroupCycle> cycles;

    public GroupGraph(Snapshot snapshot) {
        for (Group g : snapshot.groups()) groups.put(g.id(), g);
        for (Group g : snapshot.groups()) {
            if (g.members() == null) continue;
            for (Member m : g.members()) {
                if ("group".equals(m.kind()) && groups.containsKey(m.ref())) {
                    parents.computeIfAbsent(m.ref(), k -> new ArrayList<>()).add(g.id());
                }
            }
        }
        // A group's own memberOf settles its parents, also those the snapshot does not contain.
        Map<String, String> byMail = new HashMap<>();
        for (Group g : snapshot.groups()) if (g.mail() != null) byMail.putIfAbsent(g.mail().toLowerCase(java.util.Locale.ROOT), g.id());
        for (Group g : snapshot.groups()) {
            if (g.memberOf() == null) continue;
            for (String ref : g.memberOf()) {
                String pid = groups.containsKey(ref) ? ref : byMail.getOrDefault(ref.toLowerCase(java.util.Locale.ROOT), ref);
                List<String> ps = parents.computeIfAbsent(g.id(), k -> new ArrayList<>());
                if (!ps.contains(pid)) ps.add(pid);
            }
        }
        cycles = findCycles();
    }

    public Group group(String id) {
        return groups.get(id);
    }

    public List<String> parents(String groupId) {
        return parents.getOrDefault(groupId, List.of());
    }

    /**
     * Whether the parents of {@code groupId} are unknown: none is on record and its own {@code memberOf} is not
     * exported (a parent may be a group the export lacks, or one whose members it does not list).
     */
    public boolean parentsUnknown(String groupId) {
        Group g = groups.get(groupId);
        return g != null && g.memberOf() == null && parents(groupId).isEmpty();
    }

    public List<GroupCycle> cycles() {
        return cycles;
    }

    /** For every group that is a member of other groups: its parents, in snapshot order. */
    public List<GroupParents> groupParents() {
        List<GroupParents> out = new ArrayList<>();
        for (Group g : groups.values()) {
            List<String> ps = parents.get(g.id());
            if (ps != null) out.add(new GroupParents(g.id(), List.copyOf(ps), ps.stream().map(this::name).toList()));
        }
        return out;
    }

    /** A user reached below a group through nesting, with the path of group names that leads there. */
    public record NestedUser(String userId, List<String> groupPath) {
    }

    /**
     * Users reached from {@code root} through its nested groups (breadth first, first path wins), excluding none.
     * {@code unknownGroups} receives nested groups whose members the snapshot does not list.
     */
    public List<NestedUser> nestedUsers(String root, List<String> unknownGroups) {
        Group start = groups.get(root);
        List<NestedUser> out = new ArrayList<>();
        if (start == null || start.members() == null) return out;
        Set<String> seenGroups = new HashSet<>();
        seenGroups.add(root);
        Set<String> seenUsers = new HashSet<>();
        Deque<List<String>> queue = new ArrayDeque<>();
        for (Member m : start.members()) {
            if ("group".equals(m.kind()) && groups.containsKey(m.ref()) && seenGroups.add(m.ref())) {
                queue.add(List.of(root, m.ref()));
            }
        }
        while (!queue.isEmpty()) {
            List<String> path = queue.poll();
            Group g = groups.get(path.get(path.size() - 1));
            if (g.members() == null) {
                unknownGroups.add(g.id());
                continue;
            }
            for (Member m : g.members()) {
                if ("user".equals(m.kind()) && m.resolved() && seenUsers.add(m.ref())) {
                    out.add(new NestedUser(m.ref(), path));
                } else if ("group".equals(m.kind()) && groups.containsKey(m.ref()) && seenGroups.add(m.ref())) {
                    List<String> next = new ArrayList<>(path);
                    next.add(m.ref());
                    queue.add(List.copyOf(next));
                }
            }
        }
        return out;
    }

    /** Direct, resolved user members of a group (empty when unknown). */
    public List<String> directUsers(String groupId) {
        Group g = groups.get(groupId);
        if (g == null || g.members() == null) return List.of();
        List<String> out = new ArrayList<>();
        for (Member m : g.members()) if ("user".equals(m.kind()) && m.resolved()) out.add(m.ref());
        return out;
    }

    public String name(String groupId) {
        Group g = groups.get(groupId);
        return g == null ? groupId : g.name();
    }

    /** Strongly connected components of size > 1, and self-loops: Tarjan's algorithm, iterative. */
    private List<GroupCycle> findCycles() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<GroupCycle> found = new ArrayList<>();
        int[] counter = {0};
        for (String start : groups.keySet()) {
            if (index.containsKey(start)) continue;
            Deque<Object[]> work = new ArrayDeque<>();
            work.push(new Object[]{start, children(start), 0});
            index.put(start, counter[0]);
            low.put(start, counter[0]++);
            stack.push(start);
            onStack.add(start);
            while (!work.isEmpty()) {
                Object[] frame = work.peek();
                String v = (String) frame[0];
                @SuppressWarnings("unchecked") List<String> kids = (List<String>) frame[1];
                int i = (int) frame[2];
                if (i < kids.size()) {
                    frame[2] = i + 1;
                    String w = kids.get(i);
                    if (!index.containsKey(w)) {
                        index.put(w, counter[0]);
                        low.put(w, counter[0]++);
                        stack.push(w);
                        onStack.add(w);
                        work.push(new Object[]{w, children(w), 0});
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                } else {
                    work.pop();
                    if (!work.isEmpty()) {
                        String parent = (String) work.peek()[0];
                        low.put(parent, Math.min(low.get(parent), low.get(v)));
                    }
                    if (low.get(v).equals(index.get(v))) {
                        List<String> component = new ArrayList<>();
                        String w;
                        do {
                            w = stack.pop();
                            onStack.remove(w);
                            component.add(w);
                        } while (!w.equals(v));
                        if (component.size() > 1 || children(v).contains(v)) found.add(cycle(component));
                    }
                }
            }
        }
        found.sort((a, b) -> a.location().compareTo(b.location()));
        return List.copyOf(found);
    }

    private GroupCycle cycle(List<String> component) {
        // Order the members along the nesting, starting from the one written first in the snapshot.
        Set<String> members = new HashSet<>(component);
        String first = component.stream().min((a, b) -> groups.get(a).location().compareTo(groups.get(b).location())).orElseThrow();
        List<String> order = new ArrayList<>();
        String cur = first;
        Set<String> seen = new HashSet<>();
        while (cur != null && seen.add(cur)) {
            order.add(cur);
            String next = null;
            for (String c : children(cur)) {
                if (members.contains(c) && !seen.contains(c)) {
                    next = c;
                    break;
                }
            }
            cur = next;
        }
        for (String c : component) if (!order.contains(c)) order.add(c);
        List<String> names = order.stream().map(this::name).toList();
        return new GroupCycle(List.copyOf(order), names, groups.get(first).location());
    }

    private List<String> children(String groupId) {
        Group g = groups.get(groupId);
        if (g == null || g.members() == null) return List.of();
        List<String> out = new ArrayList<>();
        for (Member m : g.members()) if ("group".equals(m.kind()) && groups.containsKey(m.ref())) out.add(m.ref());
        return out;
    }
}
