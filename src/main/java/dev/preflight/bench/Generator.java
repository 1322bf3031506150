package dev.preflight.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a synthetic tenant snapshot folder, deterministic by seed: users with licenses, mailboxes and Office
 * clients; groups with memberships and nesting; admins; apps, offers and deployments (about users/100) to everyone,
 * groups and users; a Dynamics environment with users, roles and teams. A small share of everything is wrong, so most
 * rules fire. The {@link Shape} sets the group size distribution, nesting depth and fan-out, cycles, large groups and
 * the deployments to them, clients and SKUs per user and the share of Everyone deployments; {@link Shape#DEFAULT} is
 * the original shape (groups about users/5, about 3 memberships per user, nesting to depth 5 and a few cycles).
 */
public final class Generator {
    /**
     * The shape of a tenant.
     *
     * @param usersPerGroup      groups = users / this
     * @param memberships        random group memberships per user (uniform over the groups)
     * @param nestEvery          a nesting tree starts at every this-th group (0: none)
     * @param depth              levels of nesting below a tree's root
     * @param fanOut             nested groups per group in a tree (1: a chain)
     * @param cycleShare         share of trees whose deepest group contains the root again (the default shape: one
     *                           cycle per 997 groups instead, as before)
     * @param largeEvery         one large group per this many users (0: none); each is nested in a parent group
     * @param largeSize          members of a large group (at most the users)
     * @param largeDeployments   deployments that assign each large group's parent (its members are nested-only)
     * @param extraClients       Office clients per user beyond the default ones (web, iOS, Android, Mac, in turn)
     * @param skusPerUser        licenses per user
     * @param everyoneShare      share of the ordinary deployments that go to Everyone
     * @param nestedTargetShare  share of deployment group targets that are a nesting tree's root
     */
    public record Shape(String name, int usersPerGroup, int memberships, int nestEvery, int depth, int fanOut, double cycleShare,
                        int largeEvery, int largeSize, int largeDeployments, int extraClients, int skusPerUser,
                        double everyoneShare, double nestedTargetShare) {
        /** The original shape. */
        public static final Shape DEFAULT = new Shape("default", 5, 3, 50, 4, 1, -1, 0, 0, 0, 0, 1, 0.01, 0);
        /** Few huge nested groups: one 20k-member group per 25k users, in a parent assigned by 3 deployments each. */
        public static final Shape HUGE = new Shape("huge", 5, 2, 200, 3, 2, 0.05, 25_000, 20_000, 3, 3, 3, 0.02, 0.3);
        /** Many small deep chains: groups of ~3 members, chains of depth 8 with cycles, deployments to chain roots. */
        public static final Shape DEEP = new Shape("deep", 3, 1, 9, 8, 1, 0.2, 0, 0, 0, 1, 2, 0.01, 0.6);
        public static final List<Shape> ALL = List.of(DEFAULT, HUGE, DEEP);

        public static Shape named(String name) {
            for (Shape s : ALL) if (s.name().equals(name)) return s;
            throw new IllegalArgumentException("unknown shape '" + name + "' (" + String.join(", ", ALL.stream().map(Shape::name).toList()) + ")");
        }
    }

    static final int USERS_PER_FILE = 20_000;
    static final String[] SKUS = {"SPE_E3", "SPE_E5", "SPE_F1", "O365_BUSINESS_PREMIUM", "SPB", "ENTERPRISEPACK", "OFFICESUBSCRIPTION"};
    static final String[] GROUP_TYPES = {"microsoft-365", "distribution", "mail-enabled-security", "security"};
    /** The App for Outlook role's privileges: from their table, the one source. */
    static final String[] PRIVILEGES = dev.preflight.tables.Tables.bundled().privileges().toArray(new String[0]);

    private final int users;
    private final Random random;
    private final Shape shape;

    public Generator(int users, long seed) {
        this(users, seed, Shape.DEFAULT);
    }

    public Generator(int users, long seed, Shape shape) {
        this.users = users;
        this.random = new Random(seed);
        this.shape = shape;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Generator USERS OUT_DIR [SEED [SHAPE]]");
            System.exit(2);
        }
        new Generator(Integer.parseInt(args[0]), args.length > 2 ? Long.parseLong(args[2]) : 1L,
                args.length > 3 ? Shape.named(args[3]) : Shape.DEFAULT).write(Path.of(args[1]));
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    static String user(int i) {
        return "u" + i + "@synth.example";
    }

    /** Writes the snapshot folder; returns the files written. */
    public List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        int ordinary = Math.max(5, users / shape.usersPerGroup());
        int large = shape.largeEvery() > 0 ? Math.max(1, users / shape.largeEvery()) : 0;
        // Large groups come after the ordinary ones; each is nested in an ordinary group that has no other parent.
        int groups = ordinary + large;
        int apps = Math.max(5, users / 100);
        int deployments = Math.max(5, users / 100);
        int admins = 10;

        Path tenant = dir.resolve("tenant.yaml");
        try (BufferedWriter w = Files.newBufferedWriter(tenant, StandardCharsets.UTF_8)) {
            w.write("schemaVersion: 1\nsnapshot: { takenAt: 2026-11-20T09:00:00Z, source: preflight synthetic generator }\n");
            w.write("tenant: { id: synth-" + users + ", name: Synthetic " + users + ", defaultDomain: synth.example, cloud: worldwide, "
                    + "directory: synced, exchangeOnline: true, appManagementService: { present: true, accountEnabled: true }, "
                    + "storeSelfInstall: true, userConsent: false }\n");
            w.write("skus:\n");
            for (String s : SKUS) w.write("  - { skuPartNumber: " + s + " }\n");
            w.write("admins:\n");
            for (int i = 0; i < admins; i++) {
                w.write("  - { user: " + user(i) + ", roles: [" + (i % 3 == 0 ? "global-administrator" : i % 3 == 1 ? "exchange-administrator" : "global-reader") + "] }\n");
            }
        }
        files.add(tenant);

        for (int start = 0; start < users; start += USERS_PER_FILE) {
            Path f = dir.resolve(String.format("users-%03d.yaml", start / USERS_PER_FILE));
            try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                w.write("schemaVersion: 1\nusers:\n");
                for (int i = start; i < Math.min(users, start + USERS_PER_FILE); i++) writeUser(w, i);
            }
            files.add(f);
        }

        List<Integer> roots = new ArrayList<>(); // roots of nesting trees (deployments may target them)
        Path groupsFile = dir.resolve("groups.yaml");
        try (BufferedWriter w = Files.newBufferedWriter(groupsFile, StandardCharsets.UTF_8)) {
            w.write("schemaVersion: 1\ngroups:\n");
            List<List<String>> members = new ArrayList<>();
            for (int g = 0; g < groups; g++) members.add(new ArrayList<>());
            if (shape == Shape.DEFAULT) {
                // Members: each user in ~3 random groups; groups form chains of nesting up to depth 5.
                for (int i = 0; i < users; i++) {
                    for (int k = 0; k < 3; k++) members.get(random.nextInt(groups)).add("{ user: " + user(i) + " }");
                }
                for (int g = 0; g < groups; g++) {
                    if (g % 50 == 0) {
                        for (int d = 1; d <= 4 && g + d < groups; d++) {
                            if (d == 1 || chance(0.7)) members.get(g + d - 1).add("{ group: g" + (g + d) + " }");
                        }
                    }
                    if (g % 997 == 13 && g + 2 < groups) members.get(g + 2).add("{ group: g" + g + " }"); // a cycle
                }
            } else {
                for (int i = 0; i < users; i++) {
                    for (int k = 0; k < shape.memberships(); k++) members.get(random.nextInt(ordinary)).add("{ user: " + user(i) + " }");
                }
                // Nesting trees: a root every nestEvery groups, fanOut nested groups per level, depth levels, drawn from
                // the groups that follow it (so trees do not overlap); some trees close into a cycle.
                for (int g = 0; g < ordinary; g += shape.nestEvery()) {
                    roots.add(g);
                    int next = g + 1;
                    List<Integer> level = List.of(g);
                    int deepest = g;
                    for (int d = 0; d < shape.depth() && next < Math.min(ordinary, g + shape.nestEvery()); d++) {
                        List<Integer> below = new ArrayList<>();
                        for (int parent : level) {
                            for (int f = 0; f < shape.fanOut() && next < Math.min(ordinary, g + shape.nestEvery()); f++) {
                                members.get(parent).add("{ group: g" + next + " }");
                                below.add(next);
                                deepest = next++;
                            }
                        }
                        level = below;
                    }
                    if (deepest != g && chance(shape.cycleShare())) members.get(deepest).add("{ group: g" + g + " }");
                }
                for (int l = 0; l < large; l++) {
                    int id = ordinary + l;
                    int size = Math.min(users, shape.largeSize());
                    int first = (int) ((long) l * users / Math.max(1, large));
                    for (int k = 0; k < size; k++) members.get(id).add("{ user: " + user((first + k) % users) + " }");
                    // Its parent: an ordinary group at a nesting tree's root (spread over the groups).
                    members.get(largeParent(l, ordinary, large)).add("{ group: g" + id + " }");
                }
            }
            for (int g = 0; g < groups; g++) {
                String type = chance(0.03) ? "security" : GROUP_TYPES[g % 3];
                w.write("  - { id: g" + g + ", displayName: Group " + g + ", mail: g" + g + "@synth.example, type: " + type
                        + ", members: [" + String.join(", ", members.get(g)) + "] }\n");
            }
        }
        files.add(groupsFile);

        Path appsFile = dir.resolve("apps.yaml");
        try (BufferedWriter w = Files.newBufferedWriter(appsFile, StandardCharsets.UTF_8)) {
            w.write("schemaVersion: 1\napps:\n");
            String[][] hosts = {{"outlook"}, {"word"}, {"excel"}, {"powerpoint"}, {"word", "excel"}};
            for (int a = 0; a < apps; a++) {
                boolean store = a % 2 == 0;
                String kind = a % 40 == 7 ? "web-app" : a % 97 == 3 ? "vsto-add-in" : "office-add-in";
                w.write("  - { id: a" + a + ", name: App " + a + ", kind: " + kind + ", origin: " + (store ? "store" : "custom")
                        + ", productId: " + uuid(a) + (store ? ", assetId: WA10" + (4000000 + a) + ", contentMarket: en-US" : "")
                        + ", locale: en-US, hosts: [" + String.join(", ", hosts[a % hosts.length]) + "]"
                        + ", permission: " + (a % 3 == 0 ? "ReadWriteDocument" : "ReadDocument") + ", state: active, status: deployed"
                        + ", deploymentType: integrated-apps, manifestVersion: 1.0.0.0, latestManifestVersion: " + (a % 25 == 0 ? "1.1.0.0" : "1.0.0.0")
                        + ", requiresConsent: " + (a % 10 == 0) + ", graphPermissions: [" + (a % 20 == 0 ? "{ name: Mail.Read, adminConsentRequired: true }" : "")
                        + "], publisher: { name: Vendor " + a + ", verified: " + (a % 15 != 0) + " }, deployedBy: " + user(a % admins) + " }\n");
            }
            w.write("offers:\n");
            for (int o = 0; o + 1 < apps; o += 10) {
                w.write("  - { id: o" + o + ", name: Offer " + o + ", graphIntegration: " + (o % 30 != 0) + ", aadAppId: " + uuid(100000 + o % 70)
                        + ", apps: [a" + o + ", a" + (o + 1) + "] }\n");
            }
            w.write("consentGrants:\n");
            for (int c = 0; c < Math.max(3, apps / 10); c++) {
                w.write("  - { id: c" + c + ", appName: Grant " + c + ", consentType: " + (c % 2 == 0 ? "user" : "all-users")
                        + ", scopes: [User.Read], publisherVerified: " + (c % 5 != 0) + ", trusted: false }\n");
            }
        }
        files.add(appsFile);

        Path depFile = dir.resolve("deployments.yaml");
        try (BufferedWriter w = Files.newBufferedWriter(depFile, StandardCharsets.UTF_8)) {
            w.write("schemaVersion: 1\ndeployments:\n");
            for (int d = 0; d < deployments; d++) {
                String by = user(d % admins);
                String at = String.format("2026-%02d-%02dT10:00:00Z", 1 + d % 10, 1 + d % 28);
                w.write("  - { id: d" + d + ", app: a" + (d % apps) + ", status: " + (d % 9 == 0 ? "planned" : "deployed") + ", by: " + by
                        + ", at: " + at + ", test: " + (d % 11 == 0));
                boolean everyone = shape == Shape.DEFAULT ? d % 100 == 5 : chance(shape.everyoneShare());
                if (everyone) {
                    w.write(", assignment: everyone }\n");
                } else {
                    List<String> targets = new ArrayList<>();
                    int nGroups = 1 + random.nextInt(3);
                    for (int k = 0; k < nGroups; k++) {
                        int g = !roots.isEmpty() && chance(shape.nestedTargetShare()) ? roots.get(random.nextInt(roots.size())) : random.nextInt(ordinary);
                        targets.add("{ group: g" + g + " }");
                    }
                    int nUsers = d % 13 == 0 ? 12 : random.nextInt(3);
                    for (int k = 0; k < nUsers; k++) targets.add("{ user: " + user(random.nextInt(users)) + " }");
                    if (d % 71 == 0) targets.add("{ device: dev" + d + " }");
                    w.write(", assignment: specific, targets: [" + String.join(", ", targets) + "] }\n");
                }
            }
            // Deployments to each large group's parent: all its 20k members are reached only through nesting.
            for (int l = 0; l < large; l++) {
                for (int k = 0; k < shape.largeDeployments(); k++) {
                    int d = deployments + l * shape.largeDeployments() + k;
                    w.write("  - { id: d" + d + ", app: a" + (d % apps) + ", status: deployed, by: " + user(d % admins)
                            + ", at: 2026-06-01T10:00:00Z, test: false, assignment: specific, targets: [{ group: g"
                            + largeParent(l, ordinary, large) + " }" + (k == 0 ? ", { group: g" + (ordinary + l) + " }" : "") + "] }\n");
                }
            }
            w.write("operations:\n");
            for (int o = 0; o < Math.max(3, deployments / 20); o++) {
                w.write("  - { id: op" + o + ", action: assign, via: powershell, app: a" + (o % apps) + ", by: " + user(o % admins)
                        + ", cmdlet: Set-OrganizationAddInAssignments, parameters: { ProductId: " + uuid(o % apps)
                        + ", Add: true, Members: [" + user(random.nextInt(users)) + ", g" + random.nextInt(groups) + "@synth.example"
                        + (o % 7 == 0 ? ", nobody" + o + "@synth.example" : "") + "] } }\n");
            }
        }
        files.add(depFile);

        Path dyn = dir.resolve("dynamics.yaml");
        try (BufferedWriter w = Files.newBufferedWriter(dyn, StandardCharsets.UTF_8)) {
            w.write("schemaVersion: 1\ndynamics:\n  id: synth-crm\n  name: Synthetic CRM\n  deployment: online\n  version: 9.2.24101.194\n"
                    + "  emailProcessing: server-side-sync\n  exchangeOAuth: true\n  appForOutlookEnabled: true\n  exchange: online\n  roles:\n");
            w.write("    - { id: role-afo, name: Dynamics 365 App for Outlook User, privileges: [" + String.join(", ", PRIVILEGES) + "] }\n");
            w.write("    - { id: role-sales, name: Salesperson, privileges: [prvReadContact, prvReadActivity] }\n");
            int dynUsers = Math.max(3, users / 10);
            w.write("  teams:\n    - { id: team-1, name: Team one, roles: [role-afo], members: [");
            List<String> teamMembers = new ArrayList<>();
            for (int i = 0; i < dynUsers; i += 50) teamMembers.add("dyn" + i);
            w.write(String.join(", ", teamMembers) + "] }\n  users:\n");
            for (int i = 0; i < dynUsers; i++) {
                boolean role = !chance(0.03);
                String test = chance(0.02) ? "failure" : chance(0.02) ? "not-run" : "success";
                w.write("    - { id: dyn" + i + ", user: " + user(i) + ", name: User " + i + ", appUser: true, roles: [" + (role ? "role-afo" : "role-sales")
                        + "], appStatus: " + (chance(0.05) ? "pending" : "added") + ", syncedMailboxes: [" + user(i) + "]"
                        + ", mailbox: { email: " + user(i) + ", approved: " + !chance(0.02) + ", enabled: " + "success".equals(test)
                        + ", testResult: " + test + ", testScheduled: " + chance(0.5) + ", incoming: server-side-sync, syncOrganization: "
                        + (chance(0.01) ? "other-org" : "synth-crm") + " } }\n");
            }
        }
        files.add(dyn);
        return files;
    }

    /** The ordinary group a large group is nested in: spread over the groups, at a nesting tree's root. */
    private int largeParent(int l, int ordinary, int large) {
        int g = (int) ((long) (l + 1) * ordinary / (large + 1));
        return shape.nestEvery() > 0 ? g - g % shape.nestEvery() : g;
    }

    private static final String[][] EXTRA_CLIENTS = {
            {"outlook", "web", "microsoft-365", "\"Version 2408 (Build 17928.20114)\""},
            {"outlook", "ios", "outlook-mobile", "4.2430.0"},
            {"outlook", "android", "outlook-mobile", "4.2430.1"},
            {"word", "mac", "microsoft-365", "16.89.1"}};

    private void writeUser(BufferedWriter w, int i) throws IOException {
        String sku = chance(0.01) ? "" : SKUS[chance(0.02) ? 6 : i % 5];
        for (int k = 1; k < shape.skusPerUser() && !sku.isEmpty(); k++) sku += ", " + SKUS[(i + k) % SKUS.length];
        String state = chance(0.005) ? "disabled" : "enabled";
        String mailbox = chance(0.01) ? "{ type: none }" : chance(0.005) ? "{ type: on-premises, state: active, oauth: true }"
                : "{ type: exchange-online, state: active, oauth: " + !chance(0.005) + " }";
        StringBuilder b = new StringBuilder(400);
        b.append("  - { id: ").append(user(i)).append(", upn: ").append(user(i)).append(", displayName: User ").append(i)
                .append(", accountState: ").append(state).append(", licenses: [").append(sku).append("], orgIdSignIn: ")
                .append(!chance(0.005)).append(", mailbox: ").append(mailbox).append(", clients: [");
        String build = chance(0.01) ? "Version 1612 (Build 7668.2074)" : "Version 2408 (Build 17928.20114)";
        if (i % 7 == 3) {
            b.append("{ app: outlook, platform: mac, edition: office-2016, version: ").append(chance(0.02) ? "16.0.8000.1000" : "16.0.9318.1000")
                    .append(" }, { app: word, platform: mac, edition: microsoft-365, version: ").append(chance(0.02) ? "15.30" : "16.89.1").append(" }");
        } else {
            b.append("{ app: outlook, platform: windows, edition: microsoft-365, version: \"").append(build).append("\", ie11Enabled: ")
                    .append(!chance(0.01)).append(" }");
            for (String app : new String[]{"word", "excel", "powerpoint"}) {
                b.append(", { app: ").append(app).append(", platform: windows, edition: microsoft-365, version: \"").append(build)
                        .append("\", ie11Enabled: true }");
            }
        }
        for (int k = 0; k < shape.extraClients(); k++) {
            String[] c = EXTRA_CLIENTS[(i + k) % EXTRA_CLIENTS.length];
            b.append(", { app: ").append(c[0]).append(", platform: ").append(c[1]).append(", edition: ").append(c[2])
                    .append(", version: ").append(c[3]).append(" }");
        }
        b.append("] }\n");
        w.write(b.toString());
    }

    private static String uuid(int n) {
        return String.format("%08x-0000-4000-8000-%012x", n, (long) n * 7919L);
    }
}
