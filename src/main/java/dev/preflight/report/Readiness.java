package dev.preflight.report;

import dev.preflight.assign.Audience;
import dev.preflight.assign.Exclusion;
import dev.preflight.engine.Finding;
import dev.preflight.engine.RuleMeta;
import dev.preflight.engine.Severity;
import dev.preflight.model.App;
import dev.preflight.model.Mailbox;
import dev.preflight.model.OfficeClient;
import dev.preflight.model.User;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Readiness user by user: for each deployment of a report, every user of its audience (those it reaches and those it
 * leaves out) with a state and the reasons. The one model the {@code readiness-csv} format and the Readiness sections
 * of the HTML and Markdown reports render.
 *
 * <p>What counts for a user in a deployment, from the report's findings after waivers and config (see
 * docs/reports.md):
 * <ul>
 *   <li>the user's own findings, when the per-user rules judged the user for this deployment (it is among the add-in
 *   deployments that reach the user) or the finding's context is this deployment; a finding about one of the user's
 *   Office clients only when this deployment's app runs in that client's host (or its hosts are unknown);</li>
 *   <li>the findings about the deployment, its app (without context, or in this deployment), the SaaS offers linking
 *   the app, the tenant, and a user outside the audience in this deployment's context (the deploying admin); these
 *   count for every user of the deployment;</li>
 *   <li>DATA-004 about an assigned group in this deployment, for the group's direct members;</li>
 *   <li>being left out of the audience (nested group GRP-001, parent group GRP-002, security group that is not
 *   mail-enabled GRP-003, account not active GRP-007): the user does not receive the app, so this is always a
 *   blocker, whatever a waiver says about the group's finding.</li>
 * </ul>
 * Findings of the Dynamics (DYN), consent (CON) and plan (PLAN) areas concern no deployment's audience and are not
 * joined. A live error is a blocker; a live DATA-004 about a rule that reports errors is "could not verify" (about a
 * warning or info rule it would not have blocked, and is listed with the warnings); a live warning is listed but leaves
 * the user ready; info is not listed; a waived finding is listed as waived and never blocks. State: blocked if any
 * blocker, else could not verify if any, else ready. Users the snapshot does not let Preflight know (an audience not
 * fully known, or nobody known while what counts for everyone could not be verified, e.g. without {@code users}) are
 * one row without a user, never silence.
 *
 * <p>The join is linear: the findings are indexed once by subject and by deployment context, then each user of each
 * deployment looks up its own findings; {@link #steps()} counts the findings and members visited.
 */
public final class Readiness {
    /** A user's readiness for one deployment. */
    public enum State {
        READY("ready"), BLOCKED("blocked"), UNVERIFIED("could not verify");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One reason: the rule that says it and its short text; shown as {@code RULE-ID: text}. */
    public record Reason(String ruleId, String text) {
        public String line() {
            return ruleId + ": " + text;
        }
    }

    private static final Comparator<Reason> ORDER = Comparator.comparing(Reason::ruleId).thenComparing(Reason::text);

    /** The reasons of one user (or of everyone in a deployment), each list sorted by rule id then text, no duplicates. */
    public record Reasons(List<Reason> blockers, List<Reason> unverified, List<Reason> warnings, List<Reason> waived) {
        static final Reasons NONE = new Reasons(List.of(), List.of(), List.of(), List.of());

        boolean isEmpty() {
            return blockers.isEmpty() && unverified.isEmpty() && warnings.isEmpty() && waived.isEmpty();
        }

        /** Both together; this same object when {@code other} adds nothing (rows share their deployment's reasons). */
        Reasons with(Reasons other) {
            if (other.isEmpty()) return this;
            if (isEmpty()) return other;
            return new Reasons(merge(blockers, other.blockers), merge(unverified, other.unverified),
                    merge(warnings, other.warnings), merge(waived, other.waived));
        }

        private static List<Reason> merge(List<Reason> a, List<Reason> b) {
            if (b.isEmpty()) return a;
            if (a.isEmpty()) return b;
            List<Reason> all = new ArrayList<>(a.size() + b.size());
            all.addAll(a);
            all.addAll(b);
            return sorted(all);
        }

        State state() {
            return !blockers.isEmpty() ? State.BLOCKED : !unverified.isEmpty() ? State.UNVERIFIED : State.READY;
        }
    }

    /** Collects reasons from report entries. */
    private final class Collector {
        final List<Reason> blockers = new ArrayList<>();
        final List<Reason> unverified = new ArrayList<>();
        final List<Reason> warnings = new ArrayList<>();
        final List<Reason> waived = new ArrayList<>();

        void add(Report.Entry e) {
            Finding f = e.finding();
            Reason r = new Reason(f.ruleId(), f.message());
            if (e.waived()) waived.add(r);
            else if (Report.COULD_NOT_VERIFY.equals(f.ruleId())) (couldBlock(f.about()) ? unverified : warnings).add(r);
            else if (e.severity() == Severity.ERROR) blockers.add(r);
            else if (e.severity() == Severity.WARNING) warnings.add(r);
        }

        Reasons done() {
            if (blockers.isEmpty() && unverified.isEmpty() && warnings.isEmpty() && waived.isEmpty()) return Reasons.NONE;
            return new Reasons(sorted(blockers), sorted(unverified), sorted(warnings), sorted(waived));
        }
    }

    /**
     * Whether the rule a DATA-004 is about could have blocked (reports errors, after the config): then the user could
     * not be verified; an undecided warning or info rule would not have blocked, so its DATA-004 is listed with the
     * warnings. A DATA-004 that names no rule, or a rule the catalog lacks, could have.
     */
    private boolean couldBlock(String ruleId) {
        if (ruleId == null) return true;
        Severity s = severities.get(ruleId);
        return s == null || s == Severity.ERROR;
    }

    private static List<Reason> sorted(List<Reason> reasons) {
        if (reasons.isEmpty()) return List.of();
        List<Reason> out = new ArrayList<>(new LinkedHashSet<>(reasons));
        out.sort(ORDER);
        return List.copyOf(out);
    }

    /**
     * One user of a deployment's audience: {@code reached} when the deployment gives the user the app, else
     * {@code exclusion} says why not. {@code user} is null only for the row that stands for users the snapshot does not
     * let Preflight know (the audience is not fully known).
     */
    public record Row(String userId, User user, boolean reached, Exclusion exclusion, State state, Reasons reasons) {
        public List<Reason> blockers() {
            return reasons.blockers();
        }

        /** The rule ids of the blockers, each once, in order. */
        public List<String> blockerRules() {
            return reasons.blockers().stream().map(Reason::ruleId).distinct().toList();
        }
    }

    /**
     * One deployment: its rows in user order (userPrincipalName, then id), the counts of each state, the reasons that
     * count for every user of it ({@code everyone}: about the deployment, its app, offers, the tenant) and the facts
     * that leave its audience not fully known.
     */
    public record Deployment(Report.DeploymentView view, List<Row> rows, int ready, int blocked, int unverified,
                             Reasons everyone, List<String> unknown) {
        public int users() {
            return ready + blocked + unverified;
        }

        /** The rows of one state, in user order (without the row for users not known). */
        public List<Row> rows(State state) {
            return rows.stream().filter(r -> r.userId() != null && r.state() == state).toList();
        }

        /** A row's reasons of one list that are its own, not those that count for everyone in the deployment. */
        public List<Reason> own(List<Reason> rowReasons, List<Reason> everyoneReasons) {
            if (everyoneReasons.isEmpty()) return rowReasons;
            Set<Reason> common = new HashSet<>(everyoneReasons);
            return rowReasons.stream().filter(x -> !common.contains(x)).toList();
        }
    }

    /** The areas whose findings concern no deployment's audience. */
    static final Set<String> NOT_JOINED = Set.of("DYN", "CON", "PLAN");

    private final List<Deployment> deployments;
    private final Roster roster;
    private final Map<String, Severity> severities = new HashMap<>();
    private final Map<String, String> sortKeys = new HashMap<>();
    private long steps;

    private Readiness(Report r) {
        r.catalog().forEach((id, meta) -> {
            if (meta != null && meta.severity() != null) severities.put(id, meta.severity());
        });
        for (Report.Override o : r.overrides()) {
            if (o.ruleId() != null && "severity".equals(o.setting()) && Severity.parse(o.value()) != null) {
                severities.put(o.ruleId(), Severity.parse(o.value()));
            }
        }
        List<Report.DeploymentView> views = r.deployments();
        this.roster = views.isEmpty() ? null : views.get(0).roster();
        if (roster == null) {
            this.deployments = List.of();
            return;
        }
        Set<String> deploymentIds = new HashSet<>();
        for (Report.DeploymentView d : views) deploymentIds.add(d.id());
        Map<String, List<Report.Entry>> bySubject = new HashMap<>();
        Map<String, List<Report.Entry>> byUser = new HashMap<>();
        Map<String, List<Report.Entry>> byContext = new HashMap<>();
        List<Report.Entry> tenant = new ArrayList<>();
        for (Report.Entry e : r.entries()) {
            steps++;
            Finding f = e.finding();
            String rule = Report.COULD_NOT_VERIFY.equals(f.ruleId()) && f.about() != null ? f.about() : f.ruleId();
            if (NOT_JOINED.contains(RuleMeta.areaOf(rule))) continue;
            if ("tenant".equals(f.subjectKind())) tenant.add(e);
            else if ("user".equals(f.subjectKind())) byUser.computeIfAbsent(f.subjectId(), k -> new ArrayList<>()).add(e);
            else bySubject.computeIfAbsent(key(f.subjectKind(), f.subjectId()), k -> new ArrayList<>()).add(e);
            if (f.context() != null && deploymentIds.contains(f.context())) {
                byContext.computeIfAbsent(f.context(), k -> new ArrayList<>()).add(e);
            }
        }
        List<Deployment> out = new ArrayList<>(views.size());
        for (Report.DeploymentView d : views) out.add(deployment(d, tenant, bySubject, byUser, byContext, deploymentIds));
        this.deployments = List.copyOf(out);
    }

    /**
     * The readiness of every deployment of the report (none when the report carries no roster, e.g. a merged one),
     * worked out once per report however many formats render it.
     */
    public static Readiness of(Report r) {
        Roster roster = r.deployments().isEmpty() ? null : r.deployments().get(0).roster();
        return roster == null ? new Readiness(r) : roster.readiness(r, Readiness::new);
    }

    public List<Deployment> deployments() {
        return deployments;
    }

    /** Findings, members and user lookups visited while joining (the work, for tests of scale). */
    public long steps() {
        return steps;
    }

    private static String key(String kind, String id) {
        return kind + "\n" + id;
    }

    private Deployment deployment(Report.DeploymentView d, List<Report.Entry> tenant, Map<String, List<Report.Entry>> bySubject,
                                  Map<String, List<Report.Entry>> byUser,
                                  Map<String, List<Report.Entry>> byContext, Set<String> deploymentIds) {
        Audience a = d.audience();
        Collector common = new Collector();
        for (Report.Entry e : tenant) {
            steps++;
            common.add(e);
        }
        for (Report.Entry e : bySubject.getOrDefault(key("deployment", d.id()), List.of())) {
            steps++;
            common.add(e);
        }
        List<String> subjects = new ArrayList<>();
        subjects.add(key("app", d.appId()));
        for (String offer : roster.offers(d.appId())) subjects.add(key("offer", offer));
        for (String s : subjects) {
            for (Report.Entry e : bySubject.getOrDefault(s, List.of())) {
                steps++;
                String ctx = e.finding().context();
                if (ctx == null || ctx.equals(d.id()) || !deploymentIds.contains(ctx)) common.add(e);
            }
        }
        // In this deployment's context: a user outside its audience (the deploying admin) counts for everyone;
        // DATA-004 about an assigned group counts for the group's direct members; other kinds count for everyone.
        Set<String> audience = null;
        Map<String, Collector> perUser = new HashMap<>();
        for (Report.Entry e : byContext.getOrDefault(d.id(), List.of())) {
            steps++;
            Finding f = e.finding();
            switch (f.subjectKind()) {
                case "deployment", "app", "offer", "tenant" -> {
                    // counted above
                }
                case "user" -> {
                    if (audience == null) audience = members(a);
                    if (!audience.contains(f.subjectId())) common.add(e);
                }
                case "group" -> {
                    if (!Report.COULD_NOT_VERIFY.equals(f.ruleId())) continue; // its members' exclusions say it
                    for (String u : roster.directUsers(f.subjectId())) {
                        steps++;
                        perUser.computeIfAbsent(u, k -> new Collector()).add(e);
                    }
                }
                default -> common.add(e);
            }
        }
        Reasons shared = common.done();
        App app = roster.app(d.appId());
        List<String> hosts = app == null ? null : app.hosts();
        List<Row> rows = new ArrayList<>(a.recipients().size() + a.excluded().size() + 1);
        for (String uid : a.recipients()) {
            rows.add(row(d, uid, null, shared, perUser.get(uid), byUser, deploymentIds, hosts));
        }
        for (Exclusion x : a.excluded()) {
            rows.add(row(d, x.userId(), x, shared, perUser.get(x.userId()), byUser, deploymentIds, hosts));
        }
        sortByUser(rows);
        int ready = 0;
        int blocked = 0;
        int unverified = 0;
        for (Row row : rows) {
            switch (row.state()) {
                case READY -> ready++;
                case BLOCKED -> blocked++;
                case UNVERIFIED -> unverified++;
            }
        }
        if (!a.unknown().isEmpty() || rows.isEmpty() && !shared.unverified().isEmpty()) {
            // Users the snapshot does not let us know (who the audience is, or a whole section such as users is
            // absent): one row that says so, never silence.
            List<Reason> facts = new ArrayList<>();
            for (String fact : a.unknown()) {
                facts.add(new Reason(Report.COULD_NOT_VERIFY, "who else deployment '" + d.id() + "' reaches: the snapshot does not give "
                        + roster.fact(fact)));
            }
            Reasons unknown = facts.isEmpty() ? shared : shared.with(new Reasons(List.of(), sorted(facts), List.of(), List.of()));
            rows.add(new Row(null, null, false, null, unknown.blockers().isEmpty() ? State.UNVERIFIED : State.BLOCKED, unknown));
        }
        return new Deployment(d, List.copyOf(rows), ready, blocked, unverified, shared, a.unknown());
    }

    /** The users of an audience (reached and left out), for telling whether a finding's user is one of them. */
    private Set<String> members(Audience a) {
        Set<String> s = new HashSet<>(a.recipients());
        for (Exclusion x : a.excluded()) s.add(x.userId());
        steps += s.size();
        return s;
    }

    private Row row(Report.DeploymentView d, String uid, Exclusion x, Reasons shared, Collector group,
                    Map<String, List<Report.Entry>> byUser, Set<String> deploymentIds, List<String> hosts) {
        steps++;
        User u = roster.user(uid);
        Collector own = group;
        if (x != null) {
            if (own == null) own = new Collector();
            own.blockers.add(new Reason(x.ruleId(), x.reason() + " (" + x.pathText() + ")"));
        }
        List<Report.Entry> mine = byUser.getOrDefault(uid, List.of());
        boolean judged = !mine.isEmpty() && roster.judged(uid, d.id());
        for (Report.Entry e : mine) {
            steps++;
            Finding f = e.finding();
            String ctx = f.context();
            boolean counts;
            if (ctx == null) counts = judged;
            else if (deploymentIds.contains(ctx)) counts = ctx.equals(d.id());
            else counts = judged && inHost(u, ctx, hosts);
            // A left-out user's own finding of the rule that leaves them out is the exclusion, said once.
            if (counts && x != null && f.ruleId().equals(x.ruleId()) && d.id().equals(ctx)) counts = false;
            if (counts) {
                if (own == null) own = new Collector();
                own.add(e);
            }
        }
        Reasons reasons = own == null ? shared : shared.with(own.done());
        return new Row(uid, u, x == null, x, reasons.state(), reasons);
    }

    /** Whether a finding in the context of one of the user's Office clients concerns an app of these hosts. */
    private static boolean inHost(User u, String context, List<String> hosts) {
        if (hosts == null || u == null || u.clients() == null) return true;
        for (OfficeClient c : u.clients()) {
            if (c.id().equals(context)) return c.app() == null || hosts.contains(c.app());
        }
        return true;
    }

    /** In user order: userPrincipalName (case-insensitive, else the id), then id; each user's key worked out once. */
    private void sortByUser(List<Row> rows) {
        record Keyed(String key, Row row) {
        }
        List<Keyed> keyed = new ArrayList<>(rows.size());
        for (Row row : rows) keyed.add(new Keyed(sortKeys.computeIfAbsent(row.userId(), id -> sortKey(row.user(), id)), row));
        keyed.sort(Comparator.comparing(Keyed::key).thenComparing(k -> k.row().userId()));
        rows.clear();
        for (Keyed k : keyed) rows.add(k.row());
    }

    private static String sortKey(User u, String id) {
        if (u == null) return "\uffff";
        String k = u.upn() != null ? u.upn() : id;
        return k.toLowerCase(Locale.ROOT);
    }

    /** An audience's unknown fact as people read it (the group named). */
    public String fact(String unknown) {
        return roster.fact(unknown);
    }

    // The columns of Microsoft's Centralized Deployment compatibility checker, from Preflight's facts.

    /** "User Name": the display name, else the userPrincipalName, else the id. */
    public static String userName(User u) {
        if (u == null) return "";
        return u.displayName() != null ? u.displayName() : u.upn() != null ? u.upn() : u.id();
    }

    /** "User ID" (the user's email address): the mail, else the userPrincipalName, else the id. */
    public static String emailAddress(User u) {
        if (u == null) return "";
        return u.mail() != null ? u.mail() : u.upn() != null ? u.upn() : u.id();
    }

    /** "Centralized Deployment ready": True when ready, False when blocked, unknown when it could not be verified. */
    public static String ready(State s) {
        return s == State.READY ? "True" : s == State.BLOCKED ? "False" : UNKNOWN;
    }

    /** "Office plan": the products of the user's licenses; none for {@code licenses: []}; unknown when not exported. */
    public String officePlan(User u) {
        if (u == null || u.licenses() == null) return UNKNOWN;
        if (u.licenses().isEmpty()) return "none";
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String sku : u.licenses()) names.add(roster.productName(sku));
        return String.join("; ", names);
    }

    /**
     * "Office Activated": whether the user signed into Office with the organizational ID ({@code users[].orgIdSignIn}),
     * the per-user activation of Microsoft 365 Apps; unknown when not exported.
     */
    public static String officeActivated(User u) {
        if (u == null || u.orgIdSignIn() == null) return UNKNOWN;
        return u.orgIdSignIn() ? "True" : "False";
    }

    /**
     * "Supported Mailbox" (an OAuth-enabled mailbox): True for an active Exchange Online mailbox with OAuth; False when
     * the snapshot says it is another type, not active, or without OAuth; unknown when a fact that decides is absent.
     */
    public static String supportedMailbox(User u) {
        Mailbox m = u == null ? null : u.mailbox();
        if (m == null || m.type() == null) return UNKNOWN;
        if (!"exchange-online".equals(m.type())) return "False";
        if (m.state() != null && !"active".equals(m.state())) return "False";
        if (Boolean.FALSE.equals(m.oauth())) return "False";
        if (m.state() == null || m.oauth() == null) return UNKNOWN;
        return "True";
    }

    /** What the checker columns say when the snapshot lacks the fact: never True or False by default. */
    public static final String UNKNOWN = "unknown";
}
