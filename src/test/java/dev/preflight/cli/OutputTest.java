package dev.preflight.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OutputTest {
    @Test
    void aRendererFailingHalfwayLeavesTheOldFileWholeAndNoTemporaryFile(@TempDir Path tmp) throws IOException {
        Path target = tmp.resolve("report.html");
        Files.writeString(target, "old report");
        assertThrows(IOException.class, () -> Output.atomically(target, w -> {
            w.write("half a new rep");
            throw new IOException("disk full");
        }));
        assertEquals("old report", Files.readString(target));
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count());
        }
        Output.atomically(target, w -> w.write("new report"));
        assertEquals("new report", Files.readString(target));
    }

    /** A report replaced keeps the permissions its file had; a new one is readable by its owner alone. */
    @Test
    void aReplacedReportKeepsItsPermissions(@TempDir Path tmp) throws IOException {
        Path shared = tmp.resolve("shared.html");
        Files.writeString(shared, "old");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
        Output.atomically(shared, w -> w.write("new"));
        Output.streamed(shared, out -> out.write('x'));
        assertEquals("x", Files.readString(shared));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));
        Path fresh = tmp.resolve("fresh.json");
        Output.streamed(fresh, out -> out.write('y'));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    }
}
