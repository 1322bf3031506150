package dev.preflight.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
