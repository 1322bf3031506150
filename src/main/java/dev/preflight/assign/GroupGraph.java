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
 * cycles in the nesting. Walks are iterative and visit each group once, so cycles cannot hang them; the users below
 * a group are found once per group (breadth first, one shortest path per user) and shared by every deployment that
 * assigns it. {@link #steps()} counts the membership entries the walks looked at: the work is linear in the members.
 */
public final class GroupGraph {
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, List<String>> parents = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();
    private final Map<String, List<String>> directUsers = new HashMap<>();
    private final Map<String, Nested> nested = new HashMap<>();
    private final List<GroupCycle> cycles;
    private long steps;

    public GroupGraph(Snapshot snapshot) {
        for (Group g : snapshot.groups()) groups.put(g.id(), g);
        for (Group g : snapshot.groups()) {
            if (g.members() == null) continue;
            List<String> kids = new ArrayList<>();
            List<String> users = new ArrayList<>();
            for (Member m : g.members()) {
                steps++;
                if ("group".equals(m.kind()) && groups.containsKey(m.ref())) {
                    parents.computeIfAbsent(m.ref(), k -> new ArrayList<>()).add(g.id());
                    kids.add(m.ref());
                } else if ("user".equals(m.kind()) && m.resolved()) {
                    users.add(m.ref());
                }
            }
            // A group listed twice keeps the last listing, as the id map above does.
            children.put(g.id(), List.copyOf(kids));
            directUsers.put(g.id(), List.copyOf(users));
        }
        // A group's own memberOf settles its parents, also those the snapshot does not contain.
        Map<String, String> byMail = new HashMap<>();
        for (Group g : snapshot.groups()) if (g.mail() != null) byMail.putIfAbsent(g.mail().toLowerCase(java.util.Locale.ROOT), g.id());
        for (Group g : snapshot.groups()) {
            if (g.memberOf() == null || g.memberOf().isEmpty()) continue;
            List<String> ps = parents.computeIfAbsent(g.id(), k -> new ArrayList<>());
            Set<String> known = new HashSet<>(ps);
            for (String ref : g.memberOf()) {
                steps++;
                String pid = groups.containsKey(ref) ? ref : byMail.getOrDefault(ref.toLowerCase(java.util.Locale.ROOT), ref);
                if (known.add(pid)) ps.add(pid);
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

    /** Membership entries looked at so far (building the graph, walking nested groups): a count of the work done. */
    public long steps() {
        return steps;
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

    /**
     * A user reached below a group through nesting, with the path of group ids that leads there (from the assigned
     * group to the group the user is a direct member of; one list shared by all the users of that group).
     */
    public record NestedUser(String userId, List<String> groupPath) {
    }

    /** The users below one group and the nested groups whose members the snapshot does not list. */
    private record Nested(List<NestedUser> users, List<String> unknownGroups) {
    }

    /**
     * Users reached from {@code root} through its nested groups (breadth first, first path wins), excluding none.
     * {@code unknownGroups} receives nested groups whose members the snapshot does not list. The walk is done once
     * per root: later calls return the same (immutable) list.
     */
    public List<NestedUser> nestedUsers(String root, List<String> unknownGroups) {
        Nested n = nested.get(root);
        if (n == null) {
            n = walk(root);
            nested.put(root, n);
        }
        unknownGroups.addAll(n.unknownGroups());
        return n.users();
    }

    private Nested walk(String root) {
        Group start = groups.get(root);
        if (start == null || start.members() == null) return new Nested(List.of(), List.of());
        List<NestedUser> out = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Set<String> seenGroups = new HashSet<>();
        seenGroups.add(root);
        Set<String> seenUsers = new HashSet<>();
        // Each queued group carries its path; a child's path is its parent's plus itself (built once per group).
        Deque<List<String>> queue = new ArrayDeque<>();
        for (String c : children.get(root)) {
            steps++;
            if (seenGroups.add(c)) queue.add(List.of(root, c));
        }
        while (!queue.isEmpty()) {
            List<String> path = queue.poll();
            String gid = path.get(path.size() - 1);
            if (groups.get(gid).members() == null) {
                unknown.add(gid);
                continue;
            }
            for (String uid : directUsers.get(gid)) {
                steps++;
                if (seenUsers.add(uid)) out.add(new NestedUser(uid, path));
            }
            for (String c : children.get(gid)) {
                steps++;
                if (seenGroups.add(c)) {
                    List<String> next = new ArrayList<>(path.size() + 1);
                    next.addAll(path);
                    next.add(c);
                    queue.add(List.copyOf(next));
                }
            }
        }
        return new Nested(List.copyOf(out), List.copyOf(unknown));
    }

    /** Direct, resolved user members of a group (empty when unknown). */
    public List<String> directUsers(String groupId) {
        return directUsers.getOrDefault(groupId, List.of());
    }

    /** Whether {@code userId} is a direct, resolved user member of the group. */
    public boolean isDirectUser(String groupId, String userId) {
        return directUsers(groupId).contains(userId);
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
        for (String c : component) if (!seen.contains(c)) order.add(c);
        List<String> names = order.stream().map(this::name).toList();
        return new GroupCycle(List.copyOf(order), names, groups.get(first).location(), order.get(0));
    }

    private List<String> children(String groupId) {
        return children.getOrDefault(groupId, List.of());
    }
}
