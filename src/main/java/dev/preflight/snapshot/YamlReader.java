package dev.preflight.snapshot;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.preflight.model.Location;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.ParserImpl;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one YAML document into a {@link YNode} tree that keeps the line and column of every node.
 * Refuses what a snapshot never needs and an attacker would use: aliases, deep nesting, oversized documents,
 * duplicate keys, and a second document in the same file ({@code ---}), which would otherwise be dropped unread.
 * The characters come through a {@link WindowReader}, so reading costs time linear in the input.
 */
public final class YamlReader {

    /** Default size cap: well above a 300k-user snapshot. */
    public static final int DEFAULT_MAX_BYTES = 512 * 1024 * 1024;
    static final int MAX_DEPTH = 64;

    private final YAMLFactory factory;

    public YamlReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public YamlReader(int maxCodePoints) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(maxCodePoints);
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(MAX_DEPTH * 4);
        options.setAllowDuplicateKeys(true); // detected here, with both locations
        factory = new Factory(YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH * 4)
                        .maxStringLength(maxCodePoints)
                        .maxDocumentLength(maxCodePoints)
                        .build()));
    }

    /** Jackson's YAML factory with this reader's character source and its one-document rule. */
    private static final class Factory extends YAMLFactory {
        private static final long serialVersionUID = 1L;

        Factory(YAMLFactoryBuilder b) {
            super(b);
        }

        @Override
        protected YAMLParser _createParser(Reader r, IOContext ctxt) {
            return new Parser(ctxt, _parserFeatures, _yamlParserFeatures, _objectCodec, r, new WindowReader(r), _loaderOptions);
        }
    }

    private static final class Parser extends YAMLParser {
        final WindowReader source;

        /** The line of the current token, as {@link #currentTokenLocation()} gives it, without making a location. */
        int tokenLine() {
            Mark m = _lastEvent == null ? null : _lastEvent.getStartMark();
            return m == null ? -1 : m.getLine() + 1;
        }

        /** The column of the current token, as {@link #currentTokenLocation()} gives it. */
        int tokenColumn() {
            Mark m = _lastEvent == null ? null : _lastEvent.getStartMark();
            return m == null ? -1 : m.getColumn() + 1;
        }

        Parser(IOContext ctxt, int features, int yamlFeatures, com.fasterxml.jackson.core.ObjectCodec codec, Reader r,
               WindowReader source, LoaderOptions options) {
            super(ctxt, features, yamlFeatures, codec, r, new OneDocument(source, options));
            this.source = source;
        }
    }

    /** The YAML event stream, refusing a second document at its start ({@code ---}). */
    private static final class OneDocument extends ParserImpl {
        private int documents;

        OneDocument(WindowReader reader, LoaderOptions options) {
            super(reader, options);
        }

        @Override
        public Event getEvent() {
            Event e = super.getEvent();
            if (e instanceof DocumentStartEvent && ++documents > 1) {
                throw new WindowReader.Refused("a second YAML document starts here; a snapshot file holds one document"
                        + " (put each part in its own file of a snapshot folder)", e.getStartMark());
            }
            return e;
        }
    }

    /**
     * Parses {@code reader}; {@code file} names it in locations. Returns null for an empty document.
     *
     * @throws InputException on a syntax error, an alias, or too deep a nesting
     */
    public YNode read(Reader reader, String file) throws InputException {
        return read(reader, file, new long[1]);
    }

    /**
     * Like {@link #read(Reader, String)}, with credential-like keys and values redacted as they are read (what
     * {@link Secrets#redact} does to a tree, in the same order, without a second walk over it).
     */
    public Secrets.Result readRedacted(Reader reader, String file) throws InputException {
        return readRedacted(reader, file, null);
    }

    /**
     * Receives the items of the top-level list sections it {@linkplain #streams streams}, one at a time as each is
     * read, instead of the tree holding them: the tree keeps that section as an empty list at the section's place,
     * and an item's own tree can go as soon as it is handed over. (The largest sections of a 100k-user snapshot,
     * kept whole until the file ends, are a good part of the heap and of the collector's work.) Items come in file
     * order, redacted like the rest, and nesting is counted as in the tree.
     */
    public interface Items {
        boolean streams(String section);

        void item(String section, int index, YNode item);
    }

    /** Like {@link #readRedacted(Reader, String)}, with the items of the sections {@code items} streams handed to it. */
    public Secrets.Result readRedacted(Reader reader, String file, Items items) throws InputException {
        List<Secrets.Found> found = new ArrayList<>();
        YNode root = read(reader, file, new long[1], found, items);
        return new Secrets.Result(root, List.copyOf(found));
    }

    /** Like {@link #read(Reader, String)}; {@code copied[0]} gets the characters the buffer copied (linear, not quadratic). */
    YNode read(Reader reader, String file, long[] copied) throws InputException {
        return read(reader, file, copied, null, null);
    }

    /** Reads; with {@code secrets}, redacts what looks like a credential and lists it there. */
    private YNode read(Reader reader, String file, long[] copied, List<Secrets.Found> secrets, Items items) throws InputException {
        try (JsonParser p = factory.createParser(reader)) {
            copied[0] = 0;
            JsonToken t = p.nextToken();
            if (t == null) return null;
            List<Problem> duplicates = new ArrayList<>();
            YNode root = readValue((Parser) p, file, 0, duplicates, secrets, new String[2 * CANON_SLOTS], items);
            if (!duplicates.isEmpty()) throw new InputException(duplicates);
            p.nextToken(); // the end of the stream, or a second document, refused
            copied[0] = ((Parser) p).source.copied();
            return root;
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof WindowReader.Refused r) {
                Mark mark = r.getProblemMark();
                throw new InputException(new Problem(new Location(file, mark.getLine() + 1, mark.getColumn() + 1), r.getProblem()));
            }
            if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                Mark mark = m.getProblemMark();
                String what = m.getProblem() == null ? "invalid YAML" : m.getProblem();
                Mark started = m.getContextMark();
                String context = m.getContext() == null ? "" : " (" + m.getContext()
                        + (started != null && started.getLine() != mark.getLine()
                        ? " that starts at line " + (started.getLine() + 1) + ", column " + (started.getColumn() + 1) : "") + ")";
                throw new InputException(new Problem(new Location(file, mark.getLine() + 1, mark.getColumn() + 1),
                        "invalid YAML: " + what.replace("\\t(TAB)", "tab") + context));
            }
            throw new InputException(new Problem(location(file, e.getLocation()), cleanMessage(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InputException(new Problem(new Location(file, 0, 0), "cannot read: " + e.getMessage()));
        }
    }

    /** The tokens of {@code reader}, read and dropped (what the YAML parser alone costs, for the measure). */
    long tokens(Reader reader) throws IOException {
        long n = 0;
        try (JsonParser p = factory.createParser(reader)) {
            while (p.nextToken() != null) n++;
        }
        return n;
    }

    /** Slots of the cache that makes repeated keys and short values one String each (a power of two), per kind. */
    private static final int CANON_SLOTS = 1 << 12;

    /**
     * {@code s}, or an equal String already seen: a snapshot repeats its keys and most of its values ("enabled",
     * "windows", a build number) on every entity, and one copy each keeps the tree, and the model made from it,
     * smaller. A fixed number of slots, the last one seen per slot: values seen once (ids) only pass through. The
     * first {@link #CANON_SLOTS} slots hold keys.
     */
    private static String canon(String s, String[] canon) {
        if (s.length() > 64) return s;
        int slot = s.hashCode() & (CANON_SLOTS - 1);
        String c = canon[slot];
        if (s.equals(c)) return c;
        canon[slot] = s;
        return s;
    }

    /**
     * An equal value already read and found whole and, when secrets are looked for, no credential: the slots after
     * the keys' hold only such values, so a value repeated on every entity is checked once per file.
     */
    private static String checked(String s, String[] canon) {
        if (s.length() > 64) return null;
        String c = canon[CANON_SLOTS + (s.hashCode() & (CANON_SLOTS - 1))];
        return s.equals(c) ? c : null;
    }

    private static void remember(String s, String[] canon) {
        if (s.length() <= 64) canon[CANON_SLOTS + (s.hashCode() & (CANON_SLOTS - 1))] = s;
    }

    private YNode readValue(Parser p, String file, int depth, List<Problem> duplicates, List<Secrets.Found> secrets,
                            String[] canon) throws IOException, InputException {
        return readValue(p, file, depth, duplicates, secrets, canon, null);
    }

    /** Reads the value at the current token; {@code items} (the root mapping only) gets the items of its sections. */
    private YNode readValue(Parser p, String file, int depth, List<Problem> duplicates, List<Secrets.Found> secrets,
                            String[] canon, Items items) throws IOException, InputException {
        int line = Math.max(0, p.tokenLine());
        int col = Math.max(1, p.tokenColumn());
        if (depth > MAX_DEPTH) {
            throw new InputException(new Problem(new Location(file, line, col), "nesting deeper than " + MAX_DEPTH + " levels"));
        }
        if (p.isCurrentAlias()) {
            throw new InputException(new Problem(new Location(file, line, col),
                    "YAML aliases (*" + p.getText() + ") are not supported in snapshots; write the value out"));
        }
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                YNode.YMap map = new YNode.YMap(file, line, col);
                List<String> secretKeys = null; // renamed once the mapping is read: duplicates are found by the real key
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = canon(p.currentName(), canon);
                    int keyLine = p.tokenLine();
                    int keyCol = Math.max(1, p.tokenColumn());
                    wholeCharacters(key, file, keyLine, keyCol);
                    String keyKind = Secrets.kind(key);
                    if (keyKind != null && secrets != null) {
                        secrets.add(new Secrets.Found(new Location(file, keyLine, keyCol), keyKind + ", used as a key"));
                        if (secretKeys == null) secretKeys = new ArrayList<>();
                        secretKeys.add(key);
                    }
                    p.nextToken();
                    // A section given twice keeps its first value (the second is a problem, and is not streamed).
                    YNode value = items != null && p.currentToken() == JsonToken.START_ARRAY && items.streams(key) && !map.containsKey(key)
                            ? readList(p, file, depth + 1, duplicates, secrets, canon, key, items)
                            : readValue(p, file, depth + 1, duplicates, secrets, canon);
                    int earlier = map.put(key, keyLine, keyCol, value);
                    if (earlier >= 0) {
                        duplicates.add(new Problem(new Location(file, keyLine, keyCol), "duplicate key '"
                                + (keyKind == null ? key : Secrets.REDACTED)
                                + "' (first at line " + map.entry(key).keyLocation().line() + ")"));
                    }
                }
                if (secretKeys != null) {
                    for (int i = 0; i < map.size(); i++) if (secretKeys.contains(map.keyAt(i))) map.renameKey(i, Secrets.REDACTED);
                }
                map.trim();
                return map;
            }
            case START_ARRAY -> {
                return readList(p, file, depth, duplicates, secrets, canon, null, null);
            }
            case VALUE_STRING -> {
                String text = p.getText();
                String seen = checked(text, canon);
                if (seen != null) return new YNode.YScalar(seen, null, file, line, col);
                wholeCharacters(text, file, line, col);
                String kind = secrets == null ? null : Secrets.kind(text);
                if (kind != null) {
                    secrets.add(new Secrets.Found(new Location(file, line, col), kind));
                    return new YNode.YScalar(Secrets.REDACTED, null, file, line, col);
                }
                remember(text, canon);
                return new YNode.YScalar(text, null, file, line, col);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new YNode.YScalar(p.getNumberValue(), p.getText(), file, line, col);
            }
            case VALUE_TRUE -> {
                return new YNode.YScalar(Boolean.TRUE, null, file, line, col);
            }
            case VALUE_FALSE -> {
                return new YNode.YScalar(Boolean.FALSE, null, file, line, col);
            }
            case VALUE_NULL -> {
                return new YNode.YScalar(null, null, file, line, col);
            }
            default -> throw new InputException(new Problem(new Location(file, line, col), "unexpected YAML token " + t));
        }
    }

    /** The list at the current token; with {@code items}, each item is handed to it and the list stays empty. */
    private YNode.YList readList(Parser p, String file, int depth, List<Problem> duplicates, List<Secrets.Found> secrets,
                                 String[] canon, String section, Items items) throws IOException, InputException {
        YNode.YList list = new YNode.YList(file, Math.max(0, p.tokenLine()), Math.max(1, p.tokenColumn()));
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            YNode item = readValue(p, file, depth + 1, duplicates, secrets, canon);
            if (items != null) items.item(section, index++, item);
            else list.add(item);
        }
        list.trim();
        return list;
    }

    /**
     * Refuses a key or value with half a character: a {@code \uD800} escape without its other half is no Unicode
     * character, cannot be written as UTF-8, and no report could show it as it was given.
     */
    static void wholeCharacters(String s, String file, int line, int col) throws InputException {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isSurrogate(c)) continue;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            throw new InputException(new Problem(new Location(file, line, col), String.format(
                    "\\u%04X is half of a character (a lone surrogate); write the character itself, or both halves of its escape", (int) c)));
        }
    }

    static Location location(String file, JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) return new Location(file, 0, 0);
        return new Location(file, loc.getLineNr(), Math.max(1, loc.getColumnNr()));
    }

    /** SnakeYAML messages carry their own position blocks; keep the first sentence a person needs. */
    static String cleanMessage(String message) {
        if (message == null) return "invalid YAML";
        String m = message.replace("\r", "");
        int at = m.indexOf("\n in 'reader'");
        if (at >= 0) m = m.substring(0, at);
        m = m.replaceAll("\\n\\s*in 'reader', line \\d+, column \\d+:?", "");
        m = m.replaceAll("(?m)^\\s+\\S.*\\n\\s*\\^\\s*$", "");
        m = m.lines().map(String::strip).filter(s -> !s.isEmpty() && !s.equals("^")).reduce((a, b) -> a + "; " + b).orElse("invalid YAML");
        return m;
    }
}
