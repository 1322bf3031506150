package dev.preflight.render;

import dev.preflight.engine.Finding;
import dev.preflight.model.Location;
import dev.preflight.model.Origin;
import dev.preflight.report.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JSON and SARIF written as bytes straight from the generator ({@link Renderer#render(Report, OutputStream)}, what
 * report files and fleets use): the same bytes as the golden files, and written as they go, never as one document.
 */
class JsonStreamingTest {
    static Map<String, Report> cases;

    @BeforeAll
    static void load() throws Exception {
        cases = RendererGoldenTest.cases();
    }

    static byte[] streamed(String format, Report r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Renderers.get(format).render(r, out);
        return out.toByteArray();
    }

    static byte[] throughWriter(String format, Report r) throws IOException {
        StringWriter w = new StringWriter();
        Renderers.get(format).render(r, w);
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void streamedBytesAreTheGoldenBytes() throws Exception {
        for (Map.Entry<String, Report> c : cases.entrySet()) {
            for (String format : List.of("json", "sarif")) {
                byte[] golden = Files.readAllBytes(RendererGoldenTest.DIR.resolve(c.getKey() + "." + format));
                assertArrayEquals(golden, streamed(format, c.getValue()), c.getKey() + "." + format);
            }
        }
    }

    @Test
    void charactersOutsideTheBasicPlaneAndDeceptiveOnesGiveTheSameBytesEitherWay() throws Exception {
        Report many = cases.get("many");
        Report.Entry first = many.entries().get(0);
        String odd = "emoji \uD83D\uDE00 flag \uD83C\uDDE9\uD83C\uDDEA bidi \u202E zero\u200Bwidth next\u0085line del\u007F é 日本 </script>";
        Finding f = new Finding(first.finding().ruleId(), null, "user", odd, odd, odd, odd, List.of(odd),
                new Location("a \uD83D\uDE00.yaml", 3, 4, new Origin("users \uD83D\uDE00.json", "/value/0", 0)), odd);
        List<Report.Entry> entries = new ArrayList<>(many.entries());
        entries.add(new Report.Entry(f, first.rule(), first.severity(), null, null));
        Report r = HtmlFindingsTest.withEntries(many, entries);
        for (String format : List.of("json", "sarif")) {
            byte[] bytes = streamed(format, r);
            assertArrayEquals(throughWriter(format, r), bytes, format);
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertTrue(text.contains("emoji \uD83D\uDE00 flag"), format + ": astral characters as UTF-8");
            assertTrue(text.contains("bidi \\u202E zero\\u200Bwidth next\\u0085line del\\u007F"), format + ": escaped");
        }
    }

    /** Counts the writes that reach the stream and the largest one. */
    static final class Recording extends OutputStream {
        long bytes;
        int writes;
        int largest;

        @Override
        public void write(int b) {
            bytes++;
            writes++;
            largest = Math.max(largest, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            writes++;
            largest = Math.max(largest, len);
        }
    }

    @Test
    void aLargeReportReachesTheStreamInSmallPiecesAsItIsWritten() throws Exception {
        Report r = HtmlFindingsTest.repeated(cases.get("many"), 300);
        for (String format : List.of("json", "sarif")) {
            Recording out = new Recording();
            Renderers.get(format).render(r, out);
            assertEquals(streamed(format, r).length, out.bytes, format);
            assertTrue(out.bytes > 10_000_000, format + ": a report of " + out.bytes + " bytes");
            // The generator's own buffer (8000 bytes) is the largest piece: nothing holds the document to write it at once.
            assertTrue(out.largest <= 16_000, format + ": largest write " + out.largest);
            assertTrue(out.writes >= out.bytes / 16_000, format + ": " + out.writes + " writes");
        }
    }
}
