package dev.preflight.snapshot;

import dev.preflight.model.IntegrityIssue;
import dev.preflight.model.Location;
import dev.preflight.model.Snapshot;
import dev.preflight.model.SnapshotFile;

import dev.preflight.render.Text;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads a snapshot from one YAML file or a folder of them (merged, in path order). Reports every problem it
 * finds, each as {@code file:line:col: message}, before anything is checked.
 */
public final class SnapshotLoader {

    public static final int SUPPORTED_SCHEMA_VERSION = 1;

    private final YamlReader yaml;
    private final SchemaCheck schema;
    private final long maxBytes;
    private final boolean followLinks;

    public SnapshotLoader() {
        this(YamlReader.DEFAULT_MAX_BYTES);
    }

    public SnapshotLoader(int maxBytes) {
        this(maxBytes, false);
    }

    /** With {@code followLinks}, symbolic links in a snapshot folder are followed wherever they lead. */
    public SnapshotLoader(int maxBytes, boolean followLinks) {
        this.yaml = new YamlReader(maxBytes);
        this.schema = SchemaCheck.shared();
        this.maxBytes = maxBytes;
        this.followLinks = followLinks;
    }

    /**
     * A parsed file waiting to be bound; {@code streamed} holds what was checked and bound of it while it was read
     * (null when the file was read as a whole tree).
     */
    public record Document(String name, String sha256, YNode root, List<Secrets.Found> secrets, Streamed streamed) {
        public Document(String name, String sha256, YNode root, List<Secrets.Found> secrets) {
            this(name, sha256, root, secrets, null);
        }
    }

    /**
     * The items of a file's largest sections ({@link Binder#ITEM_SECTIONS}), checked against the schema and bound
     * one at a time as the reader hands them over, on the thread that reads the file, so that no tree of the whole
     * section is kept. What they bind waits here (with its references and problems) until the file's turn comes to be
     * bound, in path order; a file with a problem anywhere is never bound, as before.
     */
    public static final class Streamed implements YamlReader.Items {
        private final SchemaCheck schema;
        final List<Problem> itemProblems = new ArrayList<>();
        final List<Problem> bindProblems = new ArrayList<>();
        final List<Binder.Reference> references = new ArrayList<>();
        final SnapshotParts parts = new SnapshotParts();
        private final Binder binder = new Binder(bindProblems, references, parts);

        Streamed(SchemaCheck schema) {
            this.schema = schema;
        }

        @Override
        public boolean streams(String section) {
            return Binder.ITEM_SECTIONS.contains(section);
        }

        @Override
        public void item(String section, int index, YNode item) {
            List<Problem> found = schema.item(section, index, item);
            if (!found.isEmpty()) itemProblems.addAll(found);
            else if (itemProblems.isEmpty()) binder.item(section, item); // the file is not bound once it has a problem
        }
    }

