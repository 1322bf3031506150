package dev.preflight.model;

/** A license SKU the tenant subscribes to, as declared in the snapshot. */
public record Sku(String skuPartNumber, String skuId, String displayName, Boolean exchangeOnline, Location location)
        implements Entity {
    @Override public String kind() { return "sku"; }
    @Override public String id() { return skuPartNumber; }
    @Override public String name() { return displayName != null ? displayName : skuPartNumber; }
}
