package dev.preflight.snapshot;

import dev.preflight.manifest.Located;
import dev.preflight.manifest.Manifest;
import dev.preflight.manifest.ManifestReader;
import dev.preflight.model.App;
import dev.preflight.model.GraphPermission;
import dev.preflight.model.IntegrityIssue;
import dev.preflight.model.Location;
import dev.preflight.model.ManifestSource;
import dev.preflight.version.Version;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An app that names its manifest ({@code manifest: path}, and {@code update.manifest} for a planned update; paths
 * relative to the snapshot file): its hosts, permission, manifest version and Graph scopes are read from the file,
 * each keeping where it is written. A value the snapshot also gives and the manifest contradicts is DATA-005 (the
 * manifest's value is used). A manifest that cannot be read is an input error at the snapshot's reference.
 */
final class AppManifests {
    /** OpenID Connect scopes: sign-in only, never admin consent. */
    private static final Set<String> OPENID = Set.of("openid", "profile", "email", "offline_access");

    private AppManifests() {
    }

    static App apply(App app, YNode.YMap m, List<Problem> problems, List<IntegrityIssue> contradictions) {
        YNode.YMap update = m.get("update") instanceof YNode.YMap u ? u : null;
        Manifest deployed = read(m.get("manifest"), problems);
        Manifest planned = update == null ? null : read(update.get("manifest"), problems);
        if (deployed == null && planned == null) return app;

        Map<String, Location> facts = new LinkedHashMap<>();
        List<String> hosts = app.hosts();
        String permission = app.permission();
        String version = app.manifestVersion();
        List<GraphPermission> graph = app.graphPermissions();
        String sso = null;
        Contradictions c = new Contradictions(app, contradictions);
        if (deployed != null) {
            if (!deployed.hosts().isEmpty() || "xml".equals(deployed.form())) {
                List<String> read = deployed.hosts().stream().map(Manifest.Host::name).toList();
                Location at = deployed.hosts().isEmpty() ? deployed.root() : deployed.hosts().get(0).at();
                if (hosts != null && !new LinkedHashSet<>(hosts).equals(new LinkedHashSet<>(read))) {
                    c.add("hosts", m.get("hosts"), String.join(", ", hosts), String.join(", ", read), at);
                }
                hosts = read;
                facts.put("hosts", at);
            }
            if (deployed.permission() != null) {
                if (permission != null && !permission.equals(deployed.permission().value())) {
                    c.add("permission", m.get("permission"), permission, deployed.permission().value(), deployed.permission().at());
                }
                permission = deployed.permission().value();
                facts.put("permission", deployed.permission().at());
            }
            if (deployed.version() != null && parses(deployed.version().value())) {
                if (version != null && !sameVersion(version, deployed.version().value())) {
                    c.add("manifestVersion", m.get("manifestVersion"), version, deployed.version().value(), deployed.version().at());
                }
                version = deployed.version().value();
                facts.put("manifestVersion", deployed.version().at());
            }
            if (deployed.sso() != null) {
                facts.put("sso", deployed.sso().at());
                sso = deployed.sso().resource() == null ? null : deployed.sso().resource().value();
                if (deployed.sso().scopes() != null) {
                    List<GraphPermission> read = scopes(deployed.sso().scopes(), graph);
                    if (graph != null && !names(graph).equals(names(read))) {
                        c.add("graphPermissions", m.get("graphPermissions"), String.join(", ", names(graph)),
                                String.join(", ", names(read)), deployed.sso().at());
                    }
                    graph = read;
                    facts.put("graphPermissions", deployed.sso().at());
                }
            }
        }
        String updateVersion = app.updateManifestVersion();
        String updatePermission = app.updatePermission();
        if (planned != null) {
            if (planned.version() != null && parses(planned.version().value())) {
                if (updateVersion != null && !sameVersion(updateVersion, planned.version().value())) {
                    c.add("update.manifestVersion", update.get("manifestVersion"), updateVersion, planned.version().value(), planned.version().at());
                }
                updateVersion = planned.version().value();
                facts.put("update.manifestVersion", planned.version().at());
            }
            if (planned.permission() != null) {
                if (updatePermission != null && !updatePermission.equals(planned.permission().value())) {
                    c.add("update.permission", update.get("permission"), updatePermission, planned.permission().value(), planned.permission().at());
                }
                updatePermission = planned.permission().value();
                facts.put("update.permission", planned.permission().at());
            }
        }
        ManifestSource source = new ManifestSource(deployed == null ? null : deployed.file(),
                planned == null ? null : planned.file(), Map.copyOf(facts), sso);
        return new App(app.id(), app.displayName(), app.appKind(), app.origin(), app.productId(), app.assetId(),
                app.locale(), app.contentMarket(), hosts == null ? null : List.copyOf(hosts), permission, app.state(),
                app.status(), app.deploymentType(), version, app.latestManifestVersion(), updateVersion,
                updatePermission, app.requiresConsent(), graph, app.publisherName(), app.publisherVerified(),
                app.deployedBy(), app.location(), source);
    }

    /** The manifest {@code node} names, read; null (and a problem at the reference) when it cannot be read. */
    private static Manifest read(YNode node, List<Problem> problems) {
        if (!(node instanceof YNode.YScalar s) || s.text() == null) return null;
        Path base = Path.of(node.location().file()).getParent();
        Path file = base == null ? Path.of(s.text()) : base.resolve(s.text());
        try {
            return ManifestReader.read(file, SnapshotLoader.display(file));
        } catch (InputException e) {
            for (Problem p : e.problems()) {
                problems.add(new Problem(node.location(), "manifest '" + s.text() + "' cannot be read: " + p));
            }
            return null;
        }
    }

    /** The manifest's scopes as Graph permissions; admin consent as the snapshot says for the same name, else unknown. */
    private static List<GraphPermission> scopes(List<Located> scopes, List<GraphPermission> snapshot) {
        List<GraphPermission> out = new ArrayList<>();
        for (Located s : scopes) {
            Boolean admin = null;
            if (snapshot != null) {
                for (GraphPermission g : snapshot) {
                    if (g.name() != null && g.name().equalsIgnoreCase(s.value())) admin = g.adminConsentRequired();
                }
            }
            if (admin == null && OPENID.contains(s.value().toLowerCase(Locale.ROOT))) admin = false;
            out.add(new GraphPermission(s.value(), admin));
        }
        return List.copyOf(out);
    }

    private static Set<String> names(List<GraphPermission> list) {
        Set<String> out = new java.util.TreeSet<>();
        for (GraphPermission g : list) if (g.name() != null) out.add(g.name().toLowerCase(Locale.ROOT));
        return out;
    }

    private static boolean parses(String v) {
        try {
            Version.parse(v);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean sameVersion(String a, String b) {
        try {
            return !Version.older(a, b) && !Version.older(b, a);
        } catch (IllegalArgumentException e) {
            return Objects.equals(a, b);
        }
    }

    /** DATA-005 issues for one app, each at the snapshot's value. */
    private record Contradictions(App app, List<IntegrityIssue> out) {
        void add(String fact, YNode snapshotNode, String snapshotValue, String manifestValue, Location manifestAt) {
            Location at = snapshotNode == null ? app.location() : snapshotNode.location();
            out.add(new IntegrityIssue("DATA-005", "app", app.id(), "App '" + app.name() + "': the snapshot gives "
                    + fact + " " + snapshotValue + " but its manifest " + manifestAt + " says " + manifestValue
                    + "; the manifest's value is used",
                    List.of("snapshot: " + fact + " " + snapshotValue + " (" + at + ")",
                            "manifest: " + fact + " " + manifestValue + " (" + manifestAt + ")"), at));
        }
    }
}
