package dev.preflight.model;

import java.util.List;

/**
 * An app known to Integrated apps or Centralized Deployment: an Office add-in, web (SaaS) app, Teams app,
 * SPFx app, or a COM/VSTO add-in someone plans to deploy. Facts are null when unknown.
 */
public record App(String id, String displayName, String appKind, String origin, String productId, String assetId,
                  String locale, String contentMarket, List<String> hosts, String permission, String state,
                  String status, String deploymentType, String manifestVersion, String latestManifestVersion,
                  String updateManifestVersion, String updatePermission, Boolean requiresConsent,
                  List<GraphPermission> graphPermissions, String publisherName, Boolean publisherVerified,
                  String deployedBy, Location location, ManifestSource manifests) implements Entity {
    @Override public String kind() { return "app"; }
    @Override public String name() { return displayName != null ? displayName : id; }

    public boolean addIn() { return "office-add-in".equals(appKind); }

    /**
     * Whether the app is of kind {@code kind} or its kind is absent (it may be): rules match on this so that an app of
     * unknown kind is not dropped; {@code Unknowns} reports their findings about it as DATA-004 naming apps[].kind.
     */
    public boolean mayBe(String kind) { return appKind == null || appKind.equals(kind); }

    /** Where {@code fact} is written: in the app's manifest when it was read from there, else the app's entry. */
    public Location at(String fact) {
        Location l = manifests == null ? null : manifests.facts().get(fact);
        return l != null ? l : location;
    }

    /**
     * How DATA-004 names {@code fact} (e.g. {@code apps[].hosts}), a fact the app's manifest gives: when the app names
     * no manifest, the manifest is the other place the fact could have come from, so it is named too.
     */
    public String absent(String fact) {
        return manifests == null || manifests.file() == null ? fact + " (or apps[].manifest to read it from)" : fact;
    }

    /** " (manifest file:line:col)" when {@code fact} was read from a manifest, else "": for evidence. */
    public String from(String fact) {
        Location l = manifests == null ? null : manifests.facts().get(fact);
        return l == null ? "" : " (manifest " + l + ")";
    }
}
