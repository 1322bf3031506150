package dev.preflight.manifest;

import dev.preflight.model.Location;

import java.util.List;

/**
 * What one add-in manifest says, the same for both forms: the add-in-only XML manifest ({@code OfficeApp}) and the
 * unified JSON manifest. Every fact keeps where it is written. A fact the manifest does not give is null (a list:
 * empty only when the manifest gives it and it is empty).
 *
 * @param form        {@code xml} or {@code json}
 * @param type        {@code MailApp}, {@code TaskPaneApp}, {@code ContentApp}, or {@code unified}
 * @param schema      the XML namespace version ({@code 1.0}, {@code 1.1}) or the unified {@code manifestVersion}
 * @param hosts       normalised as in snapshots: word, excel, powerpoint, outlook, onenote, project, access, ...
 * @param permission  normalised to the XML names (Restricted, ReadItem, ReadWriteItem, ReadWriteMailbox,
 *                    ReadDocument, ReadAllDocument, WriteDocument, ReadWriteDocument)
 */
public record Manifest(String file, String form, String type, String schema, Location root, Located id,
                       Located version, Located provider, Located displayName, List<Host> hosts,
                       Located permission, List<Located> extendedPermissions, List<RequirementSet> requirements,
                       Sso sso, List<Located> appDomains, List<Url> urls) {

    /** A host as normalised, and as the manifest writes it. */
    public record Host(String name, String written, Location at) {
    }

    /** A requirement set: name, minimum version (null when the manifest gives none) and where it applies. */
    public record RequirementSet(String name, String minVersion, String scope, Location at) {
    }

    /** {@code WebApplicationInfo}: the Entra ID application, its resource and the Graph scopes it asks for. */
    public record Sso(Located id, Located resource, List<Located> scopes, Location at) {
    }

    /** A URL the manifest points to: kind is source, icon, support or resource. */
    public record Url(String kind, String what, String value, Location at) {
    }
}
