package dev.preflight.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** The file operations the writers of reports, exports and snapshots share: atomic replacement, removal of a tree. */
public final class FileTrees {
    private FileTrees() {
    }

    /**
     * Moves {@code tmp} over {@code target}: atomically where the file system can, else as a plain replace. A file
     * that is replaced keeps its permissions (a report someone made readable for others stays so); a new one has
     * those of {@code tmp}, which is readable by its owner alone when made by {@link Files#createTempFile}.
     */
    public static void replace(Path tmp, Path target) throws IOException {
        keepPermissions(target, tmp);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void keepPermissions(Path from, Path to) throws IOException {
        if (!Files.isRegularFile(from) || !Files.isRegularFile(to)) return;
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the move keeps what the platform gives
        }
    }

    /** Removes {@code p} and everything under it, if it exists. */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }
}
