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
                  String deployedBy, Location location) implements Entity {
    @Override public String kind() { return "app"; }
    @Override public String name() { return displayName != null ? displayName : id; }

    public boolean addIn() { return "office-add-in".equals(appKind); }

    /**
     * Whether the app is of kind {@code kind} or its kind is absent (it may be): rules match on this so that an app of
     * unknown kind is not dropped; {@code Unknowns} reports their findings about it as DATA-004 naming apps[].kind.
     */
    public boolean mayBe(String kind) { return appKind == null || appKind.equals(kind); }
}
