package dev.preflight.tables;

import dev.preflight.licensing.Licensing;
import dev.preflight.model.Location;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.Problem;
import dev.preflight.version.BuildTable;
import dev.preflight.version.OfficeMinimums;
import dev.preflight.version.Version;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The data the rules judge by, as tables reviewers can read and change without reading DRL: each a CSV file with a
 * schema, bundled in the jar and the one source of its data. {@code --tables DIR} replaces a table with the file of the
 * same name in DIR. Every row is validated on load ({@code file:line:column} errors, exit 2), overlaps (two rows for
 * one key, a row another one hides) are errors, gaps (what no row covers) are reported as notes.
 */
public final class Tables {
    public static final String CHANNELS_NOTE = "a Microsoft 365 Apps update channel";

    public static final Schema MINIMUMS = new Schema("minimums", "clients/minimums.csv",
            "the minimum Office client version per host family, platform and edition (CLI-001, CLI-002, CLI-004)", List.of(
            Column.oneOf("rule", "the rule that reports a client below the minimum", "CLI-001", "CLI-002", "CLI-004"),
            Column.oneOf("hostFamily", "document (Word, Excel, PowerPoint) or outlook", "document", "outlook"),
            Column.oneOf("platform", "the client's platform", "windows", "mac", "ios", "android"),
            Column.pattern("edition", "\\*|[a-z0-9]+(-[a-z0-9]+)*", "an edition as snapshots write it (microsoft-365, office-2019, office-2016-msi) or * for any"),
            Column.version("minimum", "a YYMM version (1704) or a build (16.0.4494.1000)"),
            Column.text("text", "what the source says")));

