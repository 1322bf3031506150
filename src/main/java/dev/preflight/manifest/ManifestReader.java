package dev.preflight.manifest;

import dev.preflight.model.Location;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.Problem;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads an add-in manifest, XML or unified JSON (told apart by its first character), into a {@link Manifest}.
 * Files over {@link #MAX_BYTES} are refused before they are parsed. Anything unreadable is an {@link InputException}
 * at the manifest's own file:line:col.
 */
public final class ManifestReader {
    /** Real manifests are under 100 kB; the largest published ones (Script Lab) about 78 kB. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private ManifestReader() {
    }

    /** The manifest and its parsed tree (kept for validation). */
    record Parsed(Manifest manifest, XmlTree.Element xml, JsonTree.Node json) {
    }

    public static Manifest read(Path file, String name) throws InputException {
        return parse(file, name).manifest();
    }

    static Parsed parse(Path file, String name) throws InputException {
        return parse(bytes(file, name), name);
    }

    static Parsed parse(byte[] bytes, String name) throws InputException {
        if (isJson(bytes)) {
            JsonManifestReader.Read r = JsonManifestReader.read(bytes, name);
            return new Parsed(r.manifest(), null, r.root());
        }
        XmlManifestReader.Read r = XmlManifestReader.read(bytes, name);
        return new Parsed(r.manifest(), r.root(), null);
    }

    static byte[] bytes(Path file, String name) throws InputException {
        Location at = new Location(name, 0, 0);
        try {
            if (Files.isDirectory(file)) throw new InputException(new Problem(at, "is a folder, not a manifest file"));
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InputException(new Problem(at, "file is " + size + " bytes, over the manifest limit of " + MAX_BYTES));
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(new Problem(at, "no such file"));
        } catch (AccessDeniedException e) {
            throw new InputException(new Problem(at, "cannot read file: permission denied"));
        } catch (IOException e) {
            throw new InputException(new Problem(at, "cannot read file: " + e.getMessage()));
        }
    }

    /** JSON starts with '{' (after an optional BOM and white space); everything else is read as XML. */
    private static boolean isJson(byte[] b) {
        int i = b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) i++;
        return i < b.length && b[i] == '{';
    }
}
