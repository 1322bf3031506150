package dev.preflight.manifest;

import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.Problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads and validates manifests offline: the schema of their form, then the extra checks. */
public final class ManifestCheck {

    /** Schema verdicts. */
    public enum SchemaResult {
        VALID, INVALID, NOT_CHECKED, UNREADABLE;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One file: what was read (null when unreadable), the schema used and its verdict, and every diagnostic. */
    public record Result(String file, Manifest manifest, String schemaFile, SchemaResult schema,
                         List<Diagnostic> diagnostics) {
        public long count(Diagnostic.Severity s) {
            return diagnostics.stream().filter(d -> d.severity() == s).count();
        }
    }

    private ManifestCheck() {
    }

    /** Checks each file; {@code names} are how files are shown (same order). Duplicate Ids across files are warned. */
    public static List<Result> check(List<Path> files, List<String> names) {
        List<Result> out = new ArrayList<>();
        Map<String, Located> seen = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            Result r = check(files.get(i), names.get(i));
            Manifest m = r.manifest();
            if (m != null && m.id() != null && !m.id().value().isBlank()) {
                String key = m.id().value().toLowerCase(Locale.ROOT).replaceAll("^urn:uuid:|[{}]", "");
                Located first = seen.putIfAbsent(key, m.id());
                if (first != null) {
                    List<Diagnostic> d = new ArrayList<>(r.diagnostics());
                    d.add(new Diagnostic(Diagnostic.Severity.WARNING, "duplicate-id", m.id().at(), "Id '" + m.id().value()
                            + "' is also the Id of " + first.at() + ": one manifest replaces the other when deployed"));
                    d.sort(null);
                    r = new Result(r.file(), m, r.schemaFile(), r.schema(), List.copyOf(d));
                }
            }
            out.add(r);
        }
        return out;
    }

    public static Result check(Path file, String name) {
        byte[] bytes;
        ManifestReader.Parsed parsed;
        try {
            bytes = ManifestReader.bytes(file, name);
            parsed = ManifestReader.parse(bytes, name);
        } catch (InputException e) {
            List<Diagnostic> d = new ArrayList<>();
            for (Problem p : e.problems()) d.add(new Diagnostic(Diagnostic.Severity.ERROR, "read", p.location(), p.message()));
            return new Result(name, null, null, SchemaResult.UNREADABLE, List.copyOf(d));
        }
        Manifest m = parsed.manifest();
        List<Diagnostic> d = new ArrayList<>();
        String schemaFile;
        SchemaResult verdict;
        if (parsed.xml() != null) {
            if ("1.0".equals(m.schema())) {
                schemaFile = null;
                verdict = SchemaResult.NOT_CHECKED;
                d.add(new Diagnostic(Diagnostic.Severity.NOTE, "not-checked", m.root(), "OfficeApp in "
                        + OfficeXml.APP_1_0 + " (schema 1.0): no XSD for schema 1.0 is bundled; not checked by the schema"));
            } else {
                schemaFile = XsdValidation.ROOT;
                XsdValidation.Result r = XsdValidation.validate(bytes, name);
                d.addAll(r.errors());
                d.addAll(r.notChecked());
                verdict = r.errors().isEmpty() ? SchemaResult.VALID : SchemaResult.INVALID;
            }
        } else {
            schemaFile = JsonSchemaValidation.schemaFile(m.schema());
            if (schemaFile == null) {
                verdict = SchemaResult.NOT_CHECKED;
                d.add(new Diagnostic(Diagnostic.Severity.NOTE, "not-checked", m.root(), "manifestVersion "
                        + (m.schema() == null ? "(none)" : "'" + m.schema() + "'")
                        + ": no JSON Schema for it is bundled; not checked by the schema"));
            } else {
                List<Diagnostic> errors = JsonSchemaValidation.validate(parsed.json(), name, schemaFile);
                d.addAll(errors);
                verdict = errors.isEmpty() ? SchemaResult.VALID : SchemaResult.INVALID;
            }
        }
        d.addAll(ManifestChecks.check(m, parsed.xml()));
        d.sort(null);
        return new Result(name, m, schemaFile, verdict, List.copyOf(d));
    }
}
