package dev.preflight.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes report files atomically: a temporary file beside the target, then a rename. */
final class Output {
    private Output() {
    }

    interface Body {
        void write(Writer w) throws IOException;
    }

    static void atomically(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Null when {@code target} can be written; otherwise why not. */
    static String unwritable(Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) return "is a folder";
        if (dir == null || !Files.isDirectory(dir)) return "its folder does not exist";
        if (!Files.isWritable(dir)) return "its folder is not writable";
        if (Files.exists(abs) && !Files.isWritable(abs)) return "the file is not writable";
        return null;
    }
}
