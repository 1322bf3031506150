package dev.preflight.manifest;

import dev.preflight.manifest.JsonTree.Arr;
import dev.preflight.manifest.JsonTree.Node;
import dev.preflight.manifest.JsonTree.Obj;
import dev.preflight.manifest.JsonTree.Val;
import dev.preflight.snapshot.InputException;
import dev.preflight.snapshot.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the facts of a unified manifest for Microsoft 365 (JSON) into the same record as an XML manifest. */
final class JsonManifestReader {

    /** {@code extensions[].requirements.scopes} -> host. */
    static final Map<String, String> SCOPES = Map.of("mail", "outlook", "workbook", "excel", "document", "word",
            "presentation", "powerpoint");

    /** {@code authorization.permissions.resourceSpecific[].name} -> the XML permission, least to most within a kind. */
    static final Map<String, String> PERMISSIONS = Map.of(
            "Document.Restricted.User", "Restricted", "Document.Read.User", "ReadDocument",
            "Document.ReadAll.User", "ReadAllDocument", "Document.Write.User", "WriteDocument",
            "Document.ReadWrite.User", "ReadWriteDocument", "MailboxItem.Restricted.User", "Restricted",
            "MailboxItem.Read.User", "ReadItem", "MailboxItem.ReadWrite.User", "ReadWriteItem",
            "Mailbox.ReadWrite.User", "ReadWriteMailbox");
    static final Map<String, String> EXTENDED = Map.of("Mailbox.AppendOnSend.User", "AppendOnSend",
            "Mailbox.SharedFolder", "SupportsSharedFolders");

    private JsonManifestReader() {
    }

    record Read(Manifest manifest, Node root) {
    }

    static Read read(byte[] bytes, String file) throws InputException {
        Node tree = JsonTree.parse(bytes, file);
        if (!(tree instanceof Obj root)) {
            throw new InputException(new Problem(tree.at(), "a unified manifest is a JSON object"));
        }
        Located manifestVersion = root.str("manifestVersion");
        Obj developer = root.obj("developer");
        Obj name = root.obj("name");

        List<Manifest.Host> hosts = new ArrayList<>();
        List<Manifest.RequirementSet> sets = new ArrayList<>();
        List<Manifest.Url> urls = new ArrayList<>();
        int i = 0;
        for (Node e : root.arr("extensions")) {
            if (!(e instanceof Obj ext)) continue;
            Obj req = ext.obj("requirements");
            Node scopes = req == null ? null : req.get("scopes");
            if (scopes instanceof Arr a) {
                for (Node s : a.items()) {
                    if (s instanceof Val v && v.value() instanceof String text) {
                        String host = SCOPES.getOrDefault(text, text);
                        if (hosts.stream().noneMatch(h -> h.name().equals(host))) hosts.add(new Manifest.Host(host, text, v.at()));
                    }
                }
            } else if (hosts.stream().noneMatch(h -> h.name().equals("outlook"))) {
                // no scopes: treated as an Outlook add-in
                hosts.add(new Manifest.Host("outlook", "(no requirements.scopes)", ext.at()));
            }
            if (req != null) capabilities(req, "extensions[" + i + "]", sets);
            int r = 0;
            for (Node rt : ext.arr("runtimes")) {
                if (rt instanceof Obj runtime) {
                    Obj rreq = runtime.obj("requirements");
                    Located id = runtime.str("id");
                    if (rreq != null) capabilities(rreq, "runtime " + (id != null ? id.value() : String.valueOf(r)), sets);
                }
                r++;
            }
            i++;
        }
        urls(root, null, null, urls);

        Located permission = null;
        List<Located> extended = new ArrayList<>();
        Obj auth = root.obj("authorization");
        Obj perms = auth == null ? null : auth.obj("permissions");
        if (perms != null) {
            for (Node p : perms.arr("resourceSpecific")) {
                if (!(p instanceof Obj o)) continue;
                Located n = o.str("name");
                if (n == null) continue;
                String xml = PERMISSIONS.get(n.value());
                if (xml != null && (permission == null || Permissions.rank(xml) > Permissions.rank(permission.value()))) {
                    permission = new Located(xml, n.at());
                }
                if (EXTENDED.containsKey(n.value())) extended.add(new Located(EXTENDED.get(n.value()), n.at()));
            }
        }

        Manifest.Sso sso = null;
        Obj web = root.obj("webApplicationInfo");
        if (web != null) sso = new Manifest.Sso(web.str("id"), web.str("resource"), null, web.at());

        List<Located> domains = new ArrayList<>();
        for (Node d : root.arr("validDomains")) {
            if (d instanceof Val v && v.value() instanceof String s) domains.add(new Located(s, v.at()));
        }
        Manifest m = new Manifest(file, "json", "unified", manifestVersion == null ? null : manifestVersion.value(),
                root.at(), root.str("id"), root.str("version"), developer == null ? null : developer.str("name"),
                name == null ? null : name.str("short"), List.copyOf(hosts), permission, List.copyOf(extended),
                List.copyOf(sets), sso, List.copyOf(domains), List.copyOf(urls));
        return new Read(m, root);
    }

    private static void capabilities(Obj req, String scope, List<Manifest.RequirementSet> out) {
        for (Node c : req.arr("capabilities")) {
            if (c instanceof Obj o && o.str("name") != null) {
                Located min = o.str("minVersion");
                out.add(new Manifest.RequirementSet(o.str("name").value(), min == null ? null : min.value(), scope, o.at()));
            }
        }
    }

    /** Pages and scripts (source), icon URLs and the developer's web addresses (support). */
    private static void urls(Node node, String key, String parentKey, List<Manifest.Url> out) {
        if (node instanceof Obj o) {
            o.fields().forEach((k, v) -> urls(v, k, key, out));
        } else if (node instanceof Arr a) {
            for (Node n : a.items()) urls(n, key, key, out);
        } else if (node instanceof Val v && v.value() instanceof String s && key != null) {
            if (key.equals("page") || key.equals("script")) out.add(new Manifest.Url("source", key, s, v.at()));
            else if (key.equals("url") && "icons".equals(parentKey)) out.add(new Manifest.Url("icon", "icons[].url", s, v.at()));
            else if (key.equals("websiteUrl") || key.equals("privacyUrl") || key.equals("termsOfUseUrl")) {
                out.add(new Manifest.Url("support", "developer." + key, s, v.at()));
            }
        }
    }
}