    public static final Schema SKUS = new Schema("skus", "licensing/skus.csv",
            "the license products Preflight knows, and what each gives (LIC-001..003, EXO)", List.of(
            Column.text("skuPartNumber", "the SKU's part number (SPE_E3)"),
            Column.pattern("skuId", "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "a GUID"),
            Column.text("product", "the product's name"),
            Column.yesNo("exchangeMailbox", "the license includes an Exchange Online mailbox"),
            Column.yesNo("namedBySource", "the source names the product as one the add-in scenario supports"),
            Column.yesNo("appsOnly", "the license gives the Office apps only, no mailbox")));

    public static final Schema PRIVILEGES = new Schema("privileges", "dynamics/app-for-outlook-privileges.csv",
            "the minimum privileges of the Dynamics 365 App for Outlook User role (DYN-006, DYN-007)", List.of(
            Column.pattern("privilege", "prv[A-Za-z]+", "a privilege name (prvReadMailbox)")));

    public static final Schema BUILDS = new Schema("builds", "clients/builds.csv",
            "Microsoft's version-to-build table of Microsoft 365 Apps (how a 16.0 build is placed against a YYMM minimum)", List.of(
            Column.date("releaseDate", "the release date"),
            Column.oneOf("channel", CHANNELS_NOTE, "Current Channel", "Monthly Enterprise Channel",
                    "Semi-Annual Enterprise Channel", "Semi-Annual Enterprise Channel (Preview)"),
            Column.pattern("version", "\\d{4}", "a YYMM version (2408)"),
            Column.pattern("build", "\\d+\\.\\d+", "a build after 16.0. (17928.20114)"),
            Column.text("verifiedIn", "where the row was checked (see clients/README.md)")));

    public static final List<Schema> SCHEMAS = List.of(MINIMUMS, SKUS, PRIVILEGES, BUILDS);

    /** The number of privileges of the source's table (seed 004, Step 3). */
    public static final int SOURCE_PRIVILEGES = 24;

    private static volatile Tables bundled;
    private static volatile Tables inForce;

    private final Map<String, CsvTable> tables;
    private final List<Problem> notes;
    private final List<OfficeMinimums.Minimum> minimums;
    private final Map<String, Licensing.Product> skus;
    private final List<String> privileges;
    private final BuildTable builds;
    private final Map<String, List<OfficeMinimums.Minimum>> minimumsByPlatform;

    private Tables(Map<String, CsvTable> tables, List<Problem> notes, List<OfficeMinimums.Minimum> minimums,
                   Map<String, Licensing.Product> skus, List<String> privileges, BuildTable builds) {
        this.tables = tables;
        this.notes = notes;
        this.minimums = minimums;
        this.skus = skus;
        this.privileges = privileges;
        this.builds = builds;
        this.minimumsByPlatform = OfficeMinimums.byPlatform(minimums);
    }

    /** The tables the rules judge by in this process: the bundled ones unless {@link #use} installed others. */
    public static Tables inForce() {
        Tables t = inForce;
        return t != null ? t : bundled();
    }

    /** Makes {@code tables} the ones in force (null: the bundled ones again). */
    public static void use(Tables tables) {
        inForce = tables;
    }

    /** The tables shipped in the jar. */
    public static Tables bundled() {
        Tables t = bundled;
        if (t == null) {
            synchronized (Tables.class) {
                if (bundled == null) {
                    try {
                        bundled = load(null);
                    } catch (InputException e) {
                        throw new IllegalStateException("the bundled tables are invalid: " + e.problems(), e);
                    }
                }
                t = bundled;
            }
        }
        return t;
    }

    /**
     * The bundled tables, each replaced by the file of the same name in {@code dir} when there is one. Every problem
     * of every table is collected; a CSV file in {@code dir} that is no table is one too.
     */
    public static Tables load(Path dir) throws InputException {
        List<Problem> problems = new ArrayList<>();
        Map<String, CsvTable> read = new LinkedHashMap<>();
        Set<String> known = new LinkedHashSet<>();
        for (Schema s : SCHEMAS) {
            known.add(s.fileName());
            Path override = dir == null ? null : dir.resolve(s.fileName());
            if (override != null && Files.isRegularFile(override)) {
                String name = override.toString().replace('\\', '/');
                String text;
                try {
                    text = Files.readString(override, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    problems.add(new Problem(new Location(name, 0, 0), "cannot read the table: " + e.getMessage()));
                    continue;
                }
                read.put(s.name(), CsvTable.read(s, name, false, text, problems));
            } else {
                read.put(s.name(), CsvTable.read(s, s.resource(), true, resource(s.resource()), problems));
            }
        }
        if (dir != null) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    String n = f.getFileName().toString();
                    if (n.endsWith(".csv") && !known.contains(n)) {
                        problems.add(new Problem(new Location(f.toString().replace('\\', '/'), 0, 0),
                                "not a table Preflight knows; the tables are " + String.join(", ", known)));
                    }
                }
            } catch (IOException e) {
                problems.add(new Problem(new Location(dir.toString(), 0, 0), "cannot list --tables folder: " + e.getMessage()));
            }
        }
        List<Problem> notes = new ArrayList<>();
        // Rows that failed validation are left out above, so each table's overlaps and gaps are still worked out.
        List<OfficeMinimums.Minimum> minimums = minimums(read.get("minimums"), problems, notes);
        Map<String, Licensing.Product> skus = skus(read.get("skus"), problems);
        List<String> privileges = privileges(read.get("privileges"), problems, notes);
        BuildTable builds = builds(read.get("builds"), problems, notes);
        if (!problems.isEmpty()) {
            problems.sort(null);
            throw new InputException(problems);
        }
        return new Tables(Map.copyOf(read), List.copyOf(notes), minimums, skus, privileges, builds);
    }

    private static List<OfficeMinimums.Minimum> minimums(CsvTable t, List<Problem> problems, List<Problem> notes) {
        List<OfficeMinimums.Minimum> out = new ArrayList<>();
        Map<String, CsvTable.Row> byKey = new HashMap<>();
        Map<String, CsvTable.Row> anyEdition = new HashMap<>();
        Map<String, List<String>> editions = new TreeMap<>();
        for (CsvTable.Row r : t.rows()) {
            String rule = t.cell(r, "rule");
            String family = t.cell(r, "hostFamily");
            String platform = t.cell(r, "platform");
            String edition = t.cell(r, "edition");
            String expectedRule = family.equals("outlook") ? "CLI-004" : platform.equals("windows") ? "CLI-001"
                    : platform.equals("mac") ? "CLI-002" : null;
            if (expectedRule == null) {
                problems.add(new Problem(t.at(r, "platform"), "column 'platform': Word, Excel and PowerPoint add-ins on "
                        + platform + " have no minimum (mobile runs Outlook add-ins only)"));
                continue;
            }
            if (!rule.equals(expectedRule)) {
                problems.add(new Problem(t.at(r, "rule"), "column 'rule': " + family + " on " + platform + " is judged by "
                        + expectedRule + ", not " + rule));
                continue;
            }
            String platformKey = family + "|" + platform;
            String key = platformKey + "|" + edition;
            CsvTable.Row before = byKey.putIfAbsent(key, r);
            if (before != null) {
                problems.add(new Problem(t.at(r, "edition"), "overlap: line " + before.line() + " already gives the minimum of "
                        + family + " on " + platform + " for edition " + edition));
                continue;
            }
            CsvTable.Row any = anyEdition.get(platformKey);
            if (any != null) {
                problems.add(new Problem(t.at(r, "edition"), "overlap: the edition * row at line " + any.line() + " already covers "
                        + family + " on " + platform + ", so this row would never be used (put specific editions first)"));
                continue;
            }
            if (edition.equals("*")) anyEdition.put(platformKey, r);
            else editions.computeIfAbsent(platformKey, k -> new ArrayList<>()).add(edition);
            out.add(new OfficeMinimums.Minimum(rule, family, platform, edition, Version.parse(t.cell(r, "minimum")), t.cell(r, "text")));
        }
        Location file = new Location(t.file(), 0, 0);
        for (String expected : List.of("document|windows", "document|mac", "outlook|windows", "outlook|mac", "outlook|ios", "outlook|android")) {
            String[] fp = expected.split("\\|");
            if (!anyEdition.containsKey(expected) && !editions.containsKey(expected)) {
                notes.add(new Problem(file, "gap: no minimum for " + fp[0] + " on " + fp[1]
                        + ": such clients are reported as not listed (CLI-007), never passed"));
            } else if (!anyEdition.containsKey(expected)) {
                notes.add(new Problem(file, "gap: " + fp[0] + " on " + fp[1] + " has minimums for " + String.join(", ", editions.get(expected))
                        + " only: other editions are reported as not listed (CLI-007), never passed"));
            }
        }
        return List.copyOf(out);
    }

    private static Map<String, Licensing.Product> skus(CsvTable t, List<Problem> problems) {
        Map<String, Licensing.Product> out = new HashMap<>();
        Map<String, CsvTable.Row> seen = new HashMap<>();
        for (CsvTable.Row r : t.rows()) {
            String part = t.cell(r, "skuPartNumber");
            String id = t.cell(r, "skuId");
            boolean mailbox = "yes".equals(t.cell(r, "exchangeMailbox"));
            boolean named = "yes".equals(t.cell(r, "namedBySource"));
            boolean appsOnly = "yes".equals(t.cell(r, "appsOnly"));
            if (appsOnly && (mailbox || named)) {
                problems.add(new Problem(t.at(r, "appsOnly"), "column 'appsOnly': a product with the Office apps only has no "
                        + (mailbox ? "Exchange mailbox (exchangeMailbox is yes)" : "place among the named products (namedBySource is yes)")));
                continue;
            }
            boolean ok = true;
            for (String[] k : new String[][]{{"skuPartNumber", part}, {"skuId", id}}) {
                CsvTable.Row before = seen.putIfAbsent(Licensing.key(k[1]), r);
                if (before != null && before != r) {
                    problems.add(new Problem(t.at(r, k[0]), "overlap: " + k[0] + " '" + k[1] + "' is already the SKU of line " + before.line()));
                    ok = false;
                }
            }
            if (!ok) continue;
            Licensing.Product p = new Licensing.Product(part, id, t.cell(r, "product"), mailbox, named, appsOnly);
            out.put(Licensing.key(part), p);
            out.put(Licensing.key(id), p);
        }
        return Map.copyOf(out);
    }

    private static List<String> privileges(CsvTable t, List<Problem> problems, List<Problem> notes) {
        List<String> out = new ArrayList<>();
        Map<String, CsvTable.Row> seen = new HashMap<>();
        for (CsvTable.Row r : t.rows()) {
            String p = t.cell(r, "privilege");
            CsvTable.Row before = seen.putIfAbsent(p, r);
            if (before != null) {
                problems.add(new Problem(t.at(r, "privilege"), "overlap: " + p + " is already listed at line " + before.line()));
                continue;
            }
            out.add(p);
        }
        if (out.size() != SOURCE_PRIVILEGES) {
            notes.add(new Problem(new Location(t.file(), 0, 0), (out.size() < SOURCE_PRIVILEGES ? "gap: " : "note: ") + out.size()
                    + " privileges, the source's role lists " + SOURCE_PRIVILEGES));
        }
        return List.copyOf(out);
    }

    private static BuildTable builds(CsvTable t, List<Problem> allProblems, List<Problem> notes) {
        List<Problem> problems = new ArrayList<>();
        List<BuildTable.Release> out = new ArrayList<>();
        Map<Integer, CsvTable.Row> versionOfBuild = new HashMap<>();
        TreeMap<Integer, int[]> range = new TreeMap<>();
        Map<Integer, CsvTable.Row> firstOfVersion = new HashMap<>();
        for (CsvTable.Row r : t.rows()) {
            int version = Integer.parseInt(t.cell(r, "version"));
            String[] b = t.cell(r, "build").split("\\.");
            int build;
            int revision;
            try {
                build = Integer.parseInt(b[0]);
                revision = Integer.parseInt(b[1]);
            } catch (NumberFormatException e) {
                problems.add(new Problem(t.at(r, "build"), "column 'build': '" + t.cell(r, "build") + "' is too large a number"));
                continue;
            }
            CsvTable.Row before = versionOfBuild.putIfAbsent(build, r);
            if (before != null && Integer.parseInt(t.cell(before, "version")) != version) {
                problems.add(new Problem(t.at(r, "build"), "overlap: build " + build + " is Version " + t.cell(before, "version")
                        + " at line " + before.line() + ", not " + version));
                continue;
            }
            firstOfVersion.putIfAbsent(version, r);
            range.merge(version, new int[]{build, build}, (x, y) -> new int[]{Math.min(x[0], y[0]), Math.max(x[1], y[1])});
            out.add(new BuildTable.Release(t.cell(r, "releaseDate"), t.cell(r, "channel"), version, build, revision));
        }
        Map.Entry<Integer, int[]> prev = null;
        for (Map.Entry<Integer, int[]> e : range.entrySet()) {
            if (prev != null && prev.getValue()[1] >= e.getValue()[0]) {
                problems.add(new Problem(t.at(firstOfVersion.get(e.getKey()), "build"), "overlap: builds of Version " + e.getKey()
                        + " (from " + e.getValue()[0] + ") are not all above those of Version " + prev.getKey() + " (up to "
                        + prev.getValue()[1] + "); builds increase with versions"));
            }
            prev = e;
        }
        if (!range.isEmpty()) {
            notes.add(new Problem(new Location(t.file(), 0, 0), "gap: builds outside the " + range.size() + " versions listed ("
                    + range.firstKey() + " to " + range.lastKey() + ") are unknown: clients on them give DATA-004, never a pass"));
        }
        allProblems.addAll(problems);
        return problems.isEmpty() ? new BuildTable(out) : null;
    }

    private static String resource(String name) {
        try (InputStream in = Tables.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each table in force, in schema order. */
    public List<CsvTable> tables() {
        return SCHEMAS.stream().map(s -> tables.get(s.name())).toList();
    }

    /** Gaps (and other notes) of the tables in force, each at its file. */
    public List<Problem> notes() {
        return notes;
    }

    /** Whether any table is a reviewer's file rather than the bundled one. */
    public boolean overridden() {
        return tables.values().stream().anyMatch(t -> !t.bundled());
    }

    public List<OfficeMinimums.Minimum> minimums() {
        return minimums;
    }

    /** {@link #minimums()} by family and platform ({@code outlook|windows}), in table order. */
    public Map<String, List<OfficeMinimums.Minimum>> minimumsByPlatform() {
        return minimumsByPlatform;
    }

    /** Products by lookup key ({@link Licensing#key}) of part number and id. */
    public Map<String, Licensing.Product> skus() {
        return skus;
    }

    public List<String> privileges() {
        return privileges;
    }

    public BuildTable builds() {
        return builds;
    }
}
