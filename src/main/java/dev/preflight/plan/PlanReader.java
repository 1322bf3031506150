package dev.preflight.plan;

import dev.preflight.model.Location;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.Problem;
import dev.preflight.snapshot.SnapshotLoader;
import dev.preflight.snapshot.YamlReader;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads a plan file: PowerShell ({@code .ps1}) or the YAML form ({@code .yaml}, {@code .yml}). */
public final class PlanReader {
    /** Plans are scripts, not exports: a few MiB is far more than any. */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    private PlanReader() {
    }

    public static Plan read(Path path) throws InputException {
        String name = SnapshotLoader.display(path);
        Location at = new Location(name, 0, 0);
        byte[] bytes;
        try {
            if (!Files.isRegularFile(path)) throw new InputException(new Problem(at, "no such plan file"));
            if (Files.size(path) > MAX_BYTES) throw new InputException(new Problem(at, "plan file larger than " + MAX_BYTES + " bytes"));
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new InputException(new Problem(at, "cannot read plan: " + e.getMessage()));
        }
        String text = SnapshotLoader.decodeUtf8(bytes, name);
        return read(name, text);
    }

    /** Reads plan text named {@code name}; the extension of the name chooses the form. */
    public static Plan read(String name, String text) throws InputException {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".ps1") || lower.endsWith(".psm1")) return PowerShellPlan.read(name, text);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return YamlPlan.read(name, new YamlReader().read(new StringReader(text), name));
        }
        throw new InputException(new Problem(new Location(name, 0, 0),
                "a plan is a PowerShell script (.ps1) or a YAML plan (.yaml, .yml)"));
    }
}
