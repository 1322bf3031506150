package dev.preflight.policy;

import dev.preflight.model.Location;
import dev.preflight.snapshot.DidYouMean;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.Problem;
import dev.preflight.snapshot.Secrets;
import dev.preflight.snapshot.SnapshotLoader;
import dev.preflight.snapshot.YNode;
import dev.preflight.snapshot.YamlReader;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** Reading the small YAML files people write by hand (waivers, config), with located, friendly errors. */
final class YamlFiles {
    static final int MAX_BYTES = 4 * 1024 * 1024;

    private YamlFiles() {
    }

    static YNode read(Path file) throws InputException {
        String name = SnapshotLoader.display(file);
        try {
            String text = SnapshotLoader.decodeUtf8(SnapshotLoader.readRegularFile(file, MAX_BYTES, name, ""), name);
            // credentials in a waiver or config file (a justification quoting a token) never reach a report either
            YNode root = Secrets.redact(new YamlReader(MAX_BYTES).read(new StringReader(text), name)).root();
            if (root == null) throw new InputException(new Problem(new Location(name, 1, 1), "empty file"));
            return root;
        } catch (NoSuchFileException e) {
            throw new InputException(new Problem(new Location(name, 0, 0), "no such file"));
        } catch (IOException e) {
            throw new InputException(new Problem(new Location(name, 0, 0), "cannot read file: " + e.getMessage()));
        }
    }

    /** Problems for keys of {@code map} outside {@code allowed}, with a "did you mean". */
    static void keys(YNode.YMap map, Set<String> allowed, String where, List<Problem> problems) {
        for (YNode.Entry e : map.entries()) {
            if (!allowed.contains(e.key())) {
                String hint = DidYouMean.suggest(e.key(), allowed);
                problems.add(new Problem(e.keyLocation(), where + "unknown key '" + e.key() + "'"
                        + (hint != null ? " (did you mean '" + hint + "'?)" : "") + "; expected one of: "
                        + String.join(", ", allowed.stream().sorted().toList())));
            }
        }
    }

    static String text(YNode node) {
        return node instanceof YNode.YScalar s ? s.text() : null;
    }

    static LocalDate date(YNode node, String key, List<Problem> problems) {
        String t = text(node);
        if (t == null) return null;
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(node.location(), key + ": '" + t + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }
}
