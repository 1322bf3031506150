package dev.preflight.engine;

import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.CRC32C;

/**
 * The bundled rules as compiled at build time by {@link Precompiler}: an index ({@value #INDEX}) naming the
 * executable-model classes, the digest of the DRL they were made from, and the file each rule came from.
 */
final class Precompiled {
    static final String INDEX = "dev/preflight/engine/precompiled.properties";
    static final String MODELS = "models";
    static final String DIGEST = "digest";
    /** The property that listed the classes written, in indexes of earlier builds (they are {@link #FILES_LIST} now). */
    static final String FILES = "files";
    /**
     * The classes the precompiler wrote, one per line: a resource of its own, as only the next build reads it (to delete
     * them) and a run would otherwise parse its 47 kB with the index.
     */
    static final String FILES_LIST = "dev/preflight/engine/precompiled.files";
    static final String RULE_PREFIX = "rule.";

    private Precompiled() {
    }

    /**
     * The bundled rule base from the precompiled classes, or empty when there are none or they were made from other
     * DRL than {@code sources} (a stale build), in which case the caller compiles the DRL itself.
     */
    static Optional<RuleBase.Built> load(List<RuleSource> sources) {
        Properties index = new Properties();
        try (InputStream in = Precompiled.class.getClassLoader().getResourceAsStream(INDEX)) {
            if (in == null) return Optional.empty();
            index.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!digest(sources).equals(index.getProperty(DIGEST))) return Optional.empty();
        List<Model> models = new ArrayList<>();
        for (String name : index.getProperty(MODELS, "").split(",")) {
            try {
                models.add((Model) Class.forName(name, true, Precompiled.class.getClassLoader())
                        .getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | LinkageError e) {
                return Optional.empty();
            }
        }
        KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(models);
        return Optional.of(new RuleBase.Built(kieBase,
                rule -> index.getProperty(RULE_PREFIX + rule.getPackageName() + "/" + rule.getName(), "rules")));
    }

    /**
     * A checksum over the names and texts of {@code sources}, in order: it tells a stale build from a current one
     * (no adversary here, so CRC-32C, which needs no security provider at startup), with the total length.
     */
    static String digest(List<RuleSource> sources) {
        CRC32C crc = new CRC32C();
        long length = 0;
        for (RuleSource s : sources) {
            for (String part : new String[]{s.name(), s.text()}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                crc.update(bytes);
                crc.update(0);
                length += bytes.length + 1;
            }
        }
        return Long.toHexString(crc.getValue()) + "-" + length;
    }
}
