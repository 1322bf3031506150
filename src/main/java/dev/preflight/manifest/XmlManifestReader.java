package dev.preflight.manifest;

import dev.preflight.manifest.XmlTree.Element;
import dev.preflight.model.Location;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.Problem;

import java.util.ArrayList;
import java.util.List;

import static dev.preflight.manifest.OfficeXml.HOSTS;

/** Reads the facts of an add-in-only XML manifest ({@code OfficeApp}) from its element tree. */
final class XmlManifestReader {

    private XmlManifestReader() {
    }

    /** Facts and the resource ids a checker needs besides them. */
    record Read(Manifest manifest, Element root) {
    }

    static Read read(byte[] bytes, String file) throws InputException {
        Element root = XmlTree.parse(bytes, file);
        if (!"OfficeApp".equals(root.name()) || !OfficeXml.isApp(root.ns())) {
            throw new InputException(new Problem(root.at(), "root element is {" + root.ns() + "}" + root.name()
                    + ", not OfficeApp in " + OfficeXml.APP_1_1 + " (or .../1.0): not an Office add-in manifest"));
        }
        String ns = root.ns();
        String type = root.xsiType();
        String schema = OfficeXml.APP_1_0.equals(ns) ? "1.0" : "1.1";

        List<Manifest.Url> urls = new ArrayList<>();
        url(urls, base(root, "IconUrl"), "icon", "IconUrl");
        url(urls, base(root, "HighResolutionIconUrl"), "icon", "HighResolutionIconUrl");
        url(urls, base(root, "SupportUrl"), "support", "SupportUrl");
        Element settings = base(root, "DefaultSettings");
        if (settings != null) url(urls, settings.child("SourceLocation"), "source", "DefaultSettings/SourceLocation");
        Element desktop = base(root, "DesktopSettings");
        if (desktop != null) url(urls, desktop.child("SourceLocation"), "source", "DesktopSettings/SourceLocation");
        Element forms = base(root, "FormSettings");
        if (forms != null) {
            for (Element form : forms.all("Form")) {
                for (Element s : form.children()) {
                    url(urls, s.child("SourceLocation"), "source", "Form " + form.xsiType() + "/" + s.name() + "/SourceLocation");
                }
            }
        }

        List<Located> domains = new ArrayList<>();
        Element appDomains = base(root, "AppDomains");
        if (appDomains != null) {
            for (Element d : appDomains.all("AppDomain")) domains.add(new Located(d.text(), d.at()));
        }

        List<Manifest.RequirementSet> sets = new ArrayList<>();
        Element req = base(root, "Requirements");
        if (req != null) sets(req, "base", sets);

        List<Manifest.Host> hosts = new ArrayList<>();
        Element baseHosts = base(root, "Hosts");
        Element capabilities = base(root, "Capabilities");
        if (baseHosts != null) {
            for (Element h : baseHosts.all("Host")) host(hosts, h.attr("Name"), h.at());
        } else if (capabilities != null) {
            for (Element c : capabilities.all("Capability")) host(hosts, c.attr("Name"), c.at());
        }

        List<Manifest.Host> voHosts = new ArrayList<>();
        List<Located> extended = new ArrayList<>();
        Manifest.Sso[] sso = new Manifest.Sso[1];
        for (Element vo : root.all("VersionOverrides")) {
            overrides(vo, voHosts, sets, extended, sso, urls);
        }
        if (baseHosts == null && capabilities == null) {
            if (!voHosts.isEmpty()) hosts.addAll(voHosts);
            else if ("MailApp".equals(type)) hosts.add(new Manifest.Host("outlook", "MailApp", root.at()));
        }

        Element permissions = base(root, "Permissions");
        Located permission = permissions != null ? new Located(permissions.text(), permissions.at())
                : "MailApp".equals(type) ? new Located("Restricted", root.at()) : null;

        Element displayName = base(root, "DisplayName");
        Manifest m = new Manifest(file, "xml", type, schema, root.at(), text(base(root, "Id")),
                text(base(root, "Version")), text(base(root, "ProviderName")),
                displayName == null ? null : new Located(displayName.attr("DefaultValue"), displayName.at()),
                List.copyOf(hosts), permission, List.copyOf(extended), List.copyOf(sets), sso[0],
                List.copyOf(domains), List.copyOf(urls));
        return new Read(m, root);
    }

