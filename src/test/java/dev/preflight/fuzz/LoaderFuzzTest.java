package dev.preflight.fuzz;

import dev.preflight.Preflight;
import dev.preflight.TestSupport;
import dev.preflight.engine.Severity;
import dev.preflight.policy.Policy;
import dev.preflight.report.Report;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.Problem;
import dev.preflight.snapshot.SnapshotLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every input ends in a report or a clean input error: never an uncaught exception, never a hang. Runs the kept
 * corpus of nasty cases, then a seeded mutation loop over the sample snapshots, bounded in count and time.
 * {@code -Dpreflight.fuzz.iterations=N -Dpreflight.fuzz.seed=S} run a longer or different loop.
 */
public class LoaderFuzzTest {
    static final int ITERATIONS = Integer.getInteger("preflight.fuzz.iterations", 5000);
    static final long SEED = Long.getLong("preflight.fuzz.seed", 20261123L);
    static final long BUDGET_MS = Long.getLong("preflight.fuzz.millis", 40_000L);
    static final long PER_INPUT_MS = 10_000L;
    static final String[] NASTY = {":", "- ", "[", "]", "{", "}", "&a ", "*a", "!!str ", "|", ">", "'", "\"", "\t", "\0",
            "é", "\uFEFF", "#", "\n", "  ", "~", "null", "true", "-1", "1e999", "0x1F", "2026-02-30", "\\u0000", "? ", ",",
            "%YAML 1.2\n", "---\n", "...\n", "<script>", "=cmd|", "\u001b[31m", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.x"};

    private final Preflight preflight = new Preflight(TestSupport.bundledRules(), new SnapshotLoader(8 * 1024 * 1024),
            Policy.none(LocalDate.parse("2026-11-23")), null);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz");
        t.setDaemon(true);
        return t;
    });

    /** Null when the input ended well; otherwise what went wrong. */
    String outcome(Path input) {
        Future<String> f = worker.submit(() -> {
            try {
                Report r = preflight.check(input, Severity.ERROR, false);
                return r == null ? "no report" : null;
            } catch (InputException e) {
                for (Problem p : e.problems()) {
                    if (p.message() == null || p.message().isBlank()) return "input error without a message";
                }
                return e.problems().isEmpty() ? "input error without problems" : null;
            } catch (Throwable t) {
                return t.toString();
            }
        });
        try {
            return f.get(PER_INPUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return "did not finish within " + PER_INPUT_MS + " ms";
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void theKeptCorpusEndsCleanly() throws Exception {
        List<String> failures = new ArrayList<>();
        int n = 0;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/fuzz"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                n++;
                String o = outcome(p);
                if (o != null) failures.add(p + ": " + o);
            }
        }
        assertTrue(n >= 10, "corpus present");
        if (!failures.isEmpty()) fail(String.join("\n", failures));
    }

    @Test
    void mutatedSamplesEndInAReportOrACleanInputError(@TempDir Path tmp) throws Exception {
        List<Path> seeds = new ArrayList<>();
        for (String sample : List.of("samples/contoso", "samples/fabrikam")) {
            try (Stream<Path> s = Files.walk(Path.of(sample))) {
                seeds.addAll(s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList());
            }
        }
        Random random = new Random(SEED);
        long deadline = System.currentTimeMillis() + BUDGET_MS;
        List<String> failures = new ArrayList<>();
        int tried = 0;
        int reports = 0;
        for (; tried < ITERATIONS && System.currentTimeMillis() < deadline; tried++) {
            Path seed = seeds.get(random.nextInt(seeds.size()));
            String text = mutate(Files.readString(seed, StandardCharsets.UTF_8), random);
            Path input = tmp.resolve("m" + tried + ".yaml");
            Files.writeString(input, text, StandardCharsets.UTF_8);
            String o = outcome(input);
            if (o != null) {
                Path keep = Path.of("target/fuzz-failures").resolve("m" + tried + ".yaml");
                Files.createDirectories(keep.getParent());
                Files.writeString(keep, text, StandardCharsets.UTF_8);
                failures.add(keep + " (from " + seed + "): " + o);
            } else {
                try {
                    preflight.check(input, Severity.ERROR, false);
                    reports++;
                } catch (InputException ignored) {
                    // a clean input error: fine
                }
            }
            Files.delete(input);
        }
        System.out.println("fuzz: " + tried + " inputs (seed " + SEED + "), " + reports + " reports, "
                + (tried - reports - failures.size()) + " input errors, " + failures.size() + " failures");
        assertTrue(tried >= 100, "the loop ran: " + tried);
        if (!failures.isEmpty()) fail(failures.size() + " inputs broke Preflight:\n" + String.join("\n", failures));
    }

    public static String mutate(String text, Random r) {
        String s = text;
        int rounds = 1 + r.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
            int at = r.nextInt(Math.max(1, lines.size()));
            switch (r.nextInt(8)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(at));
                case 2 -> {
                    int other = r.nextInt(lines.size());
                    String t = lines.get(at);
                    lines.set(at, lines.get(other));
                    lines.set(other, t);
                }
                case 3 -> {
                    String l = lines.get(at);
                    int pos = l.isEmpty() ? 0 : r.nextInt(l.length() + 1);
                    lines.set(at, l.substring(0, pos) + NASTY[r.nextInt(NASTY.length)] + l.substring(pos));
                }
                case 4 -> {
                    String l = lines.get(at);
                    lines.set(at, r.nextBoolean() ? "  " + l : l.stripLeading());
                }
                case 5 -> {
                    String l = lines.get(at);
                    int colon = l.indexOf(": ");
                    if (colon > 0) lines.set(at, l.substring(0, colon + 2) + NASTY[r.nextInt(NASTY.length)]);
                }
                case 6 -> {
                    String joined = String.join("\n", lines);
                    return joined.substring(0, r.nextInt(joined.length() + 1));
                }
                default -> {
                    String l = lines.get(at);
                    lines.set(at, l.replaceAll("[a-z]", String.valueOf((char) ('a' + r.nextInt(26)))));
                }
            }
            s = String.join("\n", lines);
        }
        return s;
    }
}
