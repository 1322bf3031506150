package dev.preflight.assign;

import dev.preflight.model.Snapshot;
import dev.preflight.snapshot.SnapshotLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The group-graph and audience work is linear in the members: counted (membership entries looked at), not timed.
 * A tenant with an assigned group over a chain of nested groups (depth 8, closing into a cycle) holding n users,
 * assigned by three deployments, is classified at n and 4n users.
 */
class AssignmentsScalingTest {
    @TempDir
    Path tmp;

    private static final int DEPTH = 8;

    /** An assigned group 'top' over a chain of DEPTH nested groups with n users spread over them, and a cycle back. */
    private Snapshot tenant(int n) throws Exception {
        StringBuilder y = new StringBuilder("schemaVersion: 1\nusers:\n");
        for (int i = 0; i < n; i++) {
            y.append("  - { id: u").append(i).append(", displayName: User ").append(i).append(", accountState: enabled }\n");
        }
        y.append("groups:\n  - { id: top, displayName: Top, type: distribution, members: [ { user: u0 }, { group: c1 } ] }\n");
        for (int d = 1; d <= DEPTH; d++) {
            y.append("  - { id: c").append(d).append(", displayName: Chain ").append(d).append(", type: distribution, members: [");
            // Every user sits in one chain group; the last group points back to the first (a cycle).
            for (int i = 0; i < n; i++) if (i % DEPTH == d - 1) y.append(" { user: u").append(i).append(" },");
            y.append(d < DEPTH ? " { group: c" + (d + 1) + " }" : " { group: c1 }").append(" ] }\n");
        }
        y.append("deployments:\n");
        for (int k = 0; k < 3; k++) {
            y.append("  - { id: d").append(k).append(", app: a, status: deployed, assignment: specific, targets: [ { group: top } ] }\n");
        }
        Path dir = tmp.resolve("n" + n);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("tenant.yaml"), y.toString());
        return new SnapshotLoader().load(dir);
    }

    private static long steps(Assignments a) {
        return a.graph().steps() + a.steps();
    }

    @Test
    void membershipWorkGrowsAsTheMembers() throws Exception {
        Assignments small = new Assignments(tenant(1000));
        Assignments large = new Assignments(tenant(4000));
        // Every user but u0 (a direct member of 'top') is reached only through nesting, in each of the 3 deployments.
        assertEquals(3, small.nestedOnly().size());
        assertEquals(999, small.nestedOnly().get(0).userIds().size());
        assertEquals(3999, large.nestedOnly().get(2).userIds().size());
        long s = steps(small);
        long l = steps(large);
        double ratio = (double) l / s;
        assertTrue(ratio >= 3.5 && ratio <= 4.5, "steps " + s + " -> " + l + " for 4x the members: ratio " + ratio);
        // Per member: building the graph, one walk and one evidence path per assigned group (not per deployment), one
        // pass per deployment that assigns it; nothing per pair of members.
        assertTrue(l <= (3 + 3) * 4000L + 2 * DEPTH + 10, "steps " + l + " for 4000 members");
    }

    @Test
    void eachNestedUserHasOneShortestPath() throws Exception {
        Assignments a = new Assignments(tenant(20));
        NestedOnly n = a.nestedOnly().get(0);
        assertEquals(19, n.userIds().size());
        assertEquals(List.of("c1"), n.nestedGroupIds());
        // u1 is in c2 (one level below c1), u8 in c1 again (i % 8 == 0), u7 in c8: the deepest.
        int u1 = n.userIds().indexOf("u1");
        assertEquals("Top > Chain 1 > Chain 2 > User 1", n.paths().get(u1));
        assertEquals("Top > Chain 1 > User 8", n.paths().get(n.userIds().indexOf("u8")));
        assertEquals("Top > Chain 1 > Chain 2 > Chain 3 > Chain 4 > Chain 5 > Chain 6 > Chain 7 > Chain 8 > User 7",
                n.paths().get(n.userIds().indexOf("u7")));
        // Breadth first: users of shallower groups come first.
        assertEquals(List.of("u8", "u16", "u1", "u9", "u17"), n.userIds().subList(0, 5));
        assertEquals(1, a.graph().cycles().size());
        Exclusion x = a.audiences().get("d1").excluded().stream().filter(e -> e.userId().equals("u7")).findFirst().orElseThrow();
        assertEquals("nested group", x.reason());
        assertEquals(10, x.path().size());
    }
}
