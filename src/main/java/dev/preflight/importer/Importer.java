package dev.preflight.importer;

import dev.preflight.model.Location;
import dev.preflight.model.Origin;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.Problem;
import dev.preflight.snapshot.SnapshotLoader;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code preflight import}: a snapshot folder from the raw exports admins already have (Graph JSON pages,
 * Exchange Online / Centralized Deployment PowerShell output, the Dataverse Web API), each entity keeping the
 * export file and JSON pointer it came from. The folder contract is docs/collecting.md. Public for
 * {@code preflight collect --check}: {@link #read} checks an exports folder without writing anything.
 */
public final class Importer {

    /** One export file that was read: what it is, the call that produced it, how many items it gave. */
    public record Source(String file, String kind, String request, int items) {
    }

    /** A fact the snapshot leaves absent, and why ("GET ... returned 403 ..."); subject null: for everyone. */
    public record Absent(String fact, String subject, String reason) {
    }

    /** What an import read and what it leaves absent; {@code snapshot} is the folder written (null for {@link #read}). */
    public record Result(List<Source> read, List<Absent> absent, List<String> warnings, Path snapshot, Map<String, Integer> counts) {
    }

    private Importer() {
    }

    /**
     * How to read what content alone cannot tell: {@code inventoryColumns} maps the fields of the plain CSV client
     * inventory to its columns ({@code user=Owner,app=Product,...}; null: the default names user, app, platform,
     * channel, version, edition).
     */
    public record Options(String inventoryColumns) {
        public static final Options DEFAULT = new Options(null);
    }

    /** Reads and checks an exports folder; writes nothing. Bad input: {@link InputException} (path and pointer). */
    public static Result read(Path exportsDir) throws InputException, IOException {
        return run(exportsDir, null, false, Options.DEFAULT);
    }

    public static Result read(Path exportsDir, Options options) throws InputException, IOException {
        return run(exportsDir, null, false, options);
    }

    /**
     * Imports {@code exportsDir} into the snapshot folder {@code outDir}: written into a temporary folder beside it
     * and moved into place whole; an existing non-empty {@code outDir} is refused unless {@code force}.
     */
    public static Result importExports(Path exportsDir, Path outDir, boolean force) throws InputException, IOException {
        return run(exportsDir, outDir, force, Options.DEFAULT);
    }

    public static Result importExports(Path exportsDir, Path outDir, boolean force, Options options) throws InputException, IOException {
        return run(exportsDir, outDir, force, options);
    }

    private static Result run(Path exportsDir, Path outDir, boolean force, Options options) throws InputException, IOException {
        ClientInventory.Columns inventory;
        try {
            inventory = options.inventoryColumns() == null ? ClientInventory.Columns.DEFAULT : ClientInventory.Columns.parse(options.inventoryColumns());
        } catch (IllegalArgumentException e) {
            throw new InputException(new Problem(new Location("--inventory-columns", 0, 0), e.getMessage()));
        }
        Path root = exportsDir.toAbsolutePath().normalize();
        String rootName = SnapshotLoader.display(exportsDir);
        if (!Files.isDirectory(root)) {
            throw new InputException(new Problem(new Location(rootName, 0, 0), "not a folder of exports"));
        }
        if (outDir != null) checkOut(root, outDir.toAbsolutePath().normalize(), force, rootName);
        List<Problem> problems = new ArrayList<>();
        List<ExportFile> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                String lower = rel.toLowerCase(Locale.ROOT);
                if (hidden(rel) || !(lower.endsWith(".json") || lower.endsWith(".csv"))) continue;
                ExportFile f = new ExportFile(p, rel, SnapshotLoader.display(p));
                int before = problems.size();
                Sniffer.sniff(f, problems);
                if (problems.size() > before) continue; // malformed, reported
                if (!Recognizer.recognise(f, inventory)) {
                    problems.add(new Problem(f.at(), "unknown shape: not an export Preflight reads (" + describe(f)
                            + "); see docs/collecting.md for the sources and their shapes"));
                    continue;
                }
                files.add(f);
            }
        }
        if (files.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(new Location(rootName, 0, 0), "no export files (*.json, *.csv) in this folder"));
        }
        checkTenant(files, problems);
        List<ExportFile> ordered = order(files, problems);
        if (!problems.isEmpty()) throw new InputException(problems);

        Facts facts = new Facts();
        Readers readers = new Readers(facts, problems, inventory);
        List<Source> read = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (ExportFile f : ordered) {
            if (f.kind == Kind.COLLECT_MANIFEST) {
                if (!f.manifest.path("complete").asBoolean(true)) {
                    List<String> failed = new ArrayList<>();
                    for (var call : f.manifest.path("calls")) {
                        if (call.path("status").asInt(200) >= 400 || call.path("status").isMissingNode()) {
                            failed.add(call.path("request").asText("?") + " (" + call.path("status").asText("no status") + ")");
                        }
                    }
                    warnings.add(f.rel + ": the collection is not complete (\"complete\": false): what it missed is absent"
                            + (failed.isEmpty() ? "" : "; calls that did not succeed: " + String.join(", ", failed)));
                }
                read.add(new Source(f.rel, f.kind.label, null, 0));
                continue;
            }
            if (f.failed()) {
                failure(f, facts);
                read.add(new Source(f.rel, f.kind.label, f.request, 0));
                continue;
            }
            readers.start(f);
            int[] n = {0};
            if (!readers.skipItems(f)) {
                Items.each(f, (item, origin, at) -> {
                    n[0]++;
                    readers.item(f, item, origin, at);
                }, problems);
            }
            read.add(new Source(f.rel, f.kind.label, f.request, n[0]));
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        Assembled snapshot = Assembler.assemble(facts);
        warnings.addAll(facts.warnings);
        List<Absent> absent = new ArrayList<>();
        for (Facts.GapRec g : snapshot.gaps()) absent.add(new Absent(g.fact(), g.subject(), g.reason()));
        Path written = null;
        if (outDir != null) {
            written = outDir.toAbsolutePath().normalize();
            SnapshotWriter.writeInto(snapshot, written, force);
        }
        return new Result(List.copyOf(read), List.copyOf(absent), List.copyOf(warnings), written, snapshot.counts());
    }

    private static boolean hidden(String rel) {
        for (String part : rel.split("/")) if (part.startsWith(".")) return true;
        return false;
    }

    private static String describe(ExportFile f) {
        if (f.shape == ExportFile.Shape.CSV) return "CSV columns " + String.join(", ", f.csvHeader);
        StringBuilder b = new StringBuilder();
        if (f.context != null) b.append("@odata.context ").append(f.context).append("; ");
        if (f.request != null) b.append("request ").append(f.request).append("; ");
        if (f.empty) b.append("an empty list without @odata.context");
        else b.append("properties ").append(String.join(", ", f.keys.stream().limit(12).toList()));
        return b.toString();
    }

    private static void checkOut(Path root, Path out, boolean force, String rootName) throws InputException, IOException {
        if (out.startsWith(root) || root.startsWith(out)) {
            throw new InputException(new Problem(new Location(SnapshotLoader.display(out), 0, 0),
                    "the snapshot folder must be outside the exports folder " + rootName + " (and not contain it)"));
        }
        if (Files.exists(out) && !force) {
            boolean empty;
            if (!Files.isDirectory(out)) empty = false;
            else try (Stream<Path> s = Files.list(out)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty) {
                throw new InputException(new Problem(new Location(SnapshotLoader.display(out), 0, 0),
                        "exists and is not empty: not overwritten (use --force to replace it)"));
            }
        }
    }

    /** Files naming two tenants are refused (envelope tenant, collect manifest, /organization ids are compared). */
    private static void checkTenant(List<ExportFile> files, List<Problem> problems) {
        Map<String, ExportFile> seen = new LinkedHashMap<>();
        for (ExportFile f : files) {
            String t = f.tenant;
            if (t == null && f.manifest != null) t = f.manifest.path("tenant").asText(null);
            if (t == null || t.isBlank()) continue;
            seen.putIfAbsent(t.toLowerCase(Locale.ROOT), f);
        }
        if (seen.size() > 1) {
            var it = seen.entrySet().iterator();
            var a = it.next();
            var b = it.next();
            problems.add(new Problem(b.getValue().at(), "tenant '" + b.getKey() + "' here, but '" + a.getKey() + "' in "
                    + a.getValue().rel + ": an exports folder holds one tenant (tenant id and domain names are not matched; "
                    + "write the same tenant value in every envelope)"));
        }
    }

    /**
     * The files in reading order, each listing's pages in chain order; a page whose {@code @odata.nextLink} has no
     * following page is a "truncated" input error. Envelopes chain by request = previous nextLink; bare pages of one
     * listing sit in one folder, in file-name order, sharing the {@code @odata.context}.
     */
    private static List<ExportFile> order(List<ExportFile> files, List<Problem> problems) {
        Map<String, ExportFile> byRequest = new HashMap<>();
        Set<String> targets = new HashSet<>();
        for (ExportFile f : files) {
            if (f.envelope && f.request != null) byRequest.putIfAbsent(url(f.request), f);
            if (f.envelope && f.nextLink != null) targets.add(url(f.nextLink));
        }
        List<ExportFile> out = new ArrayList<>();
        Set<ExportFile> placed = new HashSet<>();
        Map<String, List<ExportFile>> bare = new LinkedHashMap<>();
        for (ExportFile f : files) {
            if (f.envelope) {
                if (f.request != null && targets.contains(url(f.request))) continue; // not a chain head
                ExportFile page = f;
                while (page != null && placed.add(page)) {
                    out.add(page);
                    if (page.nextLink == null) break;
                    ExportFile next = byRequest.get(url(page.nextLink));
                    if (next == null) {
                        problems.add(new Problem(page.nextLinkAt, "truncated: /response/@odata.nextLink names a page that is not in the "
                                + "exports folder (" + page.nextLink + "); export the listing to its last page"));
                    }
                    page = next;
                }
            } else if (f.context != null && (f.shape == ExportFile.Shape.LIST)) {
                String folder = f.rel.contains("/") ? f.rel.substring(0, f.rel.lastIndexOf('/')) : "";
                bare.computeIfAbsent(folder + "\n" + f.context, k -> new ArrayList<>()).add(f);
                out.add(f);
                placed.add(f);
            } else {
                out.add(f);
                placed.add(f);
            }
        }
        for (ExportFile f : files) {
            if (!placed.contains(f)) {
                // a page some nextLink names whose chain has no head: part of a cycle
                problems.add(new Problem(f.at(), "page of a listing whose first page is missing or whose @odata.nextLink chain loops"));
            }
        }
        for (List<ExportFile> pages : bare.values()) {
            ExportFile last = pages.get(pages.size() - 1);
            if (last.nextLink != null) {
                problems.add(new Problem(last.nextLinkAt, "truncated: /@odata.nextLink names a following page, but this is the last page "
                        + "of the listing in its folder (" + last.nextLink + "); export the listing to its last page"));
            }
        }
        out.sort(Comparator.comparingInt((ExportFile f) -> f.kind.ordinal())); // stable: chains keep their order
        return out;
    }

    private static String url(String request) {
        String r = request.trim();
        int sp = r.indexOf(' ');
        if (sp > 0 && !r.startsWith("http")) r = r.substring(sp + 1).trim();
        return r;
    }

    /** A failed or forbidden call: the facts it would have given are absent, with the reason. */
    private static void failure(ExportFile f, Facts facts) {
        Origin o = new Origin(f.rel, "/status", 0);
        if (f.kind == Kind.MAILBOX_SETTINGS && f.status == 404 && "MailboxNotEnabledForRESTAPI".equalsIgnoreCase(f.errorCode())) {
            if (f.owner != null) {
                facts.mailboxSettings.put(f.owner, false); // a fact: the mailbox is not in Exchange Online
                facts.mailboxSettingsOrigin.put(f.owner.toLowerCase(Locale.ROOT), new Origin(f.rel, "/response/error", 0));
            }
            return;
        }
        String subject = switch (f.kind) {
            case GROUP_MEMBERS, MAILBOX_SETTINGS -> f.owner;
            default -> null;
        };
        if (f.kind == Kind.GROUP_MEMBERS && f.owner != null) facts.membersFailed.put(f.owner, f.failure());
        if (f.kind == Kind.ROLE_MEMBERS || f.kind == Kind.DIRECTORY_ROLES || f.kind == Kind.ROLE_INSTANCES || f.kind == Kind.ROLE_ASSIGNMENTS) {
            facts.rolesFailed = f.failure();
        }
        if (f.kind == Kind.ORGANIZATION) {
            facts.gaps.add(new Facts.GapRec("tenant", null, f.failure(), o));
            return;
        }
        if (f.kind == Kind.SKUS) {
            facts.gaps.add(new Facts.GapRec("tenant.exchangeOnline", null, f.failure(), o));
            facts.gaps.add(new Facts.GapRec("skus", null, f.failure(), o));
            return;
        }
        if (f.kind == Kind.USERS) facts.usersFailed = f.failure();
        if (f.kind == Kind.GROUPS) facts.groupsFailed = f.failure();
        if (f.kind.fact != null) facts.gaps.add(new Facts.GapRec(f.kind.fact, subject, f.failure(), o));
    }
}