    /**
     * Loads {@code path}, a file or a folder: each file is read, parsed and checked (the files of a large folder on
     * several threads, a few ahead of the binding), then bound in path order, then references resolved. Problems come
     * in file order, the same as one file after the other.
     */
    public Snapshot load(Path path) throws InputException {
        List<Path> files = files(path);
        List<Problem> problems = new ArrayList<>();
        Binding binding = new Binding();
        int threads = threads(files);
        if (threads <= 1) {
            for (Path f : files) bindNext(parse(f), problems, binding);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "preflight-parse");
                t.setDaemon(true);
                return t;
            });
            try {
                // At most `threads` trees alive: the one being bound and the ones being parsed meanwhile (each tree of
                // a large file is a good part of the heap).
                Deque<Future<Parsed>> ahead = new ArrayDeque<>();
                int next = 0;
                while (next < files.size() || !ahead.isEmpty()) {
                    while (next < files.size() && ahead.size() < threads) {
                        Path f = files.get(next++);
                        ahead.add(pool.submit(() -> parse(f)));
                    }
                    bindNext(take(ahead.poll()), problems, binding);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        return binding.finish();
    }

    /** Below this many bytes in a folder, its files are read on the calling thread (a pool would cost more than it saves). */
    static final long PARALLEL_BYTES = 4L << 20;

    private int parseThreads = 0;
    private long parallelBytes = PARALLEL_BYTES;
    private boolean streaming = true;

    /** For tests: without streaming, every file is read as a whole tree, then checked and bound (as before it was). */
    SnapshotLoader streaming(boolean on) {
        this.streaming = on;
        return this;
    }

    /** For tests: {@code threads} parse threads (0: the cores) once a folder holds {@code minBytes}. */
    SnapshotLoader parallel(int threads, long minBytes) {
        this.parseThreads = threads;
        this.parallelBytes = minBytes;
        return this;
    }

    /**
     * The parse threads for {@code files}: the cores (or {@code -Dpreflight.parseThreads=N}), at most one per file,
     * one for a small snapshot.
     */
    private int threads(List<Path> files) {
        int cores = parseThreads > 0 ? parseThreads
                : Integer.getInteger("preflight.parseThreads", Runtime.getRuntime().availableProcessors());
        if (files.size() < 2 || cores < 2) return 1;
        long bytes = 0;
        for (Path f : files) {
            try {
                bytes += Files.size(f);
            } catch (IOException e) {
                // reported when the file is read
            }
        }
        return bytes < parallelBytes ? 1 : Math.min(cores, files.size());
    }

    /** One file read, parsed and checked: its document, or the problems that keep it from being bound. */
    private record Parsed(Document doc, List<Problem> problems) {
    }

    private Parsed parse(Path f) {
        String name = display(f);
        try {
            if (!streaming) {
                byte[] bytes = readBytes(f, name);
                String text = decodeUtf8(bytes, name);
                Secrets.Result clean = yaml.readRedacted(new StringReader(text), name);
                Document doc = new Document(name, sha256(bytes), clean.root(), clean.found());
                return new Parsed(doc, validate(doc));
            }
            // Neither the file's bytes nor its text are held whole (at 100k users each file is 13 MB, kept alive for
            // as long as it is parsed): one pass checks the bytes, the second reads them as characters and hashes
            // them, so the SHA-256 is that of the bytes parsed.
            long size = check(f, name);
            Streamed streamed = new Streamed(schema);
            Secrets.Result clean;
            MessageDigest sha = sha256();
            try (Reader r = utf8(f, size, sha)) {
                clean = yaml.readRedacted(r, name, streamed);
            } catch (IOException e) {
                throw unreadable(new Location(name, 0, 0), e);
            }
            Document doc = new Document(name, HexFormat.of().formatHex(sha.digest()), clean.root(), clean.found(), streamed);
            return new Parsed(doc, validate(doc));
        } catch (InputException e) {
            return new Parsed(null, e.problems());
        }
    }

    /**
     * What {@link #readBytes} and {@link #decodeUtf8} check, with the same problems, in one pass over the file that
     * keeps only a buffer: a regular file within the limit, no NUL byte (reported first, wherever it is), UTF-8.
     * Returns its size.
     */
    private long check(Path f, String name) throws InputException {
        Location at = new Location(name, 0, 0);
        try {
            requireRegularFile(f, at);
            long size = Files.size(f);
            String raise = " (raise it with --max-snapshot-bytes)";
            if (size > maxBytes) throw overLimit(at, size, maxBytes, raise);
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.allocate(64 * 1024);
            java.nio.CharBuffer out = java.nio.CharBuffer.allocate(64 * 1024);
            long total = 0;
            long nul = -1;
            long bad = -1;
            int badByte = 0;
            try (InputStream s = Files.newInputStream(f)) {
                while (true) {
                    int n = s.read(in.array(), in.position(), in.remaining());
                    boolean end = n < 0;
                    if (!end) {
                        byte[] a = in.array();
                        for (int i = in.position(), e = i + n; i < e && nul < 0; i++) if (a[i] == 0) nul = total + (i - in.position());
                        total += n;
                        if (total > maxBytes) throw overLimit(at, -1, maxBytes, raise);
                        in.position(in.position() + n);
                    }
                    if (bad < 0) {
                        long base = total - in.position(); // the offset of the buffer's first byte
                        in.flip();
                        java.nio.charset.CoderResult r;
                        do {
                            out.clear();
                            r = decoder.decode(in, out, end);
                        } while (r.isOverflow());
                        if (r.isError()) {
                            bad = base + in.position();
                            badByte = in.get(in.position()) & 0xff;
                        }
                        in.compact();
                        if (bad >= 0) in.clear();
                    } else {
                        in.clear();
                    }
                    if (end) break;
                }
                if (bad < 0) {
                    out.clear();
                    decoder.flush(out);
                }
            }
            if (nul >= 0) throw binary(position(f, nul, name));
            if (bad >= 0) throw notUtf8(position(f, bad, name), badByte, bad);
            return total;
        } catch (IOException e) {
            throw unreadable(at, e);
        }
    }

    /** Where byte {@code offset} of the file is (read again up to there: only for a problem). */
    private static Location position(Path f, long offset, String name) throws IOException {
        try (InputStream s = Files.newInputStream(f)) {
            return position(s.readNBytes((int) Math.min(offset, Integer.MAX_VALUE - 8)), (int) offset, name);
        }
    }

    /**
     * The first {@code bytes} bytes of the file (as many as were checked) as characters, strictly UTF-8, a byte order
     * mark dropped, each byte read added to {@code sha}: bytes changed since the check into something that is not
     * UTF-8 fail the read rather than being decoded loosely.
     */
    private static Reader utf8(Path f, long bytes, MessageDigest sha) throws IOException {
        InputStream s = new java.io.BufferedInputStream(Files.newInputStream(f), 64 * 1024) {
            private long left = bytes;

            @Override
            public synchronized int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) return -1;
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                    sha.update(b, off, n);
                }
                return n;
            }

            @Override
            public synchronized int read() throws IOException {
                if (left <= 0) return -1;
                int c = super.read();
                if (c >= 0) {
                    left--;
                    sha.update((byte) c);
                }
                return c;
            }

            /** Closed by the parser at the end of the document: what it did not read is hashed too. */
            @Override
            public void close() throws IOException {
                byte[] b = new byte[8192];
                while (read(b, 0, b.length) > 0) {
                    // hashed by read
                }
                super.close();
            }
        };
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        java.io.PushbackReader r = new java.io.PushbackReader(new java.io.InputStreamReader(s, decoder), 1);
        int first = r.read();
        if (first >= 0 && first != '\uFEFF') r.unread(first);
        return r;
    }

    private static void bindNext(Parsed p, List<Problem> problems, Binding binding) {
        problems.addAll(p.problems());
        if (p.problems().isEmpty() && problems.isEmpty()) binding.add(p.doc());
    }

    private static Parsed take(Future<Parsed> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the snapshot", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Loads a snapshot from an already parsed tree (e.g. one embedded in a test fixture). */
    public Snapshot load(YNode root, String name) throws InputException {
        Secrets.Result clean = Secrets.redact(root);
        Document doc = new Document(name, "", clean.root(), clean.found());
        List<Problem> problems = validate(doc);
        if (!problems.isEmpty()) throw new InputException(problems);
        Binding binding = new Binding();
        binding.add(doc);
        return binding.finish();
    }

    /** Validates one parsed document: its schema version first, then the schema. */
    public List<Problem> validate(Document doc) {
        YNode root = doc.root();
        Location top = new Location(doc.name(), 1, 1);
        if (root == null) return List.of(new Problem(top, "empty file: a snapshot file needs at least 'schemaVersion: 1'"));
        if (!(root instanceof YNode.YMap map)) {
            return List.of(new Problem(root.location(), "a snapshot file must be a mapping with 'schemaVersion: 1' and sections"));
        }
        YNode v = map.get("schemaVersion");
        if (v == null) return List.of(new Problem(root.location(), "missing required key 'schemaVersion' (this Preflight reads schemaVersion: 1)"));
        if (v instanceof YNode.YScalar s && s.value() instanceof Number n && n.intValue() != SUPPORTED_SCHEMA_VERSION
                && n.doubleValue() == n.intValue()) {
            String why = n.intValue() > SUPPORTED_SCHEMA_VERSION
                    ? "is newer than this Preflight supports (1); upgrade Preflight"
                    : "is not supported (this Preflight reads 1)";
            return List.of(new Problem(v.location(), "schemaVersion " + n.intValue() + " " + why));
        }
        return schema.check(root, doc.streamed() == null ? List.of() : doc.streamed().itemProblems);
    }

    /** Binds documents one at a time (so a document's tree can go as soon as it is bound), then resolves. */
    private static final class Binding {
        final List<Problem> problems = new ArrayList<>();
        final List<Binder.Reference> references = new ArrayList<>();
        final SnapshotParts parts = new SnapshotParts();
        final Binder binder = new Binder(problems, references, parts);
        final List<SnapshotFile> files = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        Location root;

        void add(Document d) {
            if (root == null) root = new Location(d.name(), 1, 1);
            Streamed st = d.streamed();
            if (st != null) {
                // Before the rest of the file, as bind() of the whole tree would: its users and groups come before
                // every other list section, and the sections before them (snapshot, tenant, skus) refer to nothing.
                parts.users.addAll(st.parts.users);
                parts.groups.addAll(st.parts.groups);
                references.addAll(st.references);
                problems.addAll(st.bindProblems);
            }
            binder.bind((YNode.YMap) d.root());
            files.add(new SnapshotFile(d.name(), d.sha256()));
            for (Secrets.Found f : d.secrets()) warnings.add(f.toString());
        }

        Snapshot finish() throws InputException {
            if (!problems.isEmpty()) {
                problems.sort(null);
                throw new InputException(problems);
            }
            List<IntegrityIssue> issues = new ArrayList<>(parts.contradictions);
            new Resolver(parts).resolve(parts, references, issues);
            return parts.build(files, root == null ? Location.UNKNOWN : root, issues, warnings);
        }
    }

    /**
     * The YAML files of {@code path}: itself, or every *.yaml / *.yml below it, sorted by path. Only regular files
     * are snapshot files: a device, pipe or socket (e.g. {@code /dev/zero}, a FIFO named {@code x.yaml}) is an input
     * error, never read. Inside a folder, a symbolic link is followed only when it resolves within the folder
     * (unless {@code followLinks}); a link that leads outside is an input error naming the link, and nothing
     * behind it is read.
     */
    List<Path> files(Path path) throws InputException {
        String name = display(path);
        Location at = new Location(name, 0, 0);
        if (!Files.exists(path)) throw new InputException(new Problem(at, "no such file or folder"));
        if (!Files.isDirectory(path)) {
            if (!Files.isRegularFile(path)) throw new InputException(new Problem(at, NOT_REGULAR));
            return List.of(path);
        }
        List<Path> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try {
            Path root = path.toRealPath();
            Set<Path> visited = new HashSet<>();
            visited.add(root);
            walk(path, root, visited, out, problems);
        } catch (IOException | SecurityException e) {
            throw new InputException(new Problem(at, "cannot list folder: " + Text.oneLine(e.getMessage())));
        }
        if (!problems.isEmpty()) throw new InputException(problems);
        if (out.isEmpty()) throw new InputException(new Problem(at, "folder has no snapshot files (*.yaml or *.yml)"));
        out.sort(null);
        return out;
    }

    static final String NOT_REGULAR = "not a regular file (a device, pipe or socket): a snapshot is a YAML file or a folder of them";

    private void walk(Path dir, Path root, Set<Path> visited, List<Path> out, List<Problem> problems) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) entries.add(p);
        }
        entries.sort(null);
        for (Path p : entries) {
            Location at = new Location(display(p), 0, 0);
            BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Path real = p;
            if (attrs.isSymbolicLink()) {
                try {
                    real = p.toRealPath();
                } catch (NoSuchFileException e) {
                    if (isYaml(p)) problems.add(new Problem(at, "symbolic link to a file that does not exist"));
                    continue;
                } catch (FileSystemException e) {
                    problems.add(new Problem(at, "symbolic link that cannot be followed (a loop?)"));
                    continue;
                }
                attrs = Files.readAttributes(real, BasicFileAttributes.class);
                if (!real.startsWith(root) && !followLinks && (attrs.isDirectory() || isYaml(p))) {
                    problems.add(new Problem(at, "symbolic link to a place outside the snapshot folder; not followed"
                            + " (copy the file in, or pass --follow-links)"));
                    continue;
                }
            }
            if (attrs.isDirectory()) {
                Path key = real != p ? real : p.toRealPath();
                if (dir.toRealPath().startsWith(key)) {
                    problems.add(new Problem(at, "symbolic link loop in the snapshot folder"));
                } else if (visited.add(key)) {
                    walk(p, root, visited, out, problems);
                } // else: a second way to a folder already read; read once
            } else if (isYaml(p)) {
                if (!attrs.isRegularFile()) problems.add(new Problem(at, NOT_REGULAR));
                else if (visited.add(real != p ? real : p.toRealPath())) out.add(p);
            }
        }
    }

    // ---- the problems of reading a file, worded once for both ways of reading it --------------------------------

    /** A special file or a folder where a file should be, or nothing there. */
    private static void requireRegularFile(Path f, Location at) throws IOException, InputException {
        if (Files.isRegularFile(f)) return;
        if (!Files.exists(f)) throw new NoSuchFileException(f.toString());
        throw new InputException(new Problem(at, Files.isDirectory(f) ? "is a folder, not a file" : NOT_REGULAR));
    }

    private static InputException overLimit(Location at, long size, long limit, String raise) {
        return new InputException(new Problem(at, size < 0
                ? "file is over the limit of " + limit + " bytes" + raise
                : "file is " + size + " bytes, over the limit of " + limit + raise));
    }

    private static InputException binary(Location at) {
        return new InputException(new Problem(at, "binary file (NUL byte), not a YAML snapshot"));
    }

    private static InputException notUtf8(Location at, int b, long offset) {
        return new InputException(new Problem(at, String.format("not UTF-8: byte 0x%02X at offset %d; save the file as UTF-8", b, offset)));
    }

    /** What reading a snapshot file failed with, as a problem of that file. */
    private static InputException unreadable(Location at, IOException e) {
        if (e instanceof AccessDeniedException) return new InputException(new Problem(at, "cannot read file: permission denied"));
        if (e instanceof NoSuchFileException) return new InputException(new Problem(at, "no such file"));
        return new InputException(new Problem(at, "cannot read file: " + Text.oneLine(e.getMessage())));
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.startsWith(".");
    }

    private byte[] readBytes(Path f, String name) throws InputException {
        Location at = new Location(name, 0, 0);
        try {
            return readRegularFile(f, maxBytes, name, " (raise it with --max-snapshot-bytes)");
        } catch (IOException e) {
            throw unreadable(at, e);
        }
    }

    /**
     * The bytes of a regular file, at most {@code limit} of them: a special file (a device such as {@code /dev/zero},
     * a pipe) is refused before it is opened, and a file that grows while it is read stops at the limit.
     */
    public static byte[] readRegularFile(Path f, long limit, String name, String raise) throws IOException, InputException {
        Location at = new Location(name, 0, 0);
        requireRegularFile(f, at);
        long size = Files.size(f);
        if (size > limit) throw overLimit(at, size, limit, raise);
        try (InputStream in = Files.newInputStream(f)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) throw overLimit(at, -1, limit, raise);
            return bytes;
        }
    }

    public static String decodeUtf8(byte[] bytes, String name) throws InputException {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw binary(position(bytes, i, name));
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            String text = decoder.decode(in).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            int bad = in.position();
            throw notUtf8(position(bytes, bad, name), bytes[Math.min(bad, bytes.length - 1)] & 0xff, bad);
        }
    }

    private static Location position(byte[] bytes, int offset, String name) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                col = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                col++;
            }
        }
        return new Location(name, line, col);
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How a path is shown in messages and reports: relative to the working directory when below it. */
    public static String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        String s = abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : p.normalize().toString();
        return s.replace('\\', '/');
    }
}
