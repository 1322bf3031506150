package dev.preflight.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Cold start and fleet, measured as users meet them: wall time of whole processes, median of {@code runs},
 * interleaved so that machine noise hits each alike. Compares {@code ./preflight check SAMPLE} with a no-op Java
 * program started the same way (same launcher flags and class-data-sharing setting), and a fleet of 100 copies of
 * the sample ({@code --each DIR --out DIR}) with one run. The launcher runs on the JDK that runs this (its
 * {@code JAVA_HOME} is set to it), so {@code bench/run} measures each JDK it finds. Prints one JSON object.
 *
 * <p>{@code Startup LAUNCHER SAMPLE WORKDIR [RUNS]}
 */
public final class Startup {
    /** The flags the launcher starts Preflight with (see {@code ./preflight}). */
    static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:CICompilerCount=1", "-Xshare:auto");

    private Startup() {
    }

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args[0]).toAbsolutePath();
        Path sample = Path.of(args[1]).toAbsolutePath();
        Path work = Path.of(args[2]).toAbsolutePath();
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 11;
        Path fleet = fleet(sample, work.resolve("fleet"), 100);
        Path out = work.resolve("fleet-out");

        List<String> noOp = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        noOp.addAll(JVM_FLAGS);
        noOp.addAll(List.of("-cp", System.getProperty("java.class.path"), NoOp.class.getName()));
        List<String> check = List.of(launcher.toString(), "check", sample.toString(), "--fail-on", "none");
        List<String> checkFleet = List.of(launcher.toString(), "check", "--each", fleet.toString(), "--out", out.toString(),
                "--fail-on", "none");

        time(check); // the launcher refreshes its class-data-sharing archive after a build; not part of the measure
        List<Double> tNoOp = new ArrayList<>();
        List<Double> tCheck = new ArrayList<>();
        List<Double> tFleet = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            tNoOp.add(time(noOp));
            tCheck.add(time(check));
            if (i < Math.max(3, runs / 3)) tFleet.add(time(checkFleet));
        }
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("runs", runs);
        o.put("noOpJvmSeconds", median(tNoOp));
        o.put("checkSampleSeconds", median(tCheck));
        o.put("coldStartRatio", Math.round(median(tCheck) / median(tNoOp) * 10) / 10.0);
        o.put("fleetTenants", 100);
        o.put("fleetSeconds", median(tFleet));
        o.put("fleetRatio", Math.round(median(tFleet) / median(tCheck) * 10) / 10.0);
        o.put("sample", sample.getFileName().toString());
        o.put("java", "Java " + System.getProperty("java.version"));
        System.out.println(o);
    }

    /** {@code n} copies of {@code sample} as tenant folders of one fleet folder. */
    static Path fleet(Path sample, Path dir, int n) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        for (int i = 1; i <= n; i++) {
            Path tenant = dir.resolve(String.format("tenant-%03d", i));
            Files.createDirectories(tenant);
            try (Stream<Path> s = Files.list(sample)) {
                for (Path f : s.filter(Files::isRegularFile).toList()) Files.copy(f, tenant.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    static double time(List<String> command) throws IOException, InterruptedException {
        long t = System.nanoTime();
        ProcessBuilder b = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        b.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = b.start();
        int code = p.waitFor();
        double s = (System.nanoTime() - t) / 1e9;
        if (code != 0) throw new IllegalStateException(String.join(" ", command) + " exited " + code);
        return s;
    }

    static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        double m = s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
        return Math.round(m * 1000) / 1000.0;
    }

    /** The no-op program of the comparison. */
    public static final class NoOp {
        public static void main(String[] args) {
        }
    }
}
