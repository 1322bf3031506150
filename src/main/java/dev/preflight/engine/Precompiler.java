package dev.preflight.engine;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.DrlParser;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Build-time only (run by Maven in {@code process-classes}): compiles the bundled rules into Drools' executable
 * model, Java classes written next to Preflight's own, so that a run needs no DRL compiler for them. Startup then
 * builds the rule base from those classes in a fraction of the time (see {@link Precompiled}). Rules given with
 * {@code --rules DIR} are still compiled at run time.
 *
 * <p>Needs {@code drools-model-codegen}, which is a build dependency only and is not in the shipped jar.
 */
public final class Precompiler {
    private Precompiler() {
    }

    /** {@code Precompiler CLASSES_DIR}: reads {@code CLASSES_DIR/rules/*.drl}, writes the model classes there. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Precompiler CLASSES_DIR");
            System.exit(2);
        }
        Path classes = Path.of(args[0]);
        List<RuleSource> sources = new ArrayList<>(RuleBase.folder(classes.resolve(RuleBase.BUNDLED_DIR)).stream()
                .map(s -> new RuleSource(RuleBase.BUNDLED_DIR + s.name(), s.text())).toList());
        sources.add(new RuleSource(RuleBase.ENGINE_DRL, Files.readString(classes.resolve(RuleBase.ENGINE_DRL))));

        long start = System.nanoTime();
        Path index = classes.resolve(Precompiled.INDEX);
        removePrevious(classes, index);

        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        Properties out = new Properties();
        int n = 0;
        for (RuleSource s : sources) {
            kfs.write("src/main/resources/preflight/r" + (n++) + ".drl", s.text());
            for (String rule : ruleNames(s)) out.setProperty(Precompiled.RULE_PREFIX + rule, s.name());
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            errors.forEach(e -> System.err.println("precompile: " + e.getPath() + ":" + e.getLine() + ": " + e.getText()));
            System.exit(1);
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        TreeSet<String> written = new TreeSet<>();
        TreeSet<String> models = new TreeSet<>();
        for (String name : module.getFileNames()) {
            if (name.endsWith("/drools-model")) {
                for (String line : new String(module.getBytes(name), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank() && !line.contains(":")) models.add(line.strip());
                }
            }
            // The model's own classes only: the kjar's project class, descriptors and DRL copies are not needed.
            if (!name.endsWith(".class") || name.startsWith("org/drools/project/")) continue;
            Path target = classes.resolve(name);
            Files.createDirectories(target.getParent());
            Files.write(target, module.getBytes(name));
            written.add(name);
        }
        if (models.isEmpty()) throw new IllegalStateException("the executable model lists no model classes");
        out.setProperty(Precompiled.MODELS, String.join(",", models));
        out.setProperty(Precompiled.DIGEST, Precompiled.digest(sources));
        Files.writeString(classes.resolve(Precompiled.FILES_LIST), String.join("\n", written) + "\n", StandardCharsets.UTF_8);
        try (OutputStream o = Files.newOutputStream(index)) {
            out.store(o, null);
        }
        // Properties.store writes a date comment; drop it so the jar's bytes depend on the rules only.
        List<String> lines = new ArrayList<>(Files.readAllLines(index, StandardCharsets.ISO_8859_1));
        lines.removeIf(l -> l.startsWith("#"));
        lines.sort(null);
        Files.write(index, lines, StandardCharsets.ISO_8859_1);
        System.err.printf("precompile: %d rule files -> %d classes in %.1f s%n", sources.size(), written.size(),
                (System.nanoTime() - start) / 1e9);
    }

    /** The names of the rules (and queries) a DRL file defines, as "package/name". */
    private static List<String> ruleNames(RuleSource s) {
        DrlParser parser = new DrlParser();
        try {
            PackageDescr pkg = parser.parse(false, s.text());
            if (parser.hasErrors() || pkg == null) throw new IllegalStateException(s.name() + ": " + parser.getErrors());
            List<String> out = new ArrayList<>();
            for (RuleDescr r : pkg.getRules()) out.add(pkg.getNamespace() + "/" + r.getName());
            return out;
        } catch (DroolsParserException e) {
            throw new IllegalStateException(s.name() + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the classes an earlier run wrote (their names carry hashes, so new ones never overwrite them). */
    private static void removePrevious(Path classes, Path index) throws IOException {
        Path list = classes.resolve(Precompiled.FILES_LIST);
        if (Files.exists(list)) {
            for (String f : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                if (!f.isBlank()) Files.deleteIfExists(classes.resolve(f));
            }
            Files.delete(list);
        }
        if (!Files.exists(index)) return;
        Properties old = new Properties();
        try (InputStream in = Files.newInputStream(index)) {
            old.load(in);
        }
        for (String f : old.getProperty(Precompiled.FILES, "").split(",")) {
            if (!f.isBlank()) Files.deleteIfExists(classes.resolve(f));
        }
        Files.delete(index);
    }
}
