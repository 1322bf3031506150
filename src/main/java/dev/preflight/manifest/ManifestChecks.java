package dev.preflight.manifest;

import dev.preflight.manifest.XmlTree.Element;
import dev.preflight.model.Location;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.preflight.manifest.Diagnostic.Severity.ERROR;
import static dev.preflight.manifest.Diagnostic.Severity.WARNING;

/** The checks schema validation misses and real manifests trip over. */
final class ManifestChecks {
    static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** The XSD's UUID type also allows a urn:uuid: prefix or braces. */
    static final Pattern XML_GUID = Pattern.compile("(urn:uuid:)?" + GUID.pattern() + "|\\{" + GUID.pattern() + "\\}");
    static final Pattern FOUR_PARTS = Pattern.compile("[0-9]{1,5}(\\.[0-9]{1,5}){3}");
    /** Template placeholders: Enter_client_ID_here, $app-id-guid$, {application GUID here}, [Provider name]. */
    static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i).*(enter_\\w*_here|\\$[a-z0-9_-]+\\$|\\{[^{}]*\\b(here|guid|port)\\b[^{}]*\\}).*|\\[[^\\]]+\\]");
    /** Hosts centralized deployment does not deploy add-ins for (ADD-002). */
    static final Map<String, String> NOT_DEPLOYED = Map.of("onenote", "OneNote", "project", "Project", "access", "Access");

    private ManifestChecks() {
    }

    static List<Diagnostic> check(Manifest m, Element xml) {
        List<Diagnostic> out = new ArrayList<>();
        boolean isXml = "xml".equals(m.form());
        identity(out, m.id(), "Id", isXml, true);
        if (m.sso() != null) {
            identity(out, m.sso().id(), isXml ? "WebApplicationInfo/Id" : "webApplicationInfo.id", isXml, true);
            Located r = m.sso().resource();
            if (r != null && PLACEHOLDER.matcher(r.value()).matches()) {
                out.add(new Diagnostic(ERROR, "placeholder", r.at(), (isXml ? "WebApplicationInfo/Resource" : "webApplicationInfo.resource")
                        + " '" + r.value() + "' still holds a template placeholder"));
            }
        }
        if (m.provider() != null && PLACEHOLDER.matcher(m.provider().value()).matches()) {
            out.add(new Diagnostic(WARNING, "placeholder", m.provider().at(),
                    (isXml ? "ProviderName" : "developer.name") + " '" + m.provider().value() + "' is a template placeholder"));
        }
        if (isXml && m.version() != null && !FOUR_PARTS.matcher(m.version().value()).matches()) {
            out.add(new Diagnostic(WARNING, "version", m.version().at(), "Version '" + m.version().value()
                    + "' is not four numeric parts (n.n.n.n); write e.g. " + fourParts(m.version().value())));
        }
        for (Manifest.Url u : m.urls()) https(out, u);
        hosts(out, m);
        if (xml != null) resources(out, xml);
        return out;
    }

    private static void identity(List<Diagnostic> out, Located id, String what, boolean xml, boolean required) {
        if (id == null) return;
        String v = id.value();
        if (PLACEHOLDER.matcher(v).matches()) {
            out.add(new Diagnostic(ERROR, "placeholder", id.at(), what + " '" + v + "' is a template placeholder, not a GUID"));
        } else if (!(xml ? XML_GUID : GUID).matcher(v).matches()) {
            out.add(new Diagnostic(ERROR, "guid", id.at(), what + " '" + v + "' is not a GUID"));
        }
    }

    private static String fourParts(String v) {
        String[] parts = v.split("\\.");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            if (i > 0) b.append('.');
            b.append(i < parts.length && parts[i].matches("[0-9]{1,5}") ? parts[i] : "0");
        }
        return b.toString();
    }

    private static void https(List<Diagnostic> out, Manifest.Url u) {
        String v = u.value().trim();
        if (v.toLowerCase(Locale.ROOT).startsWith("https://")) return;
        String why;
        if (v.startsWith("~remoteAppUrl")) why = "is the Visual Studio token ~remoteAppUrl, not an HTTPS URL (replace it before deploying)";
        else if (v.toLowerCase(Locale.ROOT).startsWith("http://")) why = "is not HTTPS";
        else why = "is not an HTTPS URL";
        out.add(new Diagnostic(WARNING, "https", u.at(), u.kind() + " URL " + u.what() + " '" + v + "' " + why));
    }

    private static void hosts(List<Diagnostic> out, Manifest m) {
        for (Manifest.Host h : m.hosts()) {
            String app = NOT_DEPLOYED.get(h.name());
            if (app != null) {
                out.add(new Diagnostic(WARNING, "host", h.at(), "host " + h.written() + " (" + app
                        + "): centralized deployment does not deploy add-ins for " + app + " (ADD-002)"));
            }
        }
    }

    /** Per VersionOverrides: every resid has a resource, and no resource id is defined twice. */
    private static void resources(List<Diagnostic> out, Element root) {
        root.walk(e -> {
            if (e.name().equals("VersionOverrides") && OfficeXml.isVersionOverrides(e.ns())) overrides(out, e);
        });
    }

    private static void overrides(List<Diagnostic> out, Element vo) {
        Map<String, Location> ids = new LinkedHashMap<>();
        Element resources = vo.child("Resources");
        if (resources != null) {
            for (Element group : resources.children()) {
                for (Element r : group.children()) {
                    String id = r.attr("id");
                    if (id == null) continue;
                    Location first = ids.putIfAbsent(id, r.at());
                    if (first != null) {
                        out.add(new Diagnostic(WARNING, "duplicate-id", r.at(), "resource id '" + id
                                + "' is defined twice in Resources (first at line " + first.line() + "); only one of them is used"));
                    }
                }
            }
        }
        references(out, vo, ids, vo);
    }

    private static void references(List<Diagnostic> out, Element e, Map<String, Location> ids, Element vo) {
        for (Element c : e.children()) {
            if (c.name().equals("VersionOverrides") && OfficeXml.isVersionOverrides(c.ns())) continue; // its own scope
            if (c.name().equals("Resources") && e == vo) continue;
            String resid = c.attr("resid");
            if (resid != null && !ids.containsKey(resid)) {
                out.add(new Diagnostic(ERROR, "resid", c.at(), "resid '" + resid + "' on <" + c.name()
                        + "> has no matching resource in this VersionOverrides' Resources"));
            }
            references(out, c, ids, vo);
        }
    }
}