    /** A direct child of the root in the root's namespace. */
    private static Element base(Element root, String local) {
        for (Element c : root.children()) if (c.name().equals(local) && c.ns().equals(root.ns())) return c;
        return null;
    }

    private static Located text(Element e) {
        return e == null ? null : new Located(e.text(), e.at());
    }

    private static void url(List<Manifest.Url> urls, Element e, String kind, String what) {
        if (e == null) return;
        String v = e.attr("DefaultValue");
        if (v != null) urls.add(new Manifest.Url(kind, what, v, e.at()));
    }

    private static void host(List<Manifest.Host> hosts, String written, Location at) {
        if (written == null) return;
        String name = HOSTS.getOrDefault(written, written.toLowerCase(java.util.Locale.ROOT));
        for (Manifest.Host h : hosts) if (h.name().equals(name)) return;
        hosts.add(new Manifest.Host(name, written, at));
    }

    /** {@code Requirements/Sets/Set} (base) or {@code Requirements/bt:Sets/bt:Set} (VersionOverrides). */
    private static void sets(Element requirements, String scope, List<Manifest.RequirementSet> out) {
        for (Element s : requirements.all("Sets")) {
            String def = s.attr("DefaultMinVersion") != null ? s.attr("DefaultMinVersion") : "1.1";
            for (Element set : s.all("Set")) {
                String min = set.attr("MinVersion") != null ? set.attr("MinVersion") : def;
                out.add(new Manifest.RequirementSet(set.attr("Name"), min, scope, set.at()));
            }
        }
    }

    private static void overrides(Element vo, List<Manifest.Host> hosts, List<Manifest.RequirementSet> sets,
                                  List<Located> extended, Manifest.Sso[] sso, List<Manifest.Url> urls) {
        String scope = OfficeXml.voLabel(vo.ns());
        for (Element c : vo.children()) {
            switch (c.name()) {
                case "VersionOverrides" -> overrides(c, hosts, sets, extended, sso, urls);
                case "Requirements" -> sets(c, scope, sets);
                case "Hosts" -> {
                    for (Element h : c.all("Host")) {
                        host(hosts, h.xsiType(), h.at());
                        h.walk(e -> {
                            if (e.name().equals("SupportsSharedFolders") && "true".equalsIgnoreCase(e.text())) {
                                add(extended, new Located("SupportsSharedFolders", e.at()));
                            }
                        });
                    }
                }
                case "WebApplicationInfo" -> {
                    Element scopes = c.child("Scopes");
                    List<Located> list = new ArrayList<>();
                    if (scopes != null) for (Element s : scopes.all("Scope")) list.add(new Located(s.text(), s.at()));
                    Manifest.Sso found = new Manifest.Sso(text(c.child("Id")), text(c.child("Resource")),
                            List.copyOf(list), c.at());
                    // the highest VersionOverrides a client supports wins; the nested (newer) one is read last
                    sso[0] = found;
                }
                case "ExtendedPermissions" -> {
                    for (Element p : c.all("ExtendedPermission")) add(extended, new Located(p.text(), p.at()));
                }
                case "Resources" -> {
                    for (Element group : c.children()) {
                        for (Element r : group.children()) {
                            if (group.name().equals("Images")) url(urls, r, "icon", "Resources/Images " + r.attr("id"));
                            if (group.name().equals("Urls")) url(urls, r, "resource", "Resources/Urls " + r.attr("id"));
                        }
                    }
                }
                default -> {
                }
            }
        }
    }

    private static void add(List<Located> list, Located value) {
        for (Located l : list) if (l.value().equals(value.value())) return;
        list.add(value);
    }
}
