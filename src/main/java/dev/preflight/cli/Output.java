package dev.preflight.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes report files: a regular file (or a new one) atomically, as a temporary file beside it and then a rename,
 * so a reader never sees half a report and a failed run leaves the earlier one whole; a special file (a device such
 * as {@code /dev/null}, a pipe) as a stream, never replaced. {@code /dev/stdout} is standard output.
 */
final class Output {
    private Output() {
    }

    interface Body {
        void write(Writer w) throws IOException;
    }

    /** A body that writes bytes (a report renderer writes UTF-8 itself, straight from its generator). */
    interface StreamBody {
        void write(OutputStream out) throws IOException;
    }

    /** {@code /dev/stdout} and its aliases: written through the command's own standard output. */
    static boolean isStandardOutput(Path target) {
        String s = target.toAbsolutePath().normalize().toString();
        return s.equals("/dev/stdout") || s.equals("/dev/fd/1") || s.equals("/proc/self/fd/1");
    }

    static void atomically(Path given, Body body) throws IOException {
        streamed(given, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8.newEncoder()));
            body.write(w);
            w.flush();
        });
    }

    /** Streams {@code body} into a temporary file beside {@code given} and renames it over; a special file is written as is. */
    static void streamed(Path given, StreamBody body) throws IOException {
        Path target = given;
        if (Files.exists(given)) {
            if (!Files.isRegularFile(given)) {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(given, StandardOpenOption.WRITE), BUFFER)) {
                    body.write(out);
                }
                return;
            }
            target = given.toRealPath(); // a link to a report file: replace the file, keep the link
        }
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), BUFFER)) {
                body.write(out);
            }
            dev.preflight.io.FileTrees.replace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static final int BUFFER = 1 << 16;

    /** Null when {@code target} can be written; otherwise why not. */
    static String unwritable(Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) return "is a folder";
        if (isStandardOutput(abs)) return null;
        if (Files.exists(abs) && !Files.isRegularFile(abs)) return Files.isWritable(abs) ? null : "it is not writable";
        if (dir == null || !Files.isDirectory(dir)) return "its folder does not exist";
        if (!Files.isWritable(dir)) return "its folder is not writable";
        if (Files.exists(abs) && !Files.isWritable(abs)) return "the file is not writable";
        return null;
    }
}
